/**
 * The allowed values the API, the importers and the dashboard share, beyond the participation
 * vocabulary of types.ts, and the type guards over both: each list is declared here once and
 * imported by the schemas, the database layer, the services and the dashboard (through
 * `@tracker/api/domain`). Plain values only, so the browser can load them.
 */
import { INSTRUMENT_IDS, STATUSES } from './types.js';

/** A type guard for membership of one of these lists (a URL or a form gives plain text). */
const isOneOf =
  <T extends string>(list: readonly T[]) =>
  (value: string): value is T =>
    (list as readonly string[]).includes(value);

export const isInstrumentId = isOneOf(INSTRUMENT_IDS);
export const isStatus = isOneOf(STATUSES);

/** The formats of the API's list answers (`?format=`): JSON by default, or a CSV file. */
export const RESPONSE_FORMATS = ['json', 'csv'] as const;
export type ResponseFormat = (typeof RESPONSE_FORMATS)[number];
export const isResponseFormat = isOneOf(RESPONSE_FORMATS);

// --- States ------------------------------------------------------------------------------------

/** The five UN regional groups, as `data/seed/states.json` and the `group` filter write them. */
export const UN_REGIONAL_GROUPS = [
  'african',
  'asia-pacific',
  'eastern-european',
  'latin-american-caribbean',
  'western-european-others',
] as const;
export type UnRegionalGroup = (typeof UN_REGIONAL_GROUPS)[number];

/** A State's standing at the United Nations. */
export const UN_MEMBERSHIPS = ['un-member', 'observer-state', 'non-member'] as const;
export type UnMembership = (typeof UN_MEMBERSHIPS)[number];

/** Least developed country: one now, graduated from the list, or never on it. */
export const LDC_STATUSES = ['ldc', 'graduated', 'never'] as const;
export type LdcStatus = (typeof LDC_STATUSES)[number];

// --- Universal Periodic Review -----------------------------------------------------------------

/**
 * The normalised response of the State under review: `supported` (UPR Info said "Accepted"),
 * `noted` (also the old "Rejected"), `split` (partly supported, partly noted), `pending` (no
 * position given yet). The mapping from the sources' words is one table in scripts/src/upr/responses.ts.
 */
export const UPR_RESPONSES = ['supported', 'noted', 'split', 'pending'] as const;
export type UprResponse = (typeof UPR_RESPONSES)[number];

/** The `response` filter and facet: a response, or `not-recorded` where no source gives one. */
export const UPR_RESPONSE_FILTERS = [...UPR_RESPONSES, 'not-recorded'] as const;
export type UprResponseFilter = (typeof UPR_RESPONSE_FILTERS)[number];

/**
 * Where a review stands, as the sources say: `held` (recorded as held, or its recommendations are
 * recorded), `scheduled` (announced or planned, not known to have taken place), `postponed` (did not
 * take place on its date and was moved). null when no source says.
 */
export const UPR_REVIEW_STATUSES = ['held', 'scheduled', 'postponed'] as const;
export type UprReviewStatus = (typeof UPR_REVIEW_STATUSES)[number];

/** How far a recommendation is implemented, by the latest assessment recorded. */
export const UPR_IMPLEMENTATION_STATUSES = ['not-implemented', 'partially-implemented', 'fully-implemented', 'no-information'] as const;
export type UprImplementationStatus = (typeof UPR_IMPLEMENTATION_STATUSES)[number];

/** The `implementation` filter and facet: a status, or `not-assessed` where none is recorded. */
export const UPR_IMPLEMENTATION_FILTERS = [...UPR_IMPLEMENTATION_STATUSES, 'not-assessed'] as const;

/** Who made an implementation assessment. */
export const UPR_ASSESSMENT_SOURCES = ['mid-term-report', 'stakeholder-report', 'national-mechanism', 'other'] as const;

