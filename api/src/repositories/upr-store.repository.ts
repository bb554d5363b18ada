import type { Kysely, Selectable } from 'kysely';
import type { SourceRecord } from '../schemas/dataset.js';
import type { UprPledgeRecord, UprRecommendationRecord, UprReviewRecord, UprSessionRecord } from '../schemas/upr-dataset.js';
import type { Database, UprRecommendationTable, UprReviewTable, UprSessionTable } from '../db/database.js';
import { inList, listParam, sqlOf, type Sql } from '../db/sql.js';
import { createChangeRecorder, type ChangeRecorder } from './audit.repository.js';

/**
 * Bulk writes of UPR records (seed and importers), and the reads an import checks its file
 * against. Written as hand-written SQL (db/sql.ts, prepared once on SQLite) rather than Kysely: the
 * import must keep at least 20,000 recommendations a second (scripts/bench/upr-import.ts). The
 * caller holds the transaction. A recommendation is one row (its lists, recommending States
 * included, as JSON columns) plus a row per instrument link; new rows are inserted many to a
 * statement with positional binds, SQLite's full-text index is filled in one statement afterwards
 * (PostgreSQL's GIN index keeps itself), and additions get one audit entry listing their ids
 * (changes get one each, with the record as it was).
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
export async function storedRecommendations(q: Sql, ids: readonly string[]): Promise<Map<string, RecommendationRow>> {
  if (ids.length === 0) return new Map();
  const rows = await q.all<RecommendationRow>(
    `select seq, ${RECORD_COLUMNS.join(', ')} from uprRecommendation where ${inList(q.dialect, 'id')}`,
    [listParam(q.dialect, ids)],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

/** JSON text with every object's keys sorted: PostgreSQL's jsonb keeps keys in its own order, so JSON is compared by value. */
const sortedJson = (value: unknown): string =>
  JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1))) : v,
  );
/** A value to compare: a JSON column's text by the value it holds, anything else as it is. */
const canonical = (value: unknown) => {
  if (typeof value === 'string' && (value.startsWith('[') || value.startsWith('{'))) {
    try {
      return sortedJson(JSON.parse(value));
    } catch {
      // Not JSON after all: compared as text.
    }
  }
  return JSON.stringify(value);
};
const sameValue = (a: unknown, b: unknown) => a === b || canonical(a) === canonical(b);
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

/** New recommendations per insert statement: 20 bound values each, well under both engines' limits. */
const INSERT_ROWS = 500;

