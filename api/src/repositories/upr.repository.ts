import type { StateNameColumns } from '../domain/languages.js';
import type { Insertable, Kysely, Selectable } from 'kysely';
import { type Database, type SourceTable, type UprAssessmentTable, type UprReviewTable, type UprSessionTable } from '../db/database.js';
import type { RecommendationRow } from './upr-store.repository.js';
import { readSearchText } from '../domain/search-text.js';
import type { UprAssessmentInput, UprFilters, UprSearchQuery } from '../schemas/upr.js';
import type { Dialect } from '../db/dialect.js';
import { inList, listParam, sqlOf } from '../db/sql.js';
import { recordChanges, type AuditEntry } from './audit.repository.js';
import { createSourceRepository } from './source.repository.js';

/**
 * The UPR reads and the assessment write: every SQL statement the UPR service and its column index
 * (services/upr-index.ts) run, moved here so that those services only combine what this returns
 * with the other repositories and apply the rules (what is "next", what is presented, how a search
 * is ranked). Queries are hand-written SQL (db/sql.ts: on SQLite prepared once and cached by text): a search
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
  states: { iso3: string; nameEn: string; unRegionalGroup: string | null }[];
  /** Every recommendation's filterable columns, in row order. */
  recommendations: {
    seq: number;
    cycle: number;
    session: number;
    response: string | null;
    implementation: string | null;
    state: string;
    recommendingStates: string;
    themes: string | null;
  }[];
  /** Every link of a recommendation to an instrument. */
  links: { recommendation: number; instrumentId: string; action: string }[];
}

interface Where {
  sql: string;
  params: unknown[];
}

/**
 * The full-text match of the search text `q` on the recommendation `r`, in the engine's syntax:
 * FTS5's index on SQLite, the GIN index on tracker_document(text) on PostgreSQL (migration 012).
 * The query schema has already refused a text with nothing to search for.
 */
function fullTextMatch(dialect: Dialect, q: string): Where | null {
  const read = readSearchText(q);
  if (!read.ok) return null;
  return dialect === 'sqlite'
    ? { sql: 'r.seq in (select rowid from uprRecommendationFts where uprRecommendationFts match ?)', params: [read.match] }
    : { sql: `tracker_document(r.text) @@ to_tsquery('tracker', ?)`, params: [read.tsquery] };
}

/** A JSON list column's elements as rows of `value` (the lists are JSON text on SQLite, jsonb on PostgreSQL). */
const jsonElements = (dialect: Dialect, column: string, alias: string, asText: boolean) =>
  dialect === 'sqlite'
    ? `json_each(${column}) ${alias}`
    : `${asText ? 'jsonb_array_elements_text' : 'jsonb_array_elements'}(${column}) as ${alias}(value)`;
/** The iso3 of a recommending State element from jsonElements. */
const iso3Of = (dialect: Dialect, alias: string) => (dialect === 'sqlite' ? `${alias}.value ->> '$.iso3'` : `${alias}.value ->> 'iso3'`);

/** The WHERE clause over `r` (uprRecommendation) for the filters. */
function whereClause(filters: UprFilters, dialect: Dialect): Where {
  const parts: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, ...values: unknown[]) => {
    parts.push(sql);
    params.push(...values);
  };
  if (filters.q) {
    const match = fullTextMatch(dialect, filters.q);
    if (match) add(match.sql, ...match.params);
  }
  if (filters.state) add('r.stateUnderReviewIso3 = ?', filters.state);
  if (filters.statesUnderReview) add(inList(dialect, 'r.stateUnderReviewIso3'), listParam(dialect, filters.statesUnderReview));
  // The lists are JSON columns (migration 006): recommendingStates [{iso3, nameAsRecorded}], themes [name].
  if (filters.recommendingState)
    add(
      `exists (select 1 from ${jsonElements(dialect, 'r.recommendingStates', 's', false)} where ${iso3Of(dialect, 's')} = ?)`,
      filters.recommendingState,
    );
  if (filters.recommendingGroup) {
    add(
      `exists (select 1 from ${jsonElements(dialect, 'r.recommendingStates', 's', false)} join state g on g.iso3 = ${iso3Of(dialect, 's')} where g.unRegionalGroup = ?)`,
      filters.recommendingGroup,
    );
  }
  if (filters.cycle !== undefined) add('r.cycle = ?', filters.cycle);
  if (filters.session !== undefined) add('r.session = ?', filters.session);
  if (filters.response === 'not-recorded') add('r.response is null');
  else if (filters.response) add('r.response = ?', filters.response);
  if (filters.theme) add(`exists (select 1 from ${jsonElements(dialect, 'r.themes', 't', true)} where t.value = ?)`, filters.theme);
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

