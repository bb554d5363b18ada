import { onTestFinished } from 'vitest';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { createDb, sqliteOf } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { seedIfEmpty } from '../src/db/seed.js';

/**
 * A fresh app on a real, migrated in-memory SQLite database; closed when the test ends.
 * `seed: true` loads the bundled dataset from data/seed, as the server does on first start.
 */
export async function setup({ seed = false }: { seed?: boolean } = {}) {
  const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_PATH: ':memory:', WEB_BUILD_DIR: '/nonexistent' });
  const db = seed ? createDb(await seededImage(config.seedDir)) : createDb(':memory:');
  if (!seed) await migrateToLatest(db);
  const app = await buildApp(config, db);
  await app.ready();
  onTestFinished(() => app.close());
  return { app, db, config };
}

let image: Promise<Buffer> | undefined;
/**
 * The bundled dataset is some 42,000 UPR recommendations: it is migrated and seeded once per test
 * worker, exactly as the server does on first start, and each test gets its own copy of that database.
 */
function seededImage(seedDir: string): Promise<Buffer> {
  image ??= (async () => {
    const db = createDb(':memory:');
    await migrateToLatest(db);
    await seedIfEmpty(db, seedDir);
    const buffer = sqliteOf(db).serialize();
    await db.destroy();
    return buffer;
  })();
  return image;
}
