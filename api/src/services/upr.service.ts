import type { Citation, RetractionInput } from '../schemas/editing.js';
import { DEFAULT_LANGUAGE, stateNameIn, type Language, type StateNameColumns } from '../domain/languages.js';
import { citedSource } from './citations.js';
import { stringify } from 'csv-stringify';
import { pipeline, Readable } from 'node:stream';
import { recommendationFromRow } from '../repositories/upr-store.repository.js';
import type { Repositories } from '../repositories/index.js';
import { type AssessmentRow, type CsvRow, type PresentedRow, type ReviewRow } from '../repositories/upr.repository.js';
import type { SourceRef } from '../schemas/participation.js';
import type {
  UprAssessment,
  UprAssessmentInput,
  UprFilters,
  UprRecommendation,
  UprReview,
  UprSearchQuery,
  UprSearchResponse,
  UprStateGroupQuery,
} from '../schemas/upr.js';
import { citation } from '../lib/csv-tables.js';
import { CSV_OPTIONS } from '../lib/formats.js';
import { refsFor } from './source-refs.js';
import { todayUtc } from '../domain/clock.js';
import { hasGroupFilters } from '../domain/state-groups.js';
import { buildUprIndex, searchIndex, type UprIndex } from './upr-index.js';

/**
 * UPR search and views, over the UPR repository (repositories/upr.repository.ts holds every SQL
 * statement): a search runs the full-text match there, then filters, pages and counts facets on the
 * in-memory column index, and presents the page with names, links, assessments and sources.
 */

/** A State's name in a language, from its row of names; undefined for a State the data does not know. */
const nameOf = (state: StateNameColumns | undefined, language: Language) => (state ? stateNameIn(state, language) : undefined);

