import SQLite from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect, type Generated, type Selectable } from 'kysely';
import pg from 'pg';
import { isPostgresUrl } from './dialect.js';
import type { InstrumentId, ParticipationEvent } from '../domain/types.js';
import type { LdcStatus, UnMembership, UnRegionalGroup } from '../domain/vocabulary.js';

/** A cited source: every fact in the database points at one, with the date its data is as of. */
export interface SourceTable {
  id: string;
  title: string;
  publisher: string | null;
  url: string | null;
  asOf: string | null;
  rawFile: string | null;
  note: string | null;
}

/** Every change made by a person or an import: who, when, what before and after, which source. */
export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  before: string | null;
  after: string | null;
  sourceId: string | null;
  /** The organisation the actor records for (null for the bundled imports). */
  organisation: string | null;
  /** The reason the editor gave (imports: null). */
  reason: string | null;
  /** The instrument and State the change is about, where it is about one (the change feed filters on them). */
  instrumentId: string | null;
  stateIso3: string | null;
}

export type { UserRole } from '../domain/vocabulary.js';
import type { UserRole } from '../domain/vocabulary.js';
export interface UserTable {
  id: Generated<number>;
  email: string;
  name: string;
  organisation: string;
  role: UserRole;
  passwordHash: string;
  createdAt: string;
  disabledAt: string | null;
}
/** PostgreSQL only (migration 013): the rate-limit counters every server process shares. */
export interface RateLimitCounterTable {
  key: string;
  count: number;
  resetAt: number;
}
export interface SessionTable {
  tokenHash: string;
  userId: number;
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
  revokedAt: string | null;
}
export interface ApiTokenTable {
  id: Generated<number>;
  userId: number;
  name: string;
  tokenHash: string;
  /** JSON array of TokenScope. */
  scopes: string;
  createdAt: string;
  expiresAt: string | null;
  revokedAt: string | null;
  lastUsedAt: string | null;
}
export interface ReaderFlagTable {
  id: Generated<number>;
  pageUrl: string;
  instrumentId: string | null;
  stateIso3: string | null;
  message: string;
  contact: string | null;
  createdAt: string;
  status: Generated<'open' | 'resolved' | 'rejected'>;
  resolvedAt: string | null;
  resolvedBy: string | null;
  resolution: string | null;
}

/** Booleans are stored as 0/1: SQLite has no boolean type. */
type SqliteBool = 0 | 1;

export interface StateTable {
  iso3: string;
  iso2: string;
  isoNumeric: string;
  m49Code: string;
  membership: UnMembership;
  nameEn: string;
  nameFr: string;
  nameEs: string;
  nameAr: string;
  formalNameEn: string | null;
  regionCode: string;
  regionName: string;
  subRegionCode: string;
  subRegionName: string;
  intermediateRegionCode: string | null;
  intermediateRegionName: string | null;
  unRegionalGroup: UnRegionalGroup | null;
  unRegionalGroupRole: string | null;
  unRegionalGroupNote: string | null;
  ldcStatus: LdcStatus;
  ldcGraduatedOn: string | null;
  ldcGraduatedOnPrecision: 'day' | 'month' | null;
  ldcScheduledGraduation: string | null;
  ldcNote: string | null;
  sids: SqliteBool;
  odaRecipient: SqliteBool | null;
  odaIncomeGroup: string | null;
  odaListYears: string;
  mapPolygon110m: SqliteBool;
  mapMarkerLon: number | null;
  mapMarkerLat: number | null;
  mapNote: string | null;
  /** JSON array of source ids. */
  sourceIds: string;
}

export interface InstrumentTable {
  id: InstrumentId;
  parentId: InstrumentId | null;
  untcReference: string;
  name: string;
  shortName: string;
  adoptedOn: string | null;
  adoptedAt: string | null;
  generalEntryIntoForce: string | null;
  /** JSON of EntryIntoForceRule. */
  entryIntoForceRule: string;
  /** JSON of WithdrawalRule, or null where no source states it. */
  withdrawalRule: string | null;
  rulesNote: string;
  dataAsOf: string;
  completenessNote: string;
  sourceIds: string;
}

