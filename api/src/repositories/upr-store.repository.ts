import type SQLite from 'better-sqlite3';
import type { Kysely, Selectable } from 'kysely';
import type { SourceRecord } from '../schemas/dataset.js';
import type { UprPledgeRecord, UprRecommendationRecord, UprReviewRecord, UprSessionRecord } from '../schemas/upr-dataset.js';
import { sqliteOf, type Database, type UprRecommendationTable, type UprReviewTable, type UprSessionTable } from '../db/database.js';
import { createChangeRecorder, type ChangeRecorder } from './audit.repository.js';

/**
 * Bulk writes of UPR records (seed and importers), and the reads an import checks its file
 * against. Written against better-sqlite3's prepared statements rather than Kysely: the import
 * must keep at least 20,000 recommendations a second (scripts/bench/upr-import.ts). The caller
 * holds the transaction. A recommendation is one row (its lists, recommending States included, as
 * JSON columns) plus a row per instrument link; rows are inserted with positional binds, the
 * full-text index is filled in one statement afterwards, and additions get one audit entry listing
 * their ids (changes get one each, with the record as it was).
 */

export interface UprDataset {
  sessions: UprSessionRecord[];
  reviews: UprReviewRecord[];
  recommendations: UprRecommendationRecord[];
  pledges: UprPledgeRecord[];
}

/** A recommendation's link to one of our instruments; `action` null when no tracked action is asked. */
export interface UprLinkOut {
  instrumentId: string;
  action: string | null;
}
export type LinkRecommendation = (text: string) => UprLinkOut[];

export interface CountDiff {
  added: number;
  unchanged: number;
  changed: { id: string; fields: string[] }[];
}
export interface UprWriteDiff {
  sessions: CountDiff;
  reviews: CountDiff;
  recommendations: CountDiff;
  pledges: CountDiff;
}

export interface UprWriteOptions {
  link: LinkRecommendation;
  /** Compute the diff only. */
  dryRun?: boolean;
  /** Called every 1,000 recommendations (and at the end). */
  onProgress?: (done: number, total: number) => void;
  /** One audit row per added or changed record (with the record as it was before a change). */
  audit?: { actor: string; at: string; sourceId: string | null; recorder?: ChangeRecorder };
  /** storedRecommendations of data.recommendations, when the caller has looked them up already. */
  stored?: ReadonlyMap<string, RecommendationRow>;
}

/** A recommendation row as stored (the implementation status is the service's, kept apart). */
export type RecommendationRow = Omit<Selectable<UprRecommendationTable>, 'implementation'>;

/** The columns a record is written to, `id` first: everything the record says, its lists as JSON. */
const RECORD_COLUMNS = [
  'id',
  'reviewId',
  'session',
  'cycle',
  'stateUnderReviewIso3',
  'paragraph',
  'text',
  'recommendingStates',
  'response',
  'responseAsRecorded',
  'responseSource',
  'actionCategory',
  'themes',
  'sdgs',
  'affectedPersons',
  'documentSymbol',
  'documentDate',
  'externalId',
  'sourceId',
  'sourceLine',
] as const satisfies readonly (keyof RecommendationRow & keyof UprRecommendationRecord)[];

/** The values of a record's row, in RECORD_COLUMNS order. */
function recordValues(r: UprRecommendationRecord): (string | number | null)[] {
  return [
    r.id,
    r.reviewId,
    r.session,
    r.cycle,
    r.stateUnderReviewIso3,
    r.paragraph,
    r.text,
    // Rebuilt so the keys are always in this order, whatever order the record has them in.
    JSON.stringify(r.recommendingStates.map((s) => ({ iso3: s.iso3, nameAsRecorded: s.nameAsRecorded }))),
    r.response,
    r.responseAsRecorded,
    r.responseSource,
    r.actionCategory,
    list(r.themes),
    list(r.sdgs),
    list(r.affectedPersons),
    r.documentSymbol,
    r.documentDate,
    r.externalId,
    r.sourceId,
    r.sourceLine,
  ];
}

