import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../src/config.js';
import { createDb, sqliteOf } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { seedIfEmpty } from '../src/db/seed.js';
import { createDatabaseStatement, onServer, postgresUrl, TEMPLATES } from './databases.js';

declare module 'vitest' {
  interface ProvidedContext {
    seededImagePath: string;
    /** TEST_DATABASE_URL: the PostgreSQL server the run is on, or '' for SQLite. */
    postgresServer: string;
  }
}

/**
 * Migrates and seeds one database with the bundled dataset (some 42,000 UPR recommendations
 * among it), exactly as the server does on first start, once for the whole run; every test
 * that asks for a seeded app gets its own copy of it (test/databases.ts). On a PostgreSQL run
 * (TEST_DATABASE_URL), the seeded and an empty migrated database are made as templates too.
 */
export async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'tracker-api-test-'));
  const path = join(dir, 'seeded.sqlite');
  const seedDir = loadConfig({}).seedDir;
  const db = createDb(':memory:');
  await migrateToLatest(db);
  await seedIfEmpty(db, seedDir);
  writeFileSync(path, sqliteOf(db).serialize());
  await db.destroy();
  project.provide('seededImagePath', path);

  const server = process.env.TEST_DATABASE_URL ?? '';
  project.provide('postgresServer', server);
  if (server) {
    for (const [kind, name] of Object.entries(TEMPLATES)) {
      await onServer(server, `drop database if exists "${name}" with (force)`);
      await onServer(server, createDatabaseStatement(name));
      const template = createDb(postgresUrl(server, name));
      await migrateToLatest(template);
      if (kind === 'seeded') await seedIfEmpty(template, seedDir);
      await template.destroy();
    }
  }
  return async () => {
    rmSync(dir, { recursive: true, force: true });
    if (server) for (const name of Object.values(TEMPLATES)) await onServer(server, `drop database if exists "${name}" with (force)`);
  };
}