/** `retractedAt`: set when the event was retracted (it is kept, but no longer counts). */
export type ParticipationEventTable = ParticipationEvent & { retractedAt: string | null };

export interface PublishedCountTable {
  id: string;
  instrumentId: InstrumentId;
  measure: 'parties' | 'signatories';
  value: number;
  asOf: string | null;
  sourceId: string;
  note: string | null;
}

export interface DataVersionTable {
  id: number;
  version: number;
  changedAt: string;
}

/** CAT reporting tables: key columns plus the whole record as JSON (see migration 003). */
export interface CatReportTable {
  id: string;
  stateIso3: string;
  number: number;
  sourceId: string;
  record: string;
  /** Set when an editor retracts the record: it stays, but no longer counts (migration 009). */
  retractedAt: Generated<string | null>;
}
export interface CatFollowUpListTable {
  id: string;
  session: number;
  sourceId: string;
  record: string;
}
export interface CatSessionTable {
  id: string;
  session: number;
  record: string;
}
export interface CatReportingStateTable {
  stateIso3: string;
  completeness: string;
  record: string;
}
export interface CatAnnualReportTable {
  symbol: string;
  sourceId: string;
  record: string;
}

/** UPR tables (migration 004); list fields are JSON text. */
export interface UprSessionTable {
  session: number;
  cycle: number;
  year: number | null;
  startDate: string | null;
  endDate: string | null;
  sourceIds: string;
  note: string | null;
}
export interface UprReviewTable {
  id: string;
  stateIso3: string;
  session: number;
  cycle: number;
  status: string | null;
  statusAsRecorded: string | null;
  reviewDate: string | null;
  documents: string;
  sourceIds: string;
  note: string | null;
}
export interface UprRecommendationTable {
  seq: Generated<number>;
  id: string;
  reviewId: string;
  session: number;
  cycle: number;
  stateUnderReviewIso3: string;
  paragraph: string | null;
  text: string;
  /** JSON: [{ iso3 (null: not a State of the registry), nameAsRecorded }, ...] in the source's order (migration 006). */
  recommendingStates: string;
  response: string | null;
  responseAsRecorded: string | null;
  responseSource: string | null;
  actionCategory: number | null;
  themes: string | null;
  sdgs: string | null;
  affectedPersons: string | null;
  documentSymbol: string | null;
  documentDate: string | null;
  externalId: string | null;
  sourceId: string;
  sourceLine: number;
  implementation: string | null;
}
export interface UprLinkTable {
  recommendation: number;
  instrumentId: string;
  action: string;
}
export interface UprPledgeTable {
  id: string;
  reviewId: string;
  stateIso3: string;
  session: number;
  cycle: number;
  text: string;
  actionCategory: number | null;
  themes: string | null;
  sourceId: string;
  sourceLine: number;
}
export interface UprAssessmentTable {
  id: Generated<number>;
  recommendationId: string;
  status: string;
  assessedOn: string;
  sourceKind: string;
  sourceTitle: string;
  sourceUrl: string | null;
  evidence: string | null;
  recordedBy: string;
  recordedAt: string;
  /** The organisation that made the assessment (null for those recorded before accounts existed). */
  organisation: string | null;
  documentSymbol: string | null;
  /** Set when retracted: the row is kept and no longer counts. */
  retractedAt: string | null;
}