/**
 * The stored rows of the recommendations among `ids`, by id: one statement, in which SQLite looks
 * each id up in the unique index. An import so costs the same however many recommendations the
 * database already holds (reading them all made every file slower than the one before).
 */
export function storedRecommendations(sqlite: SQLite.Database, ids: readonly string[]): Map<string, RecommendationRow> {
  if (ids.length === 0) return new Map();
  const rows = sqlite
    .prepare(`select seq, ${RECORD_COLUMNS.join(', ')} from uprRecommendation where id in (select value from json_each(?))`)
    .all(JSON.stringify(ids)) as RecommendationRow[];
  return new Map(rows.map((r) => [r.id, r]));
}

const canonical = (value: unknown) => JSON.stringify(value);
const list = (values: readonly string[] | null) => (values === null ? null : JSON.stringify(values));

/** Fields whose values differ between two records of the same shape (for the diff). */
const changedFields = <T extends object>(before: T, after: T) =>
  (Object.keys(after) as (keyof T & string)[]).filter((k) => canonical(before[k]) !== canonical(after[k]));

export function sessionRow(s: UprSessionRecord) {
  return {
    session: s.session,
    cycle: s.cycle,
    year: s.year,
    startDate: s.startDate,
    endDate: s.endDate,
    sourceIds: JSON.stringify(s.sourceIds),
    note: s.note ?? null,
  };
}
export function reviewRow(r: UprReviewRecord) {
  return {
    id: r.id,
    stateIso3: r.stateIso3,
    session: r.session,
    cycle: r.cycle,
    status: r.status,
    statusAsRecorded: r.statusAsRecorded,
    reviewDate: r.reviewDate,
    documents: JSON.stringify(r.documents),
    sourceIds: JSON.stringify(r.sourceIds),
    note: r.note,
  };
}
export function pledgeRow(p: UprPledgeRecord) {
  return { ...p, themes: list(p.themes) };
}

