import type SQLite from 'better-sqlite3';
import { stringify } from 'csv-stringify';
import type { Kysely, Selectable } from 'kysely';
import { pipeline, Readable } from 'node:stream';
import { sqliteOf, type Database, type UprAssessmentTable, type UprReviewTable, type UprSessionTable } from '../db/database.js';
import { recommendationFromRow, type RecommendationRow } from '../db/upr-store.js';
import type { Repositories } from '../repositories/index.js';
import { recordChanges } from '../repositories/audit.repository.js';
import type { SourceRef } from '../schemas/participation.js';
import type {
  UprAssessment,
  UprAssessmentInput,
  UprFilters,
  UprRecommendation,
  UprReview,
  UprSearchQuery,
  UprSearchResponse,
} from '../schemas/upr.js';
import { readSearchText } from '../domain/search-text.js';
import { citation } from '../lib/csv-tables.js';
import { CSV_OPTIONS } from '../lib/formats.js';
import { refsFor } from './source-refs.js';
import { todayUtc } from './status.service.js';
import { buildUprIndex, searchIndex, type UprIndex } from './upr-index.js';

/**
 * UPR search and views. Queries go straight to better-sqlite3 (prepared once, cached by SQL
 * text): a search is a full-text match, a filtered count, a page and up to seven facet counts,
 * and the target is p95 under 50 ms over 100,000 recommendations.
 */

/** The FTS5 match of a search text; the query schema has already refused a text without one. */
const ftsMatch = (q: string): string | null => {
  const read = readSearchText(q);
  return read.ok ? read.match : null;
};

interface Where {
  sql: string;
  params: unknown[];
}

/** The WHERE clause over `r` (uprRecommendation) for the filters. */
export function whereClause(filters: UprFilters): Where {
  const parts: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, ...values: unknown[]) => {
    parts.push(sql);
    params.push(...values);
  };
  if (filters.q) {
    const match = ftsMatch(filters.q);
    if (match) add('r.seq in (select rowid from uprRecommendationFts where uprRecommendationFts match ?)', match);
  }
  if (filters.state) add('r.stateUnderReviewIso3 = ?', filters.state);
  // The lists are JSON columns (migration 006): recommendingStates [{iso3, nameAsRecorded}], themes [name].
  if (filters.recommendingState) add("exists (select 1 from json_each(r.recommendingStates) s where s.value ->> '$.iso3' = ?)", filters.recommendingState);
  if (filters.recommendingGroup) {
    add("exists (select 1 from json_each(r.recommendingStates) s join state g on g.iso3 = s.value ->> '$.iso3' where g.unRegionalGroup = ?)", filters.recommendingGroup);
  }
  if (filters.cycle !== undefined) add('r.cycle = ?', filters.cycle);
  if (filters.session !== undefined) add('r.session = ?', filters.session);
  if (filters.response) filters.response === 'not-recorded' ? add('r.response is null') : add('r.response = ?', filters.response);
  if (filters.theme) add('exists (select 1 from json_each(r.themes) t where t.value = ?)', filters.theme);
  if (filters.instrument && filters.action) {
    add('exists (select 1 from uprLink l where l.recommendation = r.seq and l.instrumentId = ? and l.action = ?)', filters.instrument, filters.action);
  } else if (filters.instrument) {
    add('exists (select 1 from uprLink l where l.recommendation = r.seq and l.instrumentId = ?)', filters.instrument);
  } else if (filters.action) {
    add('exists (select 1 from uprLink l where l.recommendation = r.seq and l.action = ?)', filters.action);
  }
  if (filters.implementation) {
    filters.implementation === 'not-assessed' ? add('r.implementation is null') : add('r.implementation = ?', filters.implementation);
  }
  return { sql: parts.length ? `where ${parts.join(' and ')}` : '', params };
}

const ORDER = {
  session: 'r.session desc, r.stateUnderReviewIso3, r.seq',
  state: 'st.nameEn, r.session desc, r.seq',
} as const;

