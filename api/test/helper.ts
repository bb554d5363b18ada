import { onTestFinished } from 'vitest';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { createDb } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';

/** A fresh app on a real, migrated in-memory SQLite database; closed when the test ends. */
export async function setup() {
  const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_PATH: ':memory:', WEB_BUILD_DIR: '/nonexistent' });
  const db = createDb(':memory:');
  await migrateToLatest(db);
  const app = await buildApp(config, db);
  await app.ready();
  onTestFinished(() => app.close());
  return { app, db, config };
}