/** The instruments a recommendation is linked to, `instrument[:action]` joined by ` ; ` in one column. */
const LINKS_COLUMN = {
  sqlite: `(select group_concat(l.instrumentId || case when l.action = '' then '' else ':' || l.action end, ' ; ') from uprLink l where l.recommendation = r.seq)`,
  postgres: `(select string_agg(l.instrumentId || case when l.action = '' then '' else ':' || l.action end, ' ; ') from uprLink l where l.recommendation = r.seq)`,
} as const;

const placeholdersFor = (values: readonly unknown[]) => values.map(() => '?').join(',');

export function createUprRepository(db: Kysely<Database>) {
  const q = sqlOf(db);
  const { dialect } = q;

  return {
    /** What the in-memory column index is built from, read in three statements. */
    indexSource: async (): Promise<UprIndexSource> => ({
      states: await q.all('select iso3, nameEn, unRegionalGroup from state order by nameEn'),
      recommendations: await q.all(
        'select seq, cycle, session, response, implementation, stateUnderReviewIso3 as state, recommendingStates, themes from uprRecommendation order by seq',
      ),
      links: await q.all('select recommendation, instrumentId, action from uprLink'),
    }),

    /** Every State's names (in each language) and UN regional group, by code. */
    stateNames: async () =>
      new Map(
        (
          await q.all<{ iso3: string; unRegionalGroup: string | null } & StateNameColumns>(
            'select iso3, nameEn, nameFr, nameEs, nameAr, unRegionalGroup from state',
          )
        ).map((s) => [s.iso3, s]),
      ),

    findState: (iso3: string) =>
      q.get<{ iso3: string } & StateNameColumns>('select iso3, nameEn, nameFr, nameEs, nameAr from state where iso3 = ?', [iso3]),

    /** The recommendations (by seq) the full-text search `text` finds, best first when `byRank`. */
    matchingSeqs: async (text: string, byRank: boolean): Promise<number[]> => {
      const match = fullTextMatch(dialect, text);
      if (!match) return [];
      if (dialect === 'sqlite')
        return q.column(
          `select rowid from uprRecommendationFts where uprRecommendationFts match ?${byRank ? ' order by rank' : ''}`,
          match.params,
        );
      return q.column(
        `select r.seq from uprRecommendation r ${`where ${match.sql}`}${byRank ? ` order by ts_rank(tracker_document(r.text), to_tsquery('tracker', ?)) desc, r.seq` : ''}`,
        byRank ? [...match.params, ...match.params] : match.params,
      );
    },

    recommendationsBySeq: async (seqs: readonly number[]) =>
      seqs.length ? q.all<PresentedRow>(`select * from uprRecommendation where seq in (${placeholdersFor(seqs)})`, [...seqs]) : [],

    findRecommendation: (id: string) => q.get<PresentedRow>('select * from uprRecommendation where id = ?', [id]),

    recommendationExists: async (id: string) =>
      !!(await db.selectFrom('uprRecommendation').select('id').where('id', '=', id).executeTakeFirst()),

    linksOf: async (seqs: readonly number[]) =>
      seqs.length
        ? q.all<{ recommendation: number; instrumentId: string; action: string }>(
            `select recommendation, instrumentId, action from uprLink where recommendation in (${placeholdersFor(seqs)}) order by recommendation, instrumentId, action`,
            [...seqs],
          )
        : [],

    /** The latest assessment of each of the recommendations `ids`. */
    latestAssessments: async (ids: readonly string[]) =>
      ids.length
        ? q.all<AssessmentRow>(
            `select a.* from uprAssessment a where a.recommendationId in (${placeholdersFor(ids)})
             and a.id = (select b.id from uprAssessment b where b.recommendationId = a.recommendationId and b.retractedAt is null
                         order by b.assessedOn desc, b.id desc limit 1)`,
            [...ids],
          )
        : [],

    assessmentsOf: (id: string) =>
      q.all<AssessmentRow>('select * from uprAssessment where recommendationId = ? order by assessedOn, id', [id]),

    findAssessment: (id: number) => q.get<AssessmentRow>('select * from uprAssessment where id = ?', [id]),

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
      const where = whereClause(filters, dialect);
      const order = ORDER[sort === 'relevance' ? 'session' : sort];
      return q.column<number>(
        `select r.seq from uprRecommendation r join state st on st.iso3 = r.stateUnderReviewIso3 ${where.sql} order by ${order}`,
        where.params,
      );
    },

    /** The CSV rows of some recommendations (by seq), each query run to completion. */
    csvRows: (seqs: readonly number[]) =>
      q.all<CsvRow>(
        `select r.*, st.nameEn as stateName, ${LINKS_COLUMN[dialect]} as links
         from uprRecommendation r join state st on st.iso3 = r.stateUnderReviewIso3 where ${inList(dialect, 'r.seq')}`,
        [listParam(dialect, seqs)],
      ),

    reviewsOfState: (iso3: string) =>
      q.all<ReviewRow>(
        'select v.*, s.year, s.startDate, s.endDate from uprReview v join uprSession s on s.session = v.session where v.stateIso3 = ? order by v.session',
        [iso3],
      ),

    /** Per review among `ids`: recommendations by response, those linked to an instrument, those assessed. */
    reviewCounts: async (ids: readonly string[]) => {
      const placeholders = placeholdersFor(ids) || "''";
      const params = [...ids];
      return {
        byResponse: await q.all<{ reviewId: string; response: string | null; n: number }>(
          `select reviewId, response, count(*) as n from uprRecommendation where reviewId in (${placeholders}) group by reviewId, response`,
          params,
        ),
        linked: new Map(
          (
            await q.all<{ reviewId: string; n: number }>(
              `select r.reviewId, count(distinct r.seq) as n from uprRecommendation r join uprLink l on l.recommendation = r.seq where r.reviewId in (${placeholders}) group by r.reviewId`,
              params,
            )
          ).map((c) => [c.reviewId, c.n]),
        ),
        assessed: new Map(
          (
            await q.all<{ reviewId: string; n: number }>(
              `select reviewId, count(*) as n from uprRecommendation where implementation is not null and reviewId in (${placeholders}) group by reviewId`,
              params,
            )
          ).map((c) => [c.reviewId, c.n]),
        ),
      };
    },

    pledgesOf: (iso3: string) =>
      q.all<{ id: string; session: number; text: string; sourceId: string }>(
        'select id, session, text, sourceId from uprPledge where stateIso3 = ? order by session, id',
        [iso3],
      ),

    sessions: (filter: { cycle?: number | undefined; session?: number | undefined }) => {
      let query = db.selectFrom('uprSession').selectAll().orderBy('session');
      if (filter.cycle !== undefined) query = query.where('cycle', '=', filter.cycle);
      if (filter.session !== undefined) query = query.where('session', '=', filter.session);
      return query.execute();
    },

    /** Recommendations recorded per review. */
    countsByReview: async () =>
      new Map(
        (await q.all<{ reviewId: string; n: number }>('select reviewId, count(*) as n from uprRecommendation group by reviewId')).map(
          (c) => [c.reviewId, c.n],
        ),
      ),

    /** Every review's session, status, date and sources, for the agenda (the date only where one is recorded). */
    agendaReviews: () =>
      q.all<{ id: string; stateIso3: string; session: number; status: string | null; reviewDate: string | null; sourceIds: string }>(
        'select id, stateIso3, session, status, reviewDate, sourceIds from uprReview order by session, stateIso3',
        [],
      ),

    /** Every review with its State's name, by session, date and name. */
    calendarReviews: () =>
      q.all<
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
