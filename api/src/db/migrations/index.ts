import type { Migration } from 'kysely';
import * as createSourceAndAuditLog from './2026_11_23_001_create_source_and_audit_log.js';
import * as createStatesInstrumentsEvents from './2026_11_23_002_create_states_instruments_events.js';
import * as createCatReporting from './2026_11_23_003_create_cat_reporting.js';
import * as createUpr from './2026_11_23_004_create_upr.js';
import * as uprFtsWithoutPrefixIndex from './2026_11_23_005_upr_fts_without_prefix_index.js';
import * as uprListsOnTheRecommendation from './2026_11_23_006_upr_lists_on_the_recommendation.js';
import * as uprSessionNote from './2026_12_04_007_upr_session_note.js';
import * as accountsAndEditing from './2026_12_05_008_accounts_and_editing.js';
import * as catReportRetraction from './2026_12_05_009_cat_report_retraction.js';
import * as followUpPlans from './2026_12_06_010_follow_up_plans.js';
import * as followUpBodiesIndicators from './2026_12_07_011_follow_up_bodies_indicators.js';
import * as postgresJsonAndFullText from './2026_12_08_012_postgres_json_and_full_text.js';
import * as sharedRateLimitCounters from './2026_12_08_013_shared_rate_limit_counters.js';

/**
 * Every migration, by its dated name. Listed explicitly rather than read from the folder so the
 * same list works from TypeScript sources (tests, tsx) and from the compiled dist/.
 */
export const migrations: Record<string, Migration> = {
  '2026_11_23_001_create_source_and_audit_log': createSourceAndAuditLog,
  '2026_11_23_002_create_states_instruments_events': createStatesInstrumentsEvents,
  '2026_11_23_003_create_cat_reporting': createCatReporting,
  '2026_11_23_004_create_upr': createUpr,
  '2026_11_23_005_upr_fts_without_prefix_index': uprFtsWithoutPrefixIndex,
  '2026_11_23_006_upr_lists_on_the_recommendation': uprListsOnTheRecommendation,
  '2026_12_04_007_upr_session_note': uprSessionNote,
  '2026_12_05_008_accounts_and_editing': accountsAndEditing,
  '2026_12_05_009_cat_report_retraction': catReportRetraction,
  '2026_12_06_010_follow_up_plans': followUpPlans,
  '2026_12_07_011_follow_up_bodies_indicators': followUpBodiesIndicators,
  '2026_12_08_012_postgres_json_and_full_text': postgresJsonAndFullText,
  '2026_12_08_013_shared_rate_limit_counters': sharedRateLimitCounters,
};
