/**
 * The API's public entry for the tools around it (scripts/: importers, normalisers, benches):
 * open, migrate and seed a database, the import services, and the domain rules and dataset schemas
 * the importers and normalisers share with the API. Tools import this (`@tracker/api`),
 * `@tracker/api/app` (to serve the API), `@tracker/api/schemas` and `@tracker/api/domain`, never a
 * file inside the API, so the API can rearrange its layers without breaking them
 * (eslint.config.js enforces it). The dashboard reads the API over HTTP and imports only the
 * schemas and domain entries. Nothing inside the API imports this file.
 */

// --- the database ----------------------------------------------------------------------------------
// The Fastify app is a separate entry, @tracker/api/app (src/app.ts), for the benches that serve it:
// loading it here would make every importer start the web framework too.
export { loadConfig, repoRoot, type Config } from './config.js';
export { createDb, sqliteOf, type Database, type SourceRow } from './db/database.js';
export { migrateToLatest } from './db/migrate.js';
export { sqlOf, type Sql } from './db/sql.js';
export { seedIfEmpty } from './db/seed.js';

// --- the import services (import:untc, import:cat, import:upr) --------------------------------------
export { applyEventImport, EventImportError, type EventDiff, type EventImport, type EventImportOptions } from './services/event-import.js';
export {
  applyCatImport,
  CatImportError,
  formatCatDiff,
  type CatImport,
  type CatImportDiff,
  type IncomingCatReport,
} from './services/cat-import.js';
export {
  applyPreparedUprImport,
  applyUprImport,
  formatUprDiff,
  INFERRED_HELD_NOTE,
  type UprImportOptions,
  type UprImportResult,
} from './services/upr-import.js';
export {
  listProblems,
  prepareUprImport,
  refusalMessage,
  UprImportError,
  type PreparedUprImport,
  type UprImport,
} from './services/upr-prepare.js';
export type { UprDataset, UprWriteDiff } from './repositories/upr-store.repository.js';
export { toEngineInstrument } from './services/status.service.js';
export { todayUtc } from './domain/clock.js';

// --- the domain rules beyond the vocabulary of @tracker/api/domain ----------------------------------
export * from './domain/cat-reporting.js';
// English words for the importers and the normaliser, which store them in the seed records.
export { catDueDateText, monthName, reportLabel } from './messages/cat-reporting-en.js';
export { addDays, startOfNextPeriod } from './domain/entry-into-force.js';
export { instrumentStatus, type Instrument } from './domain/status-engine.js';
export { linkRecommendation, toPairs, UPR_LINK_ACTIONS, type UprLink } from './domain/upr-linking.js';

// --- the dataset's record schemas (data/README.md) --------------------------------------------------
export * from './schemas/dataset.js';
export * from './schemas/upr-dataset.js';
// Declared by both the domain (as types) and the schemas (as their validators): the domain's types.
export type { CatDate, CatDatePrecision, CatDateSpan, CatDueDate } from './domain/cat-reporting.js';