export interface Database {
  rateLimitCounter: RateLimitCounterTable;
  source: SourceTable;
  auditLog: AuditLogTable;
  state: StateTable;
  instrument: InstrumentTable;
  participationEvent: ParticipationEventTable;
  publishedCount: PublishedCountTable;
  dataVersion: DataVersionTable;
  catReport: CatReportTable;
  catFollowUpList: CatFollowUpListTable;
  catSession: CatSessionTable;
  catReportingState: CatReportingStateTable;
  catAnnualReport: CatAnnualReportTable;
  uprSession: UprSessionTable;
  uprReview: UprReviewTable;
  uprRecommendation: UprRecommendationTable;
  uprLink: UprLinkTable;
  uprPledge: UprPledgeTable;
  uprAssessment: UprAssessmentTable;
  user: UserTable;
  session: SessionTable;
  apiToken: ApiTokenTable;
  readerFlag: ReaderFlagTable;
  followUpPlan: FollowUpPlanTable;
  followUpCluster: FollowUpClusterTable;
  followUpItem: FollowUpItemTable;
  followUpAction: FollowUpActionTable;
  followUpUpdate: FollowUpUpdateTable;
  followUpPublication: FollowUpPublicationTable;
  followUpBody: FollowUpBodyTable;
  followUpIndicator: FollowUpIndicatorTable;
}

/** UPR follow-up plans (migration 010). */
export interface FollowUpPlanTable {
  id: string;
  stateIso3: string;
  reviewId: string;
  title: string;
  description: string | null;
  organisation: string;
  visibility: 'draft' | 'published';
  createdAt: string;
  createdBy: string;
  publishedAt: string | null;
  version: Generated<number>;
}
export interface FollowUpClusterTable {
  id: string;
  planId: string;
  title: string;
  position: number;
}
export interface FollowUpItemTable {
  id: string;
  planId: string;
  clusterId: string | null;
  /** Null for a recommendation of another mechanism added by hand (migration 011), which carries its own text. */
  recommendationId: string | null;
  position: number;
  removedAt: string | null;
  mechanism: string | null;
  documentSymbol: string | null;
  paragraph: string | null;
  text: string | null;
}
export interface FollowUpActionTable {
  id: string;
  planId: string;
  itemId: string;
  description: string;
  responsibleBody: string | null;
  targetDate: string | null;
  status: string;
  recordedAt: string;
}
export interface FollowUpUpdateTable {
  id: Generated<number>;
  planId: string;
  itemId: string;
  status: string;
  date: string;
  narrative: string;
  sourceUrl: string | null;
  documentSymbol: string | null;
  recordedAt: string;
  recordedBy: string;
  organisation: string;
}
export interface FollowUpPublicationTable {
  planId: string;
  version: number;
  publishedAt: string;
  publishedBy: string;
  snapshot: string;
}

/** The managed list of responsible bodies per State (migration 011). */
export interface FollowUpBodyTable {
  id: string;
  stateIso3: string;
  name: string;
  kind: string;
  addedAt: string;
  addedBy: string;
  organisation: string;
}
export interface FollowUpIndicatorTable {
  id: string;
  planId: string;
  itemId: string;
  description: string;
  baseline: string | null;
  target: string | null;
  recordedAt: string;
}

export type SourceRow = Selectable<SourceTable>;
export type StateRow = Selectable<StateTable>;
export type InstrumentRow = Selectable<InstrumentTable>;

/**
 * Opens the database at `location`: a postgres:// address opens a PostgreSQL connection pool;
 * anything else is an SQLite file, created if needed, with WAL and foreign keys on. A Buffer
 * opens an in-memory copy of a serialized SQLite database (tests start from one seeded image).
 */
