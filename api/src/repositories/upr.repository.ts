import type SQLite from 'better-sqlite3';
import type { StateNameColumns } from '../domain/languages.js';
import type { Insertable, Kysely, Selectable } from 'kysely';
import {
  sqliteOf,
  type Database,
  type SourceTable,
  type UprAssessmentTable,
  type UprReviewTable,
  type UprSessionTable,
} from '../db/database.js';
import type { RecommendationRow } from './upr-store.repository.js';
import { readSearchText } from '../domain/search-text.js';
import type { UprAssessmentInput, UprFilters, UprSearchQuery } from '../schemas/upr.js';
import { recordChanges, type AuditEntry } from './audit.repository.js';
import { createSourceRepository } from './source.repository.js';

/**
 * The UPR reads and the assessment write: every SQL statement the UPR service and its column index
 * (services/upr-index.ts) run, moved here so that those services only combine what this returns
 * with the other repositories and apply the rules (what is "next", what is presented, how a search
 * is ranked). Queries go straight to better-sqlite3, prepared once and cached by SQL text: a search
 * is a full-text match, a filtered count, a page and up to seven facet counts, and the target is a
 * p95 under 50 ms over 100,000 recommendations. The bulk writes of imports and seed stay in
 * upr-store.repository.ts.
 */

export type AssessmentRow = Selectable<UprAssessmentTable>;

/** An editor's write: who, when, and the source row its citation becomes (services/citations.ts). */
export interface AssessmentEdit {
  editor: { name: string; organisation: string };
  at: string;
  reason: string;
  source: Insertable<SourceTable>;
}

const assessmentColumns = (input: UprAssessmentInput) => ({
  status: input.status,
  assessedOn: input.assessedOn,
  sourceKind: input.sourceKind,
  sourceTitle: input.sourceTitle,
  sourceUrl: input.sourceUrl,
  documentSymbol: input.documentSymbol,
  evidence: input.evidence,
});

/** The recommendation keeps its latest standing assessment's status (by assessment date), or none. */
async function keepLatestStatus(trx: Kysely<Database>, recommendationId: string) {
  const latest = await trx
    .selectFrom('uprAssessment')
    .select('status')
    .where('recommendationId', '=', recommendationId)
    .where('retractedAt', 'is', null)
    .orderBy('assessedOn', 'desc')
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  await trx
    .updateTable('uprRecommendation')
    .set({ implementation: latest?.status ?? null })
    .where('id', '=', recommendationId)
    .execute();
}

/** The State under review of a recommendation, which the change feed files the change under. */
const stateUnderReview = async (trx: Kysely<Database>, recommendationId: string) =>
  (await trx.selectFrom('uprRecommendation').select('stateUnderReviewIso3').where('id', '=', recommendationId).executeTakeFirst())
    ?.stateUnderReviewIso3 ?? null;

const assessmentChange = (
  edit: AssessmentEdit,
  action: string,
  row: AssessmentRow,
  before: unknown,
  after: unknown,
  stateIso3: string | null,
): AuditEntry => ({
  at: edit.at,
  actor: edit.editor.name,
  organisation: edit.editor.organisation,
  reason: edit.reason,
  action,
  entity: 'uprAssessment',
  entityId: String(row.id),
  before,
  after,
  sourceId: edit.source.id,
  stateIso3,
});
export type PresentedRow = RecommendationRow & { implementation: string | null };
export type CsvRow = RecommendationRow & { stateName: string; links: string | null; implementation: string | null };
export type ReviewRow = UprReviewTable & Pick<UprSessionTable, 'year' | 'startDate' | 'endDate'>;

/** What the in-memory column index is built from. */
export interface UprIndexSource {
  /** Every State, by English name. */
  states(): { iso3: string; nameEn: string; unRegionalGroup: string | null }[];
  /** Every recommendation's filterable columns, in row order. */
  recommendations(): {
    seq: number;
    cycle: number;
    session: number;
    response: string | null;
    implementation: string | null;
    state: string;
    recommendingStates: string;
    themes: string | null;
  }[];
  /** Every link of a recommendation to an instrument, read one at a time. */
  links(): IterableIterator<{ recommendation: number; instrumentId: string; action: string }>;
}

