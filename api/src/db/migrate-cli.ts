import { loadConfig } from '../config.js';
import { createDb } from './database.js';
import { migrateToLatest } from './migrate.js';

const config = loadConfig();
const db = createDb(config.database);
const applied = await migrateToLatest(db);
console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database already up to date');
await db.destroy();