export function writeUpr(sqlite: SQLite.Database, data: UprDataset, options: UprWriteOptions): UprWriteDiff {
  const { dryRun = false, audit } = options;
  // For a change, `before` holds the record as it was.
  const changes = audit && !dryRun ? (audit.recorder ?? createChangeRecorder(sqlite)) : undefined;
  const logged = (action: 'insert' | 'update', entity: string, id: string, before: unknown) => {
    if (audit && changes)
      changes.record({ at: audit.at, actor: audit.actor, action, entity, entityId: id, before, sourceId: audit.sourceId });
  };

  // --- sessions and reviews: few rows, compared field by field ---------------------------------
  const upsertKeyed = <R extends object, Row extends Record<string, unknown>>(
    entity: string,
    records: R[],
    key: (r: R) => string | number,
    toRow: (r: R) => Row,
    table: string,
    keyColumn: string,
  ): CountDiff => {
    const diff: CountDiff = { added: 0, unchanged: 0, changed: [] };
    if (records.length === 0) return diff;
    const columns = Object.keys(toRow(records[0]!));
    const existing = new Map(
      (sqlite.prepare(`select ${columns.join(', ')} from ${table}`).all() as Record<string, unknown>[]).map((row) => [
        row[keyColumn] as string | number,
        row,
      ]),
    );
    const insert = sqlite.prepare(`insert into ${table} (${columns.join(', ')}) values (${columns.map((c) => `@${c}`).join(', ')})`);
    const update = sqlite.prepare(
      `update ${table} set ${columns
        .filter((c) => c !== keyColumn)
        .map((c) => `${c} = @${c}`)
        .join(', ')} where ${keyColumn} = @${keyColumn}`,
    );
    for (const record of records) {
      const row = toRow(record);
      const before = existing.get(key(record));
      if (!before) {
        diff.added++;
        if (!dryRun) insert.run(row);
        logged('insert', entity, String(key(record)), null);
        continue;
      }
      const fields = changedFields(before, row as Record<string, unknown>);
      if (fields.length === 0) {
        diff.unchanged++;
        continue;
      }
      diff.changed.push({ id: String(key(record)), fields });
      if (!dryRun) update.run(row);
      logged('update', entity, String(key(record)), before);
    }
    return diff;
  };

  const sessions = upsertKeyed('uprSession', data.sessions, (s) => s.session, sessionRow, 'uprSession', 'session');
  const reviews = upsertKeyed('uprReview', data.reviews, (r) => r.id, reviewRow, 'uprReview', 'id');
  const pledges = upsertKeyed('uprPledge', data.pledges, (p) => p.id, pledgeRow, 'uprPledge', 'id');

  // --- recommendations: compared with the stored row, links rewritten on change ------------------
  const recommendations: CountDiff = { added: 0, unchanged: 0, changed: [] };
  const existing =
    options.stored ??
    storedRecommendations(
      sqlite,
      data.recommendations.map((r) => r.id),
    );
  // Positional parameters: binding an object by name costs more per row than an array.
  const insert = sqlite.prepare(
    `insert into uprRecommendation (${RECORD_COLUMNS.join(', ')}) values (${RECORD_COLUMNS.map(() => '?').join(', ')})`,
  );
  const update = sqlite.prepare(
    `update uprRecommendation set ${RECORD_COLUMNS.slice(1)
      .map((c) => `${c} = ?`)
      .join(', ')} where id = ?`,
  );
  const insertLink = sqlite.prepare('insert or ignore into uprLink (recommendation, instrumentId, action) values (?, ?, ?)');
  const clearLinks = sqlite.prepare('delete from uprLink where recommendation = ?');
  const writeLinks = (seq: number, r: UprRecommendationRecord) => {
    for (const l of options.link(r.text)) insertLink.run(seq, l.instrumentId, l.action ?? '');
  };

  const total = data.recommendations.length;
  const added: string[] = [];
  const firstNewSeq = ((sqlite.prepare('select max(seq) as m from uprRecommendation').get() as { m: number | null }).m ?? 0) + 1;
  data.recommendations.forEach((r, i) => {
    const values = recordValues(r);
    const before = existing.get(r.id);
    if (!before) {
      recommendations.added++;
      added.push(r.id);
      if (!dryRun) writeLinks(Number(insert.run(values).lastInsertRowid), r);
    } else {
      // The same id: unchanged when the row the record would write is the stored one.
      const fields = RECORD_COLUMNS.filter((column, c) => before[column] !== values[c]);
      if (fields.length === 0) {
        recommendations.unchanged++;
      } else {
        recommendations.changed.push({ id: r.id, fields });
        logged('update', 'uprRecommendation', r.id, recommendationFromRow(before));
        if (!dryRun) {
          update.run([...values.slice(1), r.id]);
          clearLinks.run(before.seq);
          writeLinks(before.seq, r);
        }
      }
    }
    if ((i + 1) % 1000 === 0 || i + 1 === total) options.onProgress?.(i + 1, total);
  });
  if (!dryRun && added.length) {
    // The new rows into the full-text index in one statement (see migration 004).
    sqlite
      .prepare('insert into uprRecommendationFts (rowid, text) select seq, text from uprRecommendation where seq >= ?')
      .run(firstNewSeq);
  }
  // Additions lose nothing, so one audit entry lists them; a change keeps the record as it was.
  if (audit && changes && added.length) {
    changes.record({
      at: audit.at,
      actor: audit.actor,
      action: 'insert',
      entity: 'uprRecommendation',
      entityId: `${added.length} recommendations`,
      after: added,
      sourceId: audit.sourceId,
    });
  }
  return { sessions, reviews, recommendations, pledges };
}

const parseList = (value: string | null) => (value === null ? null : (JSON.parse(value) as string[]));

/** The record as it was imported, from its row. */
export function recommendationFromRow(row: RecommendationRow): UprRecommendationRecord {
  return {
    id: row.id,
    reviewId: row.reviewId,
    session: row.session,
    cycle: row.cycle,
    stateUnderReviewIso3: row.stateUnderReviewIso3,
    paragraph: row.paragraph,
    text: row.text,
    recommendingStates: JSON.parse(row.recommendingStates) as UprRecommendationRecord['recommendingStates'],
    response: row.response as UprRecommendationRecord['response'],
    responseAsRecorded: row.responseAsRecorded,
    responseSource: row.responseSource,
    actionCategory: row.actionCategory,
    themes: parseList(row.themes),
    sdgs: parseList(row.sdgs),
    affectedPersons: parseList(row.affectedPersons),
    documentSymbol: row.documentSymbol,
    documentDate: row.documentDate,
    externalId: row.externalId,
    sourceId: row.sourceId,
    sourceLine: row.sourceLine,
  };
}

