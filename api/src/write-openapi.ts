import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildApp } from './app.js';
import { loadConfig, repoRoot } from './config.js';
import { createDb } from './db/database.js';
import { migrateToLatest } from './db/migrate.js';

/** Writes api/openapi.json, the committed API contract; a test fails when it drifts from the code. */
const db = createDb(':memory:');
await migrateToLatest(db);
const app = await buildApp({ ...loadConfig({ LOG_LEVEL: 'silent', WEB_BUILD_DIR: '/nonexistent' }) }, db);
await app.ready();
writeFileSync(join(repoRoot, 'api/openapi.json'), JSON.stringify(app.swagger(), null, 2) + '\n');
await app.close();
console.log('Wrote api/openapi.json');
