import { readFileSync } from 'node:fs';
import { inject, onTestFinished } from 'vitest';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { createDb } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';

/**
 * A fresh app on a real, migrated in-memory SQLite database; closed when the test ends.
 * `seed: true` loads the bundled dataset from data/seed, as the server does on first start;
 * `env` sets configuration variables as the server's environment would.
 */
export async function setup({ seed = false, env = {} }: { seed?: boolean; env?: Record<string, string> } = {}) {
  const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_PATH: ':memory:', WEB_BUILD_DIR: '/nonexistent', ...env });
  const db = seed ? createDb(seededImage()) : createDb(':memory:');
  if (!seed) await migrateToLatest(db);
  const app = await buildApp(config, db);
  await app.ready();
  onTestFinished(() => app.close());
  return { app, db, config };
}

let image: Buffer | undefined;
/** The database test/global-setup.ts migrated and seeded once for the run. */
export function seededImage(): Buffer {
  image ??= readFileSync(inject('seededImagePath'));
  return image;
}