export const isEmptyUprDiff = (d: UprWriteDiff) => Object.values(d).every((c: CountDiff) => c.added === 0 && c.changed.length === 0);

const sessionFromRow = (r: UprSessionTable): UprSessionRecord => ({ ...r, sourceIds: JSON.parse(r.sourceIds) as string[] });
const reviewFromRow = (r: UprReviewTable): UprReviewRecord => ({
  ...r,
  status: r.status as UprReviewRecord['status'],
  documents: JSON.parse(r.documents) as UprReviewRecord['documents'],
  sourceIds: JSON.parse(r.sourceIds) as string[],
});

/**
 * What the UPR import (services/upr-import.ts) reads and writes, over the better-sqlite3 handle of
 * `db`: the import runs as one better-sqlite3 transaction (`transaction`), in which `writeUpr`
 * writes the records and the change recorder the audit entries.
 */
export function createUprStoreRepository(db: Kysely<Database>) {
  const sqlite = sqliteOf(db);
  return {
    sourceIds: () => new Set(sqlite.prepare('select id from source').pluck().all() as string[]),
    stateCodes: () => new Set(sqlite.prepare('select iso3 from state').pluck().all() as string[]),
    findSource: (id: string) => sqlite.prepare('select * from source where id = ?').get(id) as SourceRecord | undefined,
    insertSource: (source: SourceRecord) =>
      sqlite
        .prepare(
          'insert into source (id, title, publisher, url, asOf, rawFile, note) values (@id, @title, @publisher, @url, @asOf, @rawFile, @note)',
        )
        .run(source),
    /** Every stored session, by number. */
    sessions: () =>
      new Map((sqlite.prepare('select * from uprSession').all() as UprSessionTable[]).map((r) => [r.session, sessionFromRow(r)])),
    /** Every stored review, by id. */
    reviews: () => new Map((sqlite.prepare('select * from uprReview').all() as UprReviewTable[]).map((r) => [r.id, reviewFromRow(r)])),
    /** Of the reviews `ids`, those with recommendations stored: one statement. */
    reviewsWithRecommendations: (ids: readonly string[]): string[] =>
      ids.length
        ? (sqlite
            .prepare('select distinct reviewId from uprRecommendation where reviewId in (select value from json_each(?))')
            .pluck()
            .all(JSON.stringify(ids)) as string[])
        : [],
    /** The recommendations sources other than `sourceId` hold in the reviews `reviewIds`, counted by review and source: one statement. */
    recommendationsFromOtherSources: (reviewIds: readonly string[], sourceId: string) =>
      sqlite
        .prepare(
          `select reviewId, sourceId, count(*) as n from uprRecommendation
           where reviewId in (select value from json_each(?)) and sourceId <> ? group by reviewId, sourceId order by reviewId, sourceId`,
        )
        .all(JSON.stringify(reviewIds), sourceId) as { reviewId: string; sourceId: string; n: number }[],
    countRecommendationsOfSource: (sourceId: string) =>
      sqlite.prepare('select count(*) from uprRecommendation where sourceId = ?').pluck().get(sourceId) as number,
    storedRecommendations: (ids: readonly string[]) => storedRecommendations(sqlite, ids),
    /** The audit entries of the import, written by one prepared statement inside its transaction. */
    createChangeRecorder: () => createChangeRecorder(sqlite),
    write: (data: UprDataset, options: UprWriteOptions) => writeUpr(sqlite, data, options),
    /** Runs `work` as one transaction: everything it writes, or (when it throws) nothing. */
    transaction: (work: () => void) => sqlite.transaction(work)(),
  };
}
export type UprStoreRepository = ReturnType<typeof createUprStoreRepository>;