export function createDb(location: string | Buffer): Kysely<Database> {
  if (typeof location === 'string' && isPostgresUrl(location)) return createPostgresDb(location);
  const file = typeof location === 'string' && location !== ':memory:';
  if (file) mkdirSync(dirname(location), { recursive: true });
  const sqlite = new SQLite(location);
  // WAL lets readers proceed while an import writes; it does not apply to in-memory databases.
  if (file) sqlite.pragma('journal_mode = WAL');
  // In WAL mode NORMAL syncs at checkpoints, not at every commit: a crash or power cut can lose
  // the last transactions but never corrupts the file, and imports commit twice as fast.
  if (file) sqlite.pragma('synchronous = NORMAL');
  // SQLite leaves foreign keys off unless asked, per connection.
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  // 64 MiB of page cache (the default is 2 MiB): imports of tens of thousands of rows and the
  // UPR index build touch far more pages than that.
  sqlite.pragma('cache_size = -65536');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  handles.set(db, sqlite);
  return db;
}

/**
 * Values as the SQLite side gives them, so that the code above the database layer sees one shape:
 * counts and other 64-bit integers as numbers (node-postgres gives strings, for values beyond 2^53
 * that the tracker never has), and JSON columns (jsonb) as their JSON text, which the repositories
 * parse where they need the value.
 */
const { builtins } = pg.types;
const pgTypes: pg.CustomTypesConfig = {
  getTypeParser: ((oid: number, format: 'text' | 'binary' = 'text') => {
    if (oid === Number(builtins.INT8) || oid === Number(builtins.NUMERIC)) return Number;
    // Compact, as JSON.stringify writes it (jsonb's text has a space after every comma and colon).
    if (oid === Number(builtins.JSONB) || oid === Number(builtins.JSON)) return (text: string) => JSON.stringify(JSON.parse(text));
    return pg.types.getTypeParser(oid, format) as (value: string) => unknown;
  }) as pg.CustomTypesConfig['getTypeParser'],
};

function createPostgresDb(url: string): Kysely<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    // Per process: ten processes keep at most 100 connections open, PostgreSQL's default maximum.
    // More connections than cores gain nothing; a request waits for a free one instead.
    max: 10,
    types: pgTypes,
  });
  // An idle connection that PostgreSQL closes (a restart, a fail-over, an administrator) is only
  // reported: the pool opens a new one on the next query. Unhandled, the error would stop the process.
  pool.on('error', (err) => console.error(`PostgreSQL closed an idle connection (${err.message}); a new one is opened when needed.`));
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}

const handles = new WeakMap<Kysely<Database>, SQLite.Database>();

/** The better-sqlite3 connection under an SQLite database from `createDb`, for bulk writes and streamed reads. */
export function sqliteOf(db: Kysely<Database>): SQLite.Database {
  const sqlite = handles.get(db);
  if (!sqlite) throw new Error('sqliteOf needs an SQLite database opened with createDb');
  return sqlite;
}

/** The better-sqlite3 connection under `db`, or undefined when `db` is PostgreSQL. */
export const sqliteHandleOf = (db: Kysely<Database>): SQLite.Database | undefined => handles.get(db);

/**
 * The data version every cache is keyed on. `current()` is synchronous so that services can key
 * their caches without a round trip: on SQLite it reads the row itself (a prepared statement on
 * the same connection, about ten times cheaper than Kysely's async pipeline); on PostgreSQL, where
 * other server processes write too, it is the value `refresh()` last read, and the server calls
 * `refresh()` at the start of every request (one primary-key read), so a write made through any
 * process is seen by the next request to every other.
 */
export interface DataVersionReader {
  current(): number;
  refresh(): Promise<number>;
}

export function createDataVersionReader(db: Kysely<Database>): DataVersionReader {
  const sqlite = handles.get(db);
  if (sqlite) {
    const statement = sqlite.prepare<[], { version: number }>('select version from dataVersion where id = 1');
    const current = () => statement.get()?.version ?? 0;
    return { current, refresh: async () => current() };
  }
  let seen = 0;
  return {
    current: () => seen,
    refresh: async () => {
      const row = await db.selectFrom('dataVersion').select('version').where('id', '=', 1).executeTakeFirst();
      // Versions only grow: a slower read finishing after a newer one never takes the cache back.
      seen = Math.max(seen, row?.version ?? 0);
      return seen;
    },
  };
}
