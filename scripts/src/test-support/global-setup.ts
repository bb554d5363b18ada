import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';
import { loadConfig } from '@tracker/api/config';
import { createDb, sqliteOf } from '@tracker/api/db/database';
import { migrateToLatest } from '@tracker/api/db/migrate';
import { seedIfEmpty } from '@tracker/api/db/seed';

declare module 'vitest' {
  interface ProvidedContext {
    seededImagePath: string;
  }
}

/**
 * Migrates and seeds one database with the bundled dataset, as the server does on first start,
 * once for the whole run (as api/test/global-setup.ts does for the API's tests); the importer
 * tests copy it in memory with seededImage() (./seeded-image.ts).
 */
export async function setup(project: TestProject) {
  const dir = mkdtempSync(join(tmpdir(), 'tracker-scripts-test-'));
  const path = join(dir, 'seeded.sqlite');
  const db = createDb(':memory:');
  await migrateToLatest(db);
  await seedIfEmpty(db, loadConfig({}).seedDir);
  writeFileSync(path, sqliteOf(db).serialize());
  await db.destroy();
  project.provide('seededImagePath', path);
  return () => rmSync(dir, { recursive: true, force: true });
}
