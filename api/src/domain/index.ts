// The domain's public entry for the dashboard and scripts: its vocabulary and types (no storage).
export * from './types.js';
export type { CatActivityKind, CatCompleteness, CatObligationStatus, CatProcedure } from './cat-reporting.js';