export async function writeUpr(q: Sql, data: UprDataset, options: UprWriteOptions): Promise<UprWriteDiff> {
  const { dryRun = false, audit } = options;
  // For a change, `before` holds the record as it was.
  const changes = audit && !dryRun ? (audit.recorder ?? createChangeRecorder()) : undefined;
  const logged = (action: 'insert' | 'update', entity: string, id: string, before: unknown) => {
    if (audit && changes)
      changes.record({ at: audit.at, actor: audit.actor, action, entity, entityId: id, before, sourceId: audit.sourceId });
  };

  // --- sessions and reviews: few rows, compared field by field ---------------------------------
  const upsertKeyed = async <R extends object, Row extends Record<string, unknown>>(
    entity: string,
    records: R[],
    key: (r: R) => string | number,
    toRow: (r: R) => Row,
    table: string,
    keyColumn: string,
  ): Promise<CountDiff> => {
    const diff: CountDiff = { added: 0, unchanged: 0, changed: [] };
    if (records.length === 0) return diff;
    const columns = Object.keys(toRow(records[0]!));
    const existing = new Map(
      (await q.all<Record<string, unknown>>(`select ${columns.join(', ')} from ${table}`)).map((row) => [
        row[keyColumn] as string | number,
        row,
      ]),
    );
    const insert = `insert into ${table} (${columns.join(', ')}) values (${columns.map(() => '?').join(', ')})`;
    const others = columns.filter((c) => c !== keyColumn);
    const update = `update ${table} set ${others.map((c) => `${c} = ?`).join(', ')} where ${keyColumn} = ?`;
    for (const record of records) {
      const row = toRow(record);
      const before = existing.get(key(record));
      if (!before) {
        diff.added++;
        if (!dryRun)
          await q.run(
            insert,
            columns.map((c) => row[c]),
          );
        logged('insert', entity, String(key(record)), null);
        continue;
      }
      const fields = changedFields(before, row as Record<string, unknown>);
      if (fields.length === 0) {
        diff.unchanged++;
        continue;
      }
      diff.changed.push({ id: String(key(record)), fields });
      if (!dryRun) await q.run(update, [...others.map((c) => row[c]), row[keyColumn]]);
      logged('update', entity, String(key(record)), before);
    }
    return diff;
  };

  const sessions = await upsertKeyed('uprSession', data.sessions, (s) => s.session, sessionRow, 'uprSession', 'session');
  const reviews = await upsertKeyed('uprReview', data.reviews, (r) => r.id, reviewRow, 'uprReview', 'id');
  const pledges = await upsertKeyed('uprPledge', data.pledges, (p) => p.id, pledgeRow, 'uprPledge', 'id');

  // --- recommendations: compared with the stored row, links rewritten on change ------------------
  const recommendations: CountDiff = { added: 0, unchanged: 0, changed: [] };
  const existing =
    options.stored ??
    (await storedRecommendations(
      q,
      data.recommendations.map((r) => r.id),
    ));
  const update = `update uprRecommendation set ${RECORD_COLUMNS.slice(1)
    .map((c) => `${c} = ?`)
    .join(', ')} where id = ?`;
  const ignoreDuplicates =
    q.dialect === 'sqlite' ? { verb: 'insert or ignore', end: '' } : { verb: 'insert', end: ' on conflict do nothing' };
  const linksOf = (seq: number, r: UprRecommendationRecord) => options.link(r.text).map((l) => [seq, l.instrumentId, l.action ?? '']);
  const insertLinks = async (links: unknown[][]) => {
    for (let i = 0; i < links.length; i += INSERT_ROWS) {
      const chunk = links.slice(i, i + INSERT_ROWS);
      await q.run(
        `${ignoreDuplicates.verb} into uprLink (recommendation, instrumentId, action) values ${chunk.map(() => '(?, ?, ?)').join(', ')}${ignoreDuplicates.end}`,
        chunk.flat(),
      );
    }
  };

  const total = data.recommendations.length;
  const added: UprRecommendationRecord[] = [];
  const firstNewSeq = ((await q.get<{ m: number | null }>('select max(seq) as m from uprRecommendation'))?.m ?? 0) + 1;
  for (const [i, r] of data.recommendations.entries()) {
    const values = recordValues(r);
    const before = existing.get(r.id);
    if (!before) {
      recommendations.added++;
      added.push(r);
    } else {
      // The same id: unchanged when the row the record would write is the stored one.
      const fields = RECORD_COLUMNS.filter((column, c) => !sameValue(before[column], values[c]));
      if (fields.length === 0) {
        recommendations.unchanged++;
      } else {
        recommendations.changed.push({ id: r.id, fields });
        logged('update', 'uprRecommendation', r.id, recommendationFromRow(before));
        if (!dryRun) {
          await q.run(update, [...values.slice(1), r.id]);
          await q.run('delete from uprLink where recommendation = ?', [before.seq]);
          await insertLinks(linksOf(before.seq, r));
        }
      }
    }
    if ((i + 1) % 1000 === 0 || i + 1 === total) options.onProgress?.(i + 1, total);
  }
  if (!dryRun) {
    for (let i = 0; i < added.length; i += INSERT_ROWS) {
      const chunk = added.slice(i, i + INSERT_ROWS);
      const row = `(${RECORD_COLUMNS.map(() => '?').join(', ')})`;
      const inserted = await q.all<{ seq: number; id: string }>(
        `insert into uprRecommendation (${RECORD_COLUMNS.join(', ')}) values ${chunk.map(() => row).join(', ')} returning seq, id`,
        chunk.flatMap(recordValues),
      );
      const seqOf = new Map(inserted.map((x) => [x.id, x.seq]));
      await insertLinks(chunk.flatMap((r) => linksOf(seqOf.get(r.id)!, r)));
    }
    // SQLite: the new rows into the full-text index in one statement (see migration 004).
    if (added.length && q.dialect === 'sqlite')
      await q.run('insert into uprRecommendationFts (rowid, text) select seq, text from uprRecommendation where seq >= ?', [firstNewSeq]);
  }
  // Additions lose nothing, so one audit entry lists them; a change keeps the record as it was.
  if (audit && changes && added.length) {
    changes.record({
      at: audit.at,
      actor: audit.actor,
      action: 'insert',
      entity: 'uprRecommendation',
      entityId: `${added.length} recommendations`,
      after: added.map((r) => r.id),
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

/** The writes of one UPR import, on its transaction's connection. */
function uprStoreWrites(q: Sql) {
  return {
    insertSource: (source: SourceRecord) =>
      q.run('insert into source (id, title, publisher, url, asOf, rawFile, note) values (?, ?, ?, ?, ?, ?, ?)', [
        source.id,
        source.title,
        source.publisher,
        source.url,
        source.asOf,
        source.rawFile,
        source.note,
      ]),
    write: (data: UprDataset, options: UprWriteOptions) => writeUpr(q, data, options),
  };
}
export type UprStoreWrites = ReturnType<typeof uprStoreWrites>;

/**
 * What the UPR import (services/upr-import.ts) reads and writes: the reads on the database, the
 * writes inside `transaction`, which runs them as one transaction (everything, or when `work`
 * throws, nothing) and ends it by writing the recorded changes and moving the data version on.
 */
export function createUprStoreRepository(db: Kysely<Database>) {
  const q = sqlOf(db);
  return {
    sourceIds: async () => new Set(await q.column<string>('select id from source')),
    stateCodes: async () => new Set(await q.column<string>('select iso3 from state')),
    findSource: (id: string) => q.get<SourceRecord>('select * from source where id = ?', [id]),
    /** Every stored session, by number. */
    sessions: async () => new Map((await q.all<UprSessionTable>('select * from uprSession')).map((r) => [r.session, sessionFromRow(r)])),
    /** Every stored review, by id. */
    reviews: async () => new Map((await q.all<UprReviewTable>('select * from uprReview')).map((r) => [r.id, reviewFromRow(r)])),
    /** Of the reviews `ids`, those with recommendations stored: one statement. */
    reviewsWithRecommendations: async (ids: readonly string[]): Promise<string[]> =>
      ids.length
        ? q.column<string>(`select distinct reviewId from uprRecommendation where ${inList(q.dialect, 'reviewId')}`, [
            listParam(q.dialect, ids),
          ])
        : [],
    /** The recommendations sources other than `sourceId` hold in the reviews `reviewIds`, counted by review and source: one statement. */
    recommendationsFromOtherSources: (reviewIds: readonly string[], sourceId: string) =>
      q.all<{ reviewId: string; sourceId: string; n: number }>(
        `select reviewId, sourceId, count(*) as n from uprRecommendation
         where ${inList(q.dialect, 'reviewId')} and sourceId <> ? group by reviewId, sourceId order by reviewId, sourceId`,
        [listParam(q.dialect, reviewIds), sourceId],
      ),
    countRecommendationsOfSource: async (sourceId: string) =>
      (await q.column<number>('select count(*) from uprRecommendation where sourceId = ?', [sourceId]))[0] ?? 0,
    storedRecommendations: (ids: readonly string[]) => storedRecommendations(q, ids),
    /** A dry run's diff: what `write` would do, writing nothing. */
    diff: (data: UprDataset, options: Omit<UprWriteOptions, 'dryRun' | 'audit'>) => writeUpr(q, data, { ...options, dryRun: true }),
    /** Runs `work` as one transaction; `changes` are written at its end, with the data version moved on (stamped `at`). */
    transaction: <T>(at: string, work: (writes: UprStoreWrites, changes: ChangeRecorder) => Promise<T>): Promise<T> =>
      db.transaction().execute(async (trx) => {
        const changes = createChangeRecorder();
        const result = await work(uprStoreWrites(sqlOf(db, trx)), changes);
        await changes.commit(trx, at);
        return result;
      }),
  };
}
export type UprStoreRepository = ReturnType<typeof createUprStoreRepository>;