export function createUprService(db: Kysely<Database>, repos: Repositories) {
  const sqlite: SQLite.Database = sqliteOf(db);
  const statements = new Map<string, SQLite.Statement>();
  const prepare = (sql: string) => {
    let s = statements.get(sql);
    if (!s) {
      s = sqlite.prepare(sql);
      statements.set(sql, s);
    }
    return s;
  };
  const all = <T>(sql: string, params: unknown[]) => prepare(sql).all(...params) as T[];
  const plucked = new Map<string, SQLite.Statement>();
  const pluck = (sql: string, params: unknown[]): number[] => {
    let s = plucked.get(sql);
    if (!s) {
      s = sqlite.prepare(sql).pluck();
      plucked.set(sql, s);
    }
    return s.all(...params) as number[];
  };
  let index: { version: number; value: UprIndex } | null = null;
  /** The column index of the current data version (rebuilt after any write). */
  const currentIndex = (): UprIndex => {
    const version = repos.meta.dataVersion();
    if (index?.version !== version) index = { version, value: buildUprIndex(sqlite) };
    return index.value;
  };

  const stateNames = () => new Map((all<{ iso3: string; nameEn: string; unRegionalGroup: string | null }>('select iso3, nameEn, unRegionalGroup from state', [])).map((s) => [s.iso3, s]));

  /** Recommendations in the API shape, with names, links, latest assessment and source. */
  async function present(rows: (RecommendationRow & { implementation: string | null })[]): Promise<UprRecommendation[]> {
    if (rows.length === 0) return [];
    const seqs = rows.map((r) => r.seq);
    const placeholders = seqs.map(() => '?').join(',');
    const links = all<{ recommendation: number; instrumentId: string; action: string }>(
      `select recommendation, instrumentId, action from uprLink where recommendation in (${placeholders}) order by recommendation, instrumentId, action`,
      seqs,
    );
    const assessed = rows.filter((r) => r.implementation !== null).map((r) => r.id);
    const latest = new Map(
      assessed.length
        ? all<AssessmentRow>(
            `select a.* from uprAssessment a where a.recommendationId in (${assessed.map(() => '?').join(',')})
             and a.id = (select b.id from uprAssessment b where b.recommendationId = a.recommendationId order by b.assessedOn desc, b.id desc limit 1)`,
            assessed,
          ).map((a) => [a.recommendationId, toAssessment(a)])
        : [],
    );
    const names = stateNames();
    const refs = await repos.meta.sourceRefs();
    return rows.map((row) => {
      const record = recommendationFromRow(row);
      return {
        id: record.id,
        reviewId: record.reviewId,
        session: record.session,
        cycle: record.cycle,
        stateUnderReview: { iso3: record.stateUnderReviewIso3, name: names.get(record.stateUnderReviewIso3)?.nameEn ?? record.stateUnderReviewIso3 },
        paragraph: record.paragraph,
        text: record.text,
        recommendingStates: record.recommendingStates.map((s) => {
          const known = s.iso3 ? names.get(s.iso3) : undefined;
          return { iso3: s.iso3, name: known?.nameEn ?? s.nameAsRecorded, nameAsRecorded: s.nameAsRecorded, unRegionalGroup: (known?.unRegionalGroup ?? null) as UprRecommendation['recommendingStates'][number]['unRegionalGroup'] };
        }),
        response: record.response,
        responseAsRecorded: record.responseAsRecorded,
        responseSource: record.responseSource,
        actionCategory: record.actionCategory,
        themes: record.themes,
        sdgs: record.sdgs,
        affectedPersons: record.affectedPersons,
        documentSymbol: record.documentSymbol,
        links: links.filter((l) => l.recommendation === row.seq).map((l) => ({ instrumentId: l.instrumentId, action: (l.action || null) as UprRecommendation['links'][number]['action'] })),
        implementation: latest.get(record.id) ?? null,
        source: refsFor([record.sourceId], refs)[0]!,
        sourceLine: record.sourceLine,
      };
    });
  }

  return {
    async search(query: UprSearchQuery): Promise<UprSearchResponse> {
      const { sort, page, pageSize, facets: withFacets, format: _format, q, ...filters } = query;
      const index = currentIndex();
      const match = q ? ftsMatch(q) : null;
      let matched: { docs: Int32Array; relevance: boolean } | null = null;
      if (match) {
        const relevance = sort === 'relevance';
        const seqs = pluck(`select rowid from uprRecommendationFts where uprRecommendationFts match ?${relevance ? ' order by rank' : ''}`, [match]);
        matched = { docs: Int32Array.from(seqs, (seq) => index.docOfSeq.get(seq)!), relevance };
      }
      const found = searchIndex(index, filters, matched, { sort, offset: (page - 1) * pageSize, limit: pageSize, facets: withFacets });
      const rows = found.page.length
        ? all<RecommendationRow & { implementation: string | null }>(`select * from uprRecommendation where seq in (${found.page.map(() => '?').join(',')})`, found.page)
        : [];
      const bySeq = new Map(rows.map((r) => [r.seq, r]));
      const items = await present(found.page.map((seq) => bySeq.get(seq)!));
      return { total: found.total, page, pageSize, items, ...(found.facets ? { facets: found.facets } : {}) };
    },

    /**
     * The whole filtered set as CSV, streamed (no row limit). The matching ids are read first, in
     * order; the rows are then read in chunks, each query run to completion before any byte is
     * sent. So no statement stays open while a slow or paused client downloads: the connection
     * stays free for writes, and no read snapshot pins the write-ahead log. A download cut short
     * ends the pipeline, and with it the reading.
     */
    async csv(query: UprSearchQuery): Promise<Readable> {
      const { sort, page: _p, pageSize: _s, facets: _f, format: _format, ...filters } = query;
      const where = whereClause(filters);
      const refs = await repos.meta.sourceRefs();
      const order = ORDER[sort === 'relevance' ? 'session' : sort];
      const seqs = pluck(`select r.seq from uprRecommendation r join state st on st.iso3 = r.stateUnderReviewIso3 ${where.sql} order by ${order}`, where.params);
      const rowsSql = `select r.*, st.nameEn as stateName,
          (select group_concat(l.instrumentId || case when l.action = '' then '' else ':' || l.action end, ' ; ') from uprLink l where l.recommendation = r.seq) as links
        from uprRecommendation r join state st on st.iso3 = r.stateUnderReviewIso3 where r.seq in (select value from json_each(?))`;
      function* records() {
        for (let i = 0; i < seqs.length; i += CSV_CHUNK_ROWS) {
          const chunk = seqs.slice(i, i + CSV_CHUNK_ROWS);
          const rows = new Map(all<CsvRow>(rowsSql, [JSON.stringify(chunk)]).map((r) => [r.seq, r]));
          for (const seq of chunk) {
            const r = rows.get(seq);
            // A row deleted by a write since the ids were read is left out, not sent half-empty.
            if (r) yield csvRecord(r, refs.get(r.sourceId));
          }
        }
      }
      return pipeline(Readable.from(records()), stringify({ ...CSV_OPTIONS, columns: [...CSV_COLUMNS] }), () => {
        // Errors reach the reply through the returned stream; a client that went away needs nothing more.
      });
    },

    async recommendation(id: string) {
      const row = prepare('select * from uprRecommendation where id = ?').get(id) as (RecommendationRow & { implementation: string | null }) | undefined;
      if (!row) return undefined;
      const [presented] = await present([row]);
      const assessments = all<AssessmentRow>('select * from uprAssessment where recommendationId = ? order by assessedOn, id', [id]).map(toAssessment);
      return { ...presented!, assessments };
    },

    /** Appends an assessment (history is never overwritten) and keeps the latest status on the recommendation. */
    async addAssessment(id: string, input: UprAssessmentInput): Promise<UprAssessment | undefined> {
      const exists = await db.selectFrom('uprRecommendation').select('id').where('id', '=', id).executeTakeFirst();
      if (!exists) return undefined;
      const recordedAt = new Date().toISOString();
      return db.transaction().execute(async (trx) => {
        const inserted = await trx.insertInto('uprAssessment').values({ recommendationId: id, ...input, recordedAt }).returningAll().executeTakeFirstOrThrow();
        const latest = await trx.selectFrom('uprAssessment').select('status').where('recommendationId', '=', id).orderBy('assessedOn', 'desc').orderBy('id', 'desc').limit(1).executeTakeFirstOrThrow();
        await trx.updateTable('uprRecommendation').set({ implementation: latest.status }).where('id', '=', id).execute();
        await recordChanges(trx, [{ at: recordedAt, actor: input.recordedBy, action: 'insert', entity: 'uprAssessment', entityId: String(inserted.id), after: inserted, sourceId: null }]);
        return toAssessment(inserted as AssessmentRow);
      });
    },

    /**
     * A State's reviews (held and scheduled), the next one after today, the latest one scheduled on
     * a date now past that no source records as held (the calendar is as of its own date, so such a
     * review is neither "next" nor known to have taken place), and its voluntary pledges.
     */
    async reviewsOf(iso3: string) {
      const state = prepare('select iso3, nameEn from state where iso3 = ?').get(iso3) as { iso3: string; nameEn: string } | undefined;
      if (!state) return undefined;
      const refs = await repos.meta.sourceRefs();
      const reviews = reviewsWhere('v.stateIso3 = ?', [iso3], refs);
      const today = todayUtc();
      const lastDay = (r: (typeof reviews)[number]) => r.reviewDate ?? r.sessionEnd ?? r.sessionStart ?? `${r.year ?? 0}-12-31`;
      const awaited = reviews.filter((r) => r.status !== 'held' && r.status !== 'postponed');
      const nextReview = awaited.find((r) => lastDay(r) >= today) ?? null;
      const pastScheduledReview = awaited.filter((r) => r.status === 'scheduled' && lastDay(r) < today).at(-1) ?? null;
      const pledges = all<{ id: string; session: number; text: string; sourceId: string }>('select id, session, text, sourceId from uprPledge where stateIso3 = ? order by session, id', [iso3]).map(
        (p) => ({ id: p.id, session: p.session, text: p.text, source: refsFor([p.sourceId], refs)[0]! }),
      );
      return { state: { iso3: state.iso3, name: state.nameEn }, reviews, nextReview, pastScheduledReview, pledges };
    },

    async calendar(filter: { cycle?: number | undefined; session?: number | undefined }) {
      const refs = await repos.meta.sourceRefs();
      const sessions = all<{ session: number; cycle: number; year: number | null; startDate: string | null; endDate: string | null; sourceIds: string }>(
        `select * from uprSession where (? is null or cycle = ?) and (? is null or session = ?) order by session`,
        [filter.cycle ?? null, filter.cycle ?? null, filter.session ?? null, filter.session ?? null],
      );
      const counts = new Map(all<{ reviewId: string; n: number }>('select reviewId, count(*) as n from uprRecommendation group by reviewId', []).map((c) => [c.reviewId, c.n]));
      const reviews = all<{ id: string; session: number; stateIso3: string; nameEn: string; status: string | null; reviewDate: string | null; note: string | null }>(
        'select v.id, v.session, v.stateIso3, st.nameEn, v.status, v.reviewDate, v.note from uprReview v join state st on st.iso3 = v.stateIso3 order by v.session, coalesce(v.reviewDate, \'9999\'), st.nameEn',
        [],
      );
      return {
        sessions: sessions.map((s) => {
          const own = reviews.filter((r) => r.session === s.session);
          return {
            session: s.session,
            cycle: s.cycle,
            year: s.year,
            startDate: s.startDate,
            endDate: s.endDate,
            recommendationsRecorded: own.reduce((n, r) => n + (counts.get(r.id) ?? 0), 0),
            reviews: own.map((r) => ({ id: r.id, stateIso3: r.stateIso3, name: r.nameEn, status: r.status as UprReview['status'], reviewDate: r.reviewDate, note: r.note, recommendationsRecorded: counts.get(r.id) ?? 0 })),
            sources: refsFor(JSON.parse(s.sourceIds) as string[], refs),
          };
        }),
      };
    },
  };

  function reviewsWhere(condition: string, params: unknown[], refs: Map<string, SourceRef>): UprReview[] {
    const rows = all<UprReviewTable & Pick<UprSessionTable, 'year' | 'startDate' | 'endDate'>>(
      `select v.*, s.year, s.startDate, s.endDate from uprReview v join uprSession s on s.session = v.session where ${condition} order by v.session`,
      params,
    );
    const ids = rows.map((r) => r.id);
    const placeholders = ids.map(() => '?').join(',') || "''";
    const byResponse = all<{ reviewId: string; response: string | null; n: number }>(`select reviewId, response, count(*) as n from uprRecommendation where reviewId in (${placeholders}) group by reviewId, response`, ids);
    const linked = new Map(all<{ reviewId: string; n: number }>(`select r.reviewId, count(distinct r.seq) as n from uprRecommendation r join uprLink l on l.recommendation = r.seq where r.reviewId in (${placeholders}) group by r.reviewId`, ids).map((c) => [c.reviewId, c.n]));
    const assessed = new Map(all<{ reviewId: string; n: number }>(`select reviewId, count(*) as n from uprRecommendation where implementation is not null and reviewId in (${placeholders}) group by reviewId`, ids).map((c) => [c.reviewId, c.n]));
    return rows.map((r) => {
      const responses = byResponse.filter((b) => b.reviewId === r.id);
      return {
        id: r.id,
        stateIso3: r.stateIso3,
        session: r.session,
        cycle: r.cycle,
        sessionStart: r.startDate,
        sessionEnd: r.endDate,
        year: r.year,
        status: r.status as UprReview['status'],
        statusAsRecorded: r.statusAsRecorded,
        reviewDate: r.reviewDate,
        documents: JSON.parse(r.documents) as UprReview['documents'],
        note: r.note,
        recommendations: {
          total: responses.reduce((n, b) => n + b.n, 0),
          byResponse: Object.fromEntries(responses.map((b) => [b.response ?? 'not-recorded', b.n])),
          linked: linked.get(r.id) ?? 0,
          assessed: assessed.get(r.id) ?? 0,
        },
        sources: refsFor(JSON.parse(r.sourceIds) as string[], refs),
      };
    });
  }
}
export type UprService = ReturnType<typeof createUprService>;