/** The FTS5 match of a search text; the query schema has already refused a text without one. */
export const ftsMatch = (q: string): string | null => {
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
  if (filters.statesUnderReview)
    add('r.stateUnderReviewIso3 in (select value from json_each(?))', JSON.stringify(filters.statesUnderReview));
  // The lists are JSON columns (migration 006): recommendingStates [{iso3, nameAsRecorded}], themes [name].
  if (filters.recommendingState)
    add("exists (select 1 from json_each(r.recommendingStates) s where s.value ->> '$.iso3' = ?)", filters.recommendingState);
  if (filters.recommendingGroup) {
    add(
      "exists (select 1 from json_each(r.recommendingStates) s join state g on g.iso3 = s.value ->> '$.iso3' where g.unRegionalGroup = ?)",
      filters.recommendingGroup,
    );
  }
  if (filters.cycle !== undefined) add('r.cycle = ?', filters.cycle);
  if (filters.session !== undefined) add('r.session = ?', filters.session);
  if (filters.response === 'not-recorded') add('r.response is null');
  else if (filters.response) add('r.response = ?', filters.response);
  if (filters.theme) add('exists (select 1 from json_each(r.themes) t where t.value = ?)', filters.theme);
  if (filters.instrument && filters.action) {
    add(
      'exists (select 1 from uprLink l where l.recommendation = r.seq and l.instrumentId = ? and l.action = ?)',
      filters.instrument,
      filters.action,
    );
  } else if (filters.instrument) {
    add('exists (select 1 from uprLink l where l.recommendation = r.seq and l.instrumentId = ?)', filters.instrument);
  } else if (filters.action) {
    add('exists (select 1 from uprLink l where l.recommendation = r.seq and l.action = ?)', filters.action);
  }
  if (filters.implementation === 'not-assessed') add('r.implementation is null');
  else if (filters.implementation) add('r.implementation = ?', filters.implementation);
  return { sql: parts.length ? `where ${parts.join(' and ')}` : '', params };
}

const ORDER = {
  session: 'r.session desc, r.stateUnderReviewIso3, r.seq',
  state: 'st.nameEn, r.session desc, r.seq',
} as const;

const CSV_ROWS_SQL = `select r.*, st.nameEn as stateName,
          (select group_concat(l.instrumentId || case when l.action = '' then '' else ':' || l.action end, ' ; ') from uprLink l where l.recommendation = r.seq) as links
        from uprRecommendation r join state st on st.iso3 = r.stateUnderReviewIso3 where r.seq in (select value from json_each(?))`;

const placeholdersFor = (values: readonly unknown[]) => values.map(() => '?').join(',');