export function createUprService(repos: Repositories) {
  const upr = repos.upr;
  let index: { version: number; value: Promise<UprIndex> } | null = null;
  /** The column index of the current data version (rebuilt after any write; requests arriving meanwhile share the one build). */
  const currentIndex = (): Promise<UprIndex> => {
    const version = repos.meta.dataVersion();
    if (index?.version !== version) {
      const value = upr.indexSource().then(buildUprIndex);
      index = { version, value };
      // A failed build is not kept: the next search tries again.
      value.catch(() => {
        if (index?.value === value) index = null;
      });
    }
    return index.value;
  };

  /**
   * The search's filters, with the State-under-review group filters resolved to the States they
   * select, through the states repository and so by the one rule every list of States uses.
   */
  async function filtersOf(query: Omit<UprFilters, 'statesUnderReview'> & UprStateGroupQuery): Promise<UprFilters> {
    const { stateGroup, stateRegion, stateLdc, stateSids, stateCombine, ...filters } = query;
    const groups = { group: stateGroup, region: stateRegion, ldc: stateLdc, sids: stateSids, combine: stateCombine };
    if (!hasGroupFilters(groups)) return filters;
    return { ...filters, statesUnderReview: (await repos.states.listStates(groups)).map((s) => s.iso3) };
  }

  /** Recommendations in the API shape, with names, links, latest assessment and source. */
  async function present(rows: PresentedRow[], language: Language): Promise<UprRecommendation[]> {
    if (rows.length === 0) return [];
    const links = await upr.linksOf(rows.map((r) => r.seq));
    const assessed = rows.filter((r) => r.implementation !== null).map((r) => r.id);
    const latest = new Map((await upr.latestAssessments(assessed)).map((a) => [a.recommendationId, toAssessment(a)]));
    const names = await upr.stateNames();
    const refs = await repos.meta.sourceRefs();
    return rows.map((row) => {
      const record = recommendationFromRow(row);
      return {
        id: record.id,
        reviewId: record.reviewId,
        session: record.session,
        cycle: record.cycle,
        stateUnderReview: {
          iso3: record.stateUnderReviewIso3,
          name: nameOf(names.get(record.stateUnderReviewIso3), language) ?? record.stateUnderReviewIso3,
        },
        paragraph: record.paragraph,
        text: record.text,
        recommendingStates: record.recommendingStates.map((s) => {
          const known = s.iso3 ? names.get(s.iso3) : undefined;
          return {
            iso3: s.iso3,
            name: nameOf(known, language) ?? s.nameAsRecorded,
            nameAsRecorded: s.nameAsRecorded,
            unRegionalGroup: (known?.unRegionalGroup ?? null) as UprRecommendation['recommendingStates'][number]['unRegionalGroup'],
          };
        }),
        response: record.response,
        responseAsRecorded: record.responseAsRecorded,
        responseSource: record.responseSource,
        actionCategory: record.actionCategory,
        themes: record.themes,
        sdgs: record.sdgs,
        affectedPersons: record.affectedPersons,
        documentSymbol: record.documentSymbol,
        links: links
          .filter((l) => l.recommendation === row.seq)
          .map((l) => ({ instrumentId: l.instrumentId, action: (l.action || null) as UprRecommendation['links'][number]['action'] })),
        implementation: latest.get(record.id) ?? null,
        source: refsFor([record.sourceId], refs)[0]!,
        sourceLine: record.sourceLine,
      };
    });
  }

  return {
    async search(query: UprSearchQuery, language: Language = DEFAULT_LANGUAGE): Promise<UprSearchResponse> {
      const { sort, page, pageSize, facets: withFacets, format: _format, bom: _bom, q, ...given } = query;
      const filters = await filtersOf(given);
      const index = await currentIndex();
      let matched: { docs: Int32Array; relevance: boolean } | null = null;
      if (q) {
        const relevance = sort === 'relevance';
        const seqs = await upr.matchingSeqs(q, relevance);
        // A recommendation written since the index was built (by another process, on PostgreSQL) is
        // not in it yet: left out of this answer, found by the next, which rebuilds the index.
        const docs = seqs.flatMap((seq) => index.docOfSeq.get(seq) ?? []);
        matched = { docs: Int32Array.from(docs), relevance };
      }
      const found = searchIndex(index, filters, matched, { sort, offset: (page - 1) * pageSize, limit: pageSize, facets: withFacets });
      const rows = await upr.recommendationsBySeq(found.page);
      const bySeq = new Map(rows.map((r) => [r.seq, r]));
      const items = await present(
        found.page.map((seq) => bySeq.get(seq)!),
        language,
      );
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
      const { sort, page: _p, pageSize: _s, facets: _f, format: _format, bom, ...given } = query;
      const refs = await repos.meta.sourceRefs();
      const seqs = await upr.csvSeqs(await filtersOf(given), sort);
      async function* records() {
        for (let i = 0; i < seqs.length; i += CSV_CHUNK_ROWS) {
          const chunk = seqs.slice(i, i + CSV_CHUNK_ROWS);
          const rows = new Map((await upr.csvRows(chunk)).map((r) => [r.seq, r]));
          for (const seq of chunk) {
            const r = rows.get(seq);
            // A row deleted by a write since the ids were read is left out, not sent half-empty.
            if (r) yield csvRecord(r, refs.get(r.sourceId));
          }
        }
      }
      return pipeline(Readable.from(records()), stringify({ ...CSV_OPTIONS, columns: [...CSV_COLUMNS], bom }), () => {
        // Errors reach the reply through the returned stream; a client that went away needs nothing more.
      });
    },

    async recommendation(id: string, language: Language = DEFAULT_LANGUAGE) {
      const row = await upr.findRecommendation(id);
      if (!row) return undefined;
      const [presented] = await present([row], language);
      const assessments = (await upr.assessmentsOf(id)).map(toAssessment);
      return { ...presented!, assessments };
    },

    /** Appends an assessment (history is never overwritten) and keeps the latest status on the recommendation. */
    async addAssessment(id: string, input: UprAssessmentInput, editor: Editor): Promise<UprAssessment | undefined> {
      if (!(await upr.recommendationExists(id))) return undefined;
      return toAssessment(await upr.appendAssessment(id, input, assessmentEdit(input, editor)));
    },

    /** Corrects an assessment (the change feed keeps what it was); 'retracted' for one already retracted. */
    async correctAssessment(id: number, input: UprAssessmentInput, editor: Editor) {
      const corrected = await upr.correctAssessment(id, input, assessmentEdit(input, editor));
      return corrected === undefined || corrected === 'retracted' ? corrected : toAssessment(corrected);
    },

    async retractAssessment(id: number, retraction: RetractionInput, editor: Editor) {
      const retracted = await upr.retractAssessment(id, assessmentEdit(retraction, editor));
      return retracted === undefined || retracted === 'retracted' ? retracted : toAssessment(retracted);
    },

    /**
     * A State's reviews (held and scheduled), the next one after today, the latest one scheduled on
     * a date now past that no source records as held (the calendar is as of its own date, so such a
     * review is neither "next" nor known to have taken place), and its voluntary pledges.
     */
    async reviewsOf(iso3: string, language: Language = DEFAULT_LANGUAGE) {
      const state = await upr.findState(iso3);
      if (!state) return undefined;
      const refs = await repos.meta.sourceRefs();
      const reviews = await presentReviews(await upr.reviewsOfState(iso3), refs);
      const today = todayUtc();
      const lastDay = (r: (typeof reviews)[number]) => r.reviewDate ?? r.sessionEnd ?? r.sessionStart ?? `${r.year ?? 0}-12-31`;
      const awaited = reviews.filter((r) => r.status !== 'held' && r.status !== 'postponed');
      const nextReview = awaited.find((r) => lastDay(r) >= today) ?? null;
      const pastScheduledReview = awaited.filter((r) => r.status === 'scheduled' && lastDay(r) < today).at(-1) ?? null;
      const pledges = (await upr.pledgesOf(iso3)).map((p) => ({
        id: p.id,
        session: p.session,
        text: p.text,
        source: refsFor([p.sourceId], refs)[0]!,
      }));
      return { state: { iso3: state.iso3, name: stateNameIn(state, language) }, reviews, nextReview, pastScheduledReview, pledges };
    },

    async calendar(filter: { cycle?: number | undefined; session?: number | undefined }, language: Language = DEFAULT_LANGUAGE) {
      const refs = await repos.meta.sourceRefs();
      const sessions = await upr.sessions(filter);
      const counts = await upr.countsByReview();
      const reviews = await upr.calendarReviews();
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
            note: s.note,
            reviews: own.map((r) => ({
              id: r.id,
              stateIso3: r.stateIso3,
              name: stateNameIn(r, language),
              status: r.status as UprReview['status'],
              reviewDate: r.reviewDate,
              note: r.note,
              recommendationsRecorded: counts.get(r.id) ?? 0,
            })),
            sources: refsFor(JSON.parse(s.sourceIds) as string[], refs),
          };
        }),
      };
    },
  };

  async function presentReviews(rows: ReviewRow[], refs: Map<string, SourceRef>): Promise<UprReview[]> {
    const { byResponse, linked, assessed } = await upr.reviewCounts(rows.map((r) => r.id));
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
  'id',
  'cycle',
  'session',
  'stateUnderReviewIso3',
  'stateUnderReview',
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
  'linkedInstruments',
  'implementation',
  'source',
  'sourceLine',
] as const;

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

/** Who records an edit: the signed-in editor or the token's user, and the organisation it records for. */
export interface Editor {
  name: string;
  organisation: string;
}

const assessmentEdit = (input: Citation & { reason: string; sourceTitle?: string }, editor: Editor) => {
  const at = new Date().toISOString();
  return { editor, at, reason: input.reason, source: citedSource(input, editor.organisation, at.slice(0, 10), input.sourceTitle) };
};

const toAssessment = (a: AssessmentRow): UprAssessment => ({
  ...a,
  status: a.status as UprAssessment['status'],
  sourceKind: a.sourceKind as UprAssessment['sourceKind'],
});