/** Orders of the recommendation search: best match (needs a search text), newest session, State under review. */
export const UPR_SORTS = ['relevance', 'session', 'state'] as const;
export type UprSort = (typeof UPR_SORTS)[number];
export const isUprSort = isOneOf(UPR_SORTS);

/** Account roles: an admin manages users and tokens (and may edit); an editor records and corrects facts. */
export const USER_ROLES = ['admin', 'editor'] as const;
export type UserRole = (typeof USER_ROLES)[number];

/**
 * What an API token may write, one scope per kind of fact (a token for a CAT import cannot touch
 * the Rome Statute events). Sessions of editors and admins may write all of them.
 */
export const TOKEN_SCOPES = ['participation-events', 'cat-reporting', 'upr-assessments', 'review-queue', 'follow-up'] as const;
export type TokenScope = (typeof TOKEN_SCOPES)[number];

/** Kinds of change in the public change feed (`kind=`), by what changed. */
export const CHANGE_KINDS = ['participation-event', 'cat-reporting', 'upr-assessment', 'upr-dataset', 'source', 'review'] as const;
export type ChangeKind = (typeof CHANGE_KINDS)[number];

/**
 * UPR follow-up plans (docs: api/src/domain/README.md, "UPR follow-up plans"). A plan is a draft,
 * seen only by its organisation, until it is published; then it is public and each publication is
 * kept as it was.
 */
export const PLAN_VISIBILITIES = ['draft', 'published'] as const;
export type PlanVisibility = (typeof PLAN_VISIBILITIES)[number];

/** What a plan's clusters are first suggested from: the recommendations' first theme, affected group or SDG, or none. */
export const CLUSTER_BASES = ['theme', 'affected-persons', 'sdg', 'none'] as const;
export type ClusterBasis = (typeof CLUSTER_BASES)[number];

/**
 * Progress on a recommendation, as an organisation reports it over time: the mid-term assessment
 * scale (not started / in progress / partially / fully implemented) and "no longer relevant".
 */
export const PROGRESS_STATUSES = ['not-started', 'in-progress', 'partially-implemented', 'implemented', 'no-longer-relevant'] as const;
export type ProgressStatus = (typeof PROGRESS_STATUSES)[number];

/** What kind of body a State's managed list of responsible bodies holds. */
export const BODY_KINDS = [
  'ministry',
  'agency',
  'parliament',
  'judiciary',
  'national-human-rights-institution',
  'local-government',
  'other',
] as const;
export type BodyKind = (typeof BODY_KINDS)[number];

/** Where a planned action stands. */
export const ACTION_STATUSES = ['planned', 'in-progress', 'completed', 'stalled', 'cancelled'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

// --- Agenda ------------------------------------------------------------------------------------

/**
 * The kinds of dated event the agenda lists (GET /api/agenda?kind=). Each is a date the data holds:
 * nothing is listed that a source or a stated rule does not give.
 */
export const AGENDA_KINDS = [
  'upr-session',
  'upr-review',
  'cat-session',
  'cat-dialogue',
  'cat-report-due',
  'cat-follow-up-due',
  'entry-into-force',
  'withdrawal-effective',
  'amendment-activation',
  'follow-up-action-due',
] as const;
export type AgendaKind = (typeof AGENDA_KINDS)[number];
export const isAgendaKind = isOneOf(AGENDA_KINDS);

/**
 * "scheduled": announced or still ahead; "held": the source records that it took place, or (for a
 * deadline, a date of effect or a planned action) the date has come. The two are never merged.
 */
export const AGENDA_STATUSES = ['scheduled', 'held'] as const;
export type AgendaStatus = (typeof AGENDA_STATUSES)[number];

/** The agenda's answer formats: JSON, a CSV file, or an RFC 5545 calendar to subscribe to. */
export const AGENDA_FORMATS = ['json', 'csv', 'ics'] as const;
export type AgendaFormat = (typeof AGENDA_FORMATS)[number];