export function createUprRepository(db: Kysely<Database>) {
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
  const get = <T>(sql: string, params: unknown[]) => prepare(sql).get(...params) as T | undefined;
  const plucked = new Map<string, SQLite.Statement>();
  const pluck = (sql: string, params: unknown[]): number[] => {
    let s = plucked.get(sql);
    if (!s) {
      s = sqlite.prepare(sql).pluck();
      plucked.set(sql, s);
    }
    return s.all(...params) as number[];
  };

  const indexSource: UprIndexSource = {
    states: () =>
      sqlite.prepare('select iso3, nameEn, unRegionalGroup from state order by nameEn').all() as ReturnType<UprIndexSource['states']>,
    recommendations: () =>
      sqlite
        .prepare(
          'select seq, cycle, session, response, implementation, stateUnderReviewIso3 as state, recommendingStates, themes from uprRecommendation order by seq',
        )
        .all() as ReturnType<UprIndexSource['recommendations']>,
    links: () =>
      sqlite.prepare('select recommendation, instrumentId, action from uprLink').iterate() as ReturnType<UprIndexSource['links']>,
  };

  return {
    indexSource,

    /** Every State's names (in each language) and UN regional group, by code. */
    stateNames: () =>
      new Map(
        all<{ iso3: string; unRegionalGroup: string | null } & StateNameColumns>(
          'select iso3, nameEn, nameFr, nameEs, nameAr, unRegionalGroup from state',
          [],
        ).map((s) => [s.iso3, s]),
      ),

    findState: (iso3: string) =>
      prepare('select iso3, nameEn, nameFr, nameEs, nameAr from state where iso3 = ?').get(iso3) as
        ({ iso3: string } & StateNameColumns) | undefined,

    /** The recommendations (by seq) the full-text match finds, best first when `byRank`. */
    matchingSeqs: (match: string, byRank: boolean) =>
      pluck(`select rowid from uprRecommendationFts where uprRecommendationFts match ?${byRank ? ' order by rank' : ''}`, [match]),

    recommendationsBySeq: (seqs: readonly number[]) =>
      seqs.length ? all<PresentedRow>(`select * from uprRecommendation where seq in (${placeholdersFor(seqs)})`, [...seqs]) : [],

    findRecommendation: (id: string) => prepare('select * from uprRecommendation where id = ?').get(id) as PresentedRow | undefined,

    recommendationExists: async (id: string) =>
      !!(await db.selectFrom('uprRecommendation').select('id').where('id', '=', id).executeTakeFirst()),

    linksOf: (seqs: readonly number[]) =>
      all<{ recommendation: number; instrumentId: string; action: string }>(
        `select recommendation, instrumentId, action from uprLink where recommendation in (${placeholdersFor(seqs)}) order by recommendation, instrumentId, action`,
        [...seqs],
      ),

    /** The latest assessment of each of the recommendations `ids`. */
    latestAssessments: (ids: readonly string[]) =>
      ids.length
        ? all<AssessmentRow>(
            `select a.* from uprAssessment a where a.recommendationId in (${placeholdersFor(ids)})
             and a.id = (select b.id from uprAssessment b where b.recommendationId = a.recommendationId and b.retractedAt is null
                         order by b.assessedOn desc, b.id desc limit 1)`,
            [...ids],
          )
        : [],

    assessmentsOf: (id: string) =>
      all<AssessmentRow>('select * from uprAssessment where recommendationId = ? order by assessedOn, id', [id]),

    findAssessment: (id: number) => get<AssessmentRow>('select * from uprAssessment where id = ?', [id]),

    /** Appends an assessment, keeps the latest status on the recommendation and records the change, in one transaction. */
    appendAssessment: (recommendationId: string, input: UprAssessmentInput, edit: AssessmentEdit): Promise<AssessmentRow> =>
      db.transaction().execute(async (trx) => {
        await createSourceRepository(trx).insertSourceIfNew(edit.source);
        const inserted = await trx
          .insertInto('uprAssessment')
          .values({
            recommendationId,
            ...assessmentColumns(input),
            recordedBy: edit.editor.name,
            organisation: edit.editor.organisation,
            recordedAt: edit.at,
            retractedAt: null,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
        await keepLatestStatus(trx, recommendationId);
        await recordChanges(trx, [
          assessmentChange(edit, 'insert', inserted, null, inserted, await stateUnderReview(trx, inserted.recommendationId)),
        ]);
        return inserted;
      }),

    /**
     * Corrects an assessment in place (the audit log keeps what it was); the recorder of the
     * correction becomes its recorder. Undefined when there is no such assessment.
     */
    correctAssessment: (id: number, input: UprAssessmentInput, edit: AssessmentEdit) =>
      db.transaction().execute(async (trx) => {
        const before = await trx.selectFrom('uprAssessment').selectAll().where('id', '=', id).executeTakeFirst();
        if (!before) return undefined;
        if (before.retractedAt !== null) return 'retracted' as const;
        await createSourceRepository(trx).insertSourceIfNew(edit.source);
        const after = await trx
          .updateTable('uprAssessment')
          .set({ ...assessmentColumns(input), recordedBy: edit.editor.name, organisation: edit.editor.organisation, recordedAt: edit.at })
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await keepLatestStatus(trx, before.recommendationId);
        await recordChanges(trx, [
          assessmentChange(edit, 'correct', after, before, after, await stateUnderReview(trx, before.recommendationId)),
        ]);
        return after;
      }),

    /** Retracts an assessment: kept, marked, no longer the latest status. */
    retractAssessment: (id: number, edit: AssessmentEdit) =>
      db.transaction().execute(async (trx) => {
        const before = await trx.selectFrom('uprAssessment').selectAll().where('id', '=', id).executeTakeFirst();
        if (!before) return undefined;
        if (before.retractedAt !== null) return 'retracted' as const;
        await createSourceRepository(trx).insertSourceIfNew(edit.source);
        const after = await trx
          .updateTable('uprAssessment')
          .set({ retractedAt: edit.at })
          .where('id', '=', id)
          .returningAll()
          .executeTakeFirstOrThrow();
        await keepLatestStatus(trx, before.recommendationId);
        await recordChanges(trx, [
          assessmentChange(edit, 'retract', after, before, after, await stateUnderReview(trx, before.recommendationId)),
        ]);
        return after;
      }),

    /** The seqs of the filtered set, in the order of `sort`. */
    csvSeqs: (filters: UprFilters, sort: UprSearchQuery['sort']) => {
      const where = whereClause(filters);
      const order = ORDER[sort === 'relevance' ? 'session' : sort];
      return pluck(
        `select r.seq from uprRecommendation r join state st on st.iso3 = r.stateUnderReviewIso3 ${where.sql} order by ${order}`,
        where.params,
      );
    },

    /** The CSV rows of some recommendations (by seq), each query run to completion. */
    csvRows: (seqs: readonly number[]) => all<CsvRow>(CSV_ROWS_SQL, [JSON.stringify(seqs)]),

    reviewsOfState: (iso3: string) =>
      all<ReviewRow>(
        'select v.*, s.year, s.startDate, s.endDate from uprReview v join uprSession s on s.session = v.session where v.stateIso3 = ? order by v.session',
        [iso3],
      ),

    /** Per review among `ids`: recommendations by response, those linked to an instrument, those assessed. */
    reviewCounts: (ids: readonly string[]) => {
      const placeholders = placeholdersFor(ids) || "''";
      const params = [...ids];
      return {
        byResponse: all<{ reviewId: string; response: string | null; n: number }>(
          `select reviewId, response, count(*) as n from uprRecommendation where reviewId in (${placeholders}) group by reviewId, response`,
          params,
        ),
        linked: new Map(
          all<{ reviewId: string; n: number }>(
            `select r.reviewId, count(distinct r.seq) as n from uprRecommendation r join uprLink l on l.recommendation = r.seq where r.reviewId in (${placeholders}) group by r.reviewId`,
            params,
          ).map((c) => [c.reviewId, c.n]),
        ),
        assessed: new Map(
          all<{ reviewId: string; n: number }>(
            `select reviewId, count(*) as n from uprRecommendation where implementation is not null and reviewId in (${placeholders}) group by reviewId`,
            params,
          ).map((c) => [c.reviewId, c.n]),
        ),
      };
    },

    pledgesOf: (iso3: string) =>
      all<{ id: string; session: number; text: string; sourceId: string }>(
        'select id, session, text, sourceId from uprPledge where stateIso3 = ? order by session, id',
        [iso3],
      ),

    sessions: (filter: { cycle?: number | undefined; session?: number | undefined }) =>
      all<UprSessionTable>(`select * from uprSession where (? is null or cycle = ?) and (? is null or session = ?) order by session`, [
        filter.cycle ?? null,
        filter.cycle ?? null,
        filter.session ?? null,
        filter.session ?? null,
      ]),

    /** Recommendations recorded per review. */
    countsByReview: () =>
      new Map(
        all<{ reviewId: string; n: number }>('select reviewId, count(*) as n from uprRecommendation group by reviewId', []).map((c) => [
          c.reviewId,
          c.n,
        ]),
      ),

    /** Every review's session, status, date and sources, for the agenda (the date only where one is recorded). */
    agendaReviews: () =>
      all<{ id: string; stateIso3: string; session: number; status: string | null; reviewDate: string | null; sourceIds: string }>(
        'select id, stateIso3, session, status, reviewDate, sourceIds from uprReview order by session, stateIso3',
        [],
      ),

    /** Every review with its State's name, by session, date and name. */
    calendarReviews: () =>
      all<
        {
          id: string;
          session: number;
          stateIso3: string;
          status: string | null;
          reviewDate: string | null;
          note: string | null;
        } & StateNameColumns
      >(
        "select v.id, v.session, v.stateIso3, st.nameEn, st.nameFr, st.nameEs, st.nameAr, v.status, v.reviewDate, v.note from uprReview v join state st on st.iso3 = v.stateIso3 order by v.session, coalesce(v.reviewDate, '9999'), st.nameEn",
        [],
      ),
  };
}
export type UprRepository = ReturnType<typeof createUprRepository>;
