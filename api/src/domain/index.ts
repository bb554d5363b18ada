// The domain's public entry for the dashboard and scripts: its vocabulary, type guards and types (no storage).
export * from './types.js';
export * from './absence.js';
export * from './vocabulary.js';
export * from './languages.js';
export * from './state-groups.js';
export { NOT_JOINED_STATUSES, isNotJoined, type NotJoinedStatus } from './advocacy.js';
export { todayUtc } from './clock.js';
export type { CatActivityKind, CatCompleteness, CatObligationStatus, CatProcedure } from './cat-reporting.js';
export type {
  CatDueFacts,
  CatDueReason,
  CatOverdueReason,
  CatProcedureReason,
  CatReceipt,
  CatReportRef,
  CatRuleId,
  CatSituationReason,
} from './cat-reporting.js';
// The words for CAT reporting's codes, and the English catalogue the dashboard merges into its own.
export * from '../messages/cat-reporting.js';
// The map's words (status names, the key, a map image's lines), which the dashboard merges too.
export { MAP_MESSAGES } from '../messages/map.js';
