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
const doc = app.swagger() as { components?: { schemas?: Record<string, unknown> } };
// Schemas are registered in the order modules happen to load; sorting them keeps the file's diff to
// what changed in the contract.
if (doc.components?.schemas) {
  doc.components.schemas = Object.fromEntries(Object.entries(doc.components.schemas).sort(([a], [b]) => a.localeCompare(b)));
}
writeFileSync(join(repoRoot, 'api/openapi.json'), JSON.stringify(doc, null, 2) + '\n');
await app.close();
console.log('Wrote api/openapi.json');
