import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '../src/config.js';
import { createDb, sqliteOf } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { seedIfEmpty } from '../src/db/seed.js';

declare module 'vitest' {
  interface ProvidedContext {
    seededImagePath: string;
  }
}

/**
 * Migrates and seeds one database with the bundled dataset (some 42,000 UPR recommendations
 * among it), exactly as the server does on first start, once for the whole run; every test
 * that asks for a seeded app gets its own in-memory copy of it (test/helper.ts).
 */
export async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'tracker-api-test-'));
  const path = join(dir, 'seeded.sqlite');
  const db = createDb(':memory:');
  await migrateToLatest(db);
  await seedIfEmpty(db, loadConfig({}).seedDir);
  writeFileSync(path, sqliteOf(db).serialize());
  await db.destroy();
  project.provide('seededImagePath', path);
  return () => rmSync(dir, { recursive: true, force: true });
}