/** Rows read per query while a CSV is streamed: small enough that each read takes a few milliseconds. */
const CSV_CHUNK_ROWS = 500;

const CSV_COLUMNS = [
  'id', 'cycle', 'session', 'stateUnderReviewIso3', 'stateUnderReview', 'paragraph', 'text', 'recommendingStates', 'response',
  'responseAsRecorded', 'responseSource', 'actionCategory', 'themes', 'sdgs', 'affectedPersons', 'documentSymbol', 'linkedInstruments',
  'implementation', 'source', 'sourceLine',
] as const;

type CsvRow = RecommendationRow & { stateName: string; links: string | null; implementation: string | null };

const joined = (json: string | null) => (json ? (JSON.parse(json) as string[]).join(' ; ') : null);

/** One recommendation as a CSV record: lists joined with " ; ", the source cited in full. */
const csvRecord = (r: CsvRow, source: SourceRef | undefined): Record<(typeof CSV_COLUMNS)[number], unknown> => ({
  id: r.id,
  cycle: r.cycle,
  session: r.session,
  stateUnderReviewIso3: r.stateUnderReviewIso3,
  stateUnderReview: r.stateName,
  paragraph: r.paragraph,
  text: r.text,
  recommendingStates: (JSON.parse(r.recommendingStates) as { nameAsRecorded: string }[]).map((s) => s.nameAsRecorded).join(' ; '),
  response: r.response ?? 'not recorded',
  responseAsRecorded: r.responseAsRecorded,
  responseSource: r.responseSource,
  actionCategory: r.actionCategory,
  themes: joined(r.themes),
  sdgs: joined(r.sdgs),
  affectedPersons: joined(r.affectedPersons),
  documentSymbol: r.documentSymbol,
  linkedInstruments: r.links,
  implementation: r.implementation ?? 'not assessed',
  source: source ? citation(source) : r.sourceId,
  sourceLine: r.sourceLine,
});

type AssessmentRow = Selectable<UprAssessmentTable>;
const toAssessment = (a: AssessmentRow): UprAssessment => ({
  ...a,
  status: a.status as UprAssessment['status'],
  sourceKind: a.sourceKind as UprAssessment['sourceKind'],
});
