import { LRUCache } from 'lru-cache';
import {
  CAT_RULE_IDS,
  catDeadlines,
  catReportingStatuses,
  summariseCatReporting,
  type CatDeadline,
  type CatDueDate,
  type CatFollowUpObligation,
  type CatOverdue,
  type CatReportingDataset,
  type CatReportingStatus,
  type CatReportObligation,
  type CatActivityKind,
  type CatSessionActivity,
  type CatSituation,
} from '../domain/cat-reporting.js';
import { catCalendar, catCalendarNameOf, catCalendarSourceTitle } from '../messages/cat-calendar.js';
import type { IsoDate } from '../domain/types.js';
import { catDeadlineText, catDueDateText, catWording } from '../messages/cat-reporting-en.js';
import { DEFAULT_LANGUAGE, type Language } from '../domain/languages.js';
import {
  completenessBasisText,
  followUpShortLabel,
  overdueBasisText,
  procedureBasisText,
  reportShortLabel,
  ruleTexts,
  situationBasisText,
  type CatWording,
} from '../messages/cat-reporting.js';
import type { Repositories } from '../repositories/index.js';
import type {
  CatFollowUpObligation as CatFollowUpOut,
  CatReportObligation as CatReportOut,
  CatReportingDetail,
  CatReportingFilters,
  CatReportingListResponse,
  CatReportingRow,
} from '../schemas/cat-reporting.js';
import type { SourceRef } from '../schemas/participation.js';
import type { State } from '../schemas/state.js';
import { refsFor } from './source-refs.js';
import { toEngineInstrument } from './status.service.js';

interface Loaded {
  dataset: CatReportingDataset;
  states: State[];
  /** The latest date any reporting record covers. */
  dataAsOf: IsoDate;
}

const unique = (ids: (string | null | undefined)[]) => [...new Set(ids.filter((id): id is string => !!id))].sort();

// The domain's codes with their English words beside them (the API's text fields), from the
// catalogue the dashboard also words them with (api/src/messages/cat-reporting.en.json).

const dueOut = (due: CatDueDate, w: CatWording) => ({ ...catDueDateText(due, w), ruleId: due.ruleId, reasons: due.reasons });

const overdueOut = (overdue: CatOverdue | null, w: CatWording) => overdue && { ...overdue, basis: overdueBasisText(overdue.reason, w) };

function reportOut(o: CatReportObligation, w: CatWording): CatReportOut {
  return {
    ...o,
    label: o.recordedLabel ?? reportShortLabel(o, w),
    procedureBasis: o.procedureReason ? procedureBasisText(o.procedureReason, w) : null,
    due: dueOut(o.due, w),
    overdue: overdueOut(o.overdue, w),
  };
}

function followUpOut(o: CatFollowUpObligation, w: CatWording): CatFollowUpOut {
  return { ...o, label: followUpShortLabel(o, w), due: dueOut(o.due, w), overdue: overdueOut(o.overdue, w) };
}

const obligationOut = (o: CatReportObligation | CatFollowUpObligation, w: CatWording) =>
  o.kind === 'report' ? reportOut(o, w) : followUpOut(o, w);

function toRow(
  state: State,
  status: CatReportingStatus,
  history: CatReportingDataset['states'][number] | undefined,
  language: Language,
): CatReportingRow {
  const w = catWording(language);
  const days = status.establishedOverdue.map((o) => o.overdue?.daysOverdue).filter((d): d is number => typeof d === 'number');
  const obligations = [...status.reports, ...status.followUps];
  return {
    iso3: state.iso3,
    name: state.names[language],
    region: state.region,
    unRegionalGroup: state.unRegionalGroup,
    ldc: state.ldc.status === 'ldc',
    sids: state.sids,
    party: status.party,
    entryIntoForce: status.entryIntoForce,
    completeness: status.completeness,
    completenessBasis: completenessBasisText(status.completenessBasis, w),
    completenessBasisCode: status.completenessBasis === null ? 'no-history' : 'recorded',
    historyAsOf: status.historyAsOf,
    situation: status.situation,
    situationBasis: situationBasisText(status.situationReason, w),
    situationReason: status.situationReason,
    lastReportReceived: status.lastReportReceived && reportOut(status.lastReportReceived, w),
    nextReportDue: status.nextReportDue && reportOut(status.nextReportDue, w),
    procedure: status.nextReportDue?.procedure ?? null,
    latestFollowUp: status.followUps.length ? followUpOut(status.followUps.at(-1)!, w) : null,
    establishedOverdue: status.establishedOverdue.map((o) => obligationOut(o, w)),
    daysOverdue: days.length ? Math.max(...days) : null,
    sourceIds: unique([...(history?.sourceIds ?? []), ...obligations.flatMap((o) => [o.due.sourceId, ...(o.overdue?.sourceIds ?? [])])]),
  };
}

/**
 * CAT reporting situations, computed from the records and the UNCAT events for any date (never
 * stored). Inputs are cached per data version, results per data version and date.
 */
export function createCatReportingService(repos: Repositories) {
  const inputs = new LRUCache<number, Loaded>({ max: 2 });
  const results = new LRUCache<string, CatReportingStatus[]>({ max: 64 });

  async function load(): Promise<Loaded> {
    const version = repos.meta.dataVersion();
    const cached = inputs.get(version);
    if (cached) return cached;
    const uncat = await repos.instruments.findInstrument('uncat');
    if (!uncat) throw new Error('The UNCAT instrument is missing from the database');
    const records = await repos.catReporting.loadAll();
    const dataset: CatReportingDataset = {
      uncatInstrument: toEngineInstrument(uncat),
      uncatEvents: await repos.participation.listByInstrument('uncat'),
      reports: records.reports,
      followUpLists: records.followUpLists,
      sessions: records.sessions,
      states: records.states,
    };
    const dates = [
      ...records.states.map((s) => s.asOf),
      ...records.followUpLists.map((l) => l.asOf),
      ...records.reports.map((r) => r.asOf),
    ];
    const loaded = { dataset, states: await repos.states.listStates(), dataAsOf: dates.sort().at(-1) ?? uncat.dataAsOf };
    inputs.set(version, loaded);
    return loaded;
  }

  async function statusesOn(asOf: IsoDate): Promise<{ loaded: Loaded; statuses: Map<string, CatReportingStatus> }> {
    const loaded = await load();
    const key = `${repos.meta.dataVersion()}:${asOf}`;
    let statuses = results.get(key);
    if (!statuses) {
      statuses = catReportingStatuses(
        loaded.dataset,
        loaded.states.map((s) => s.iso3),
        asOf,
      );
      results.set(key, statuses);
    }
    return { loaded, statuses: new Map(statuses.map((s) => [s.stateIso3, s])) };
  }

  const historyOf = (loaded: Loaded, iso3: string) => loaded.dataset.states.find((s) => s.stateIso3 === iso3);

  async function sourceRefs(ids: string[]): Promise<SourceRef[]> {
    return refsFor(ids, await repos.meta.sourceRefs());
  }

  const service = {
    /** Every state (parties and not) matching the filters, with counts over those shown. */
    async list(asOf: IsoDate, filters: CatReportingFilters, language: Language = DEFAULT_LANGUAGE): Promise<CatReportingListResponse> {
      const { loaded, statuses } = await statusesOn(asOf);
      const { overdue, ...stateFilters } = filters;
      const matching = Object.values(stateFilters).some((v) => v !== undefined)
        ? await repos.states.listStates(stateFilters)
        : loaded.states;
      const rows: CatReportingRow[] = [];
      const shown: CatReportingStatus[] = [];
      for (const state of matching) {
        const status = statuses.get(state.iso3)!;
        if (overdue !== undefined && overdue !== status.establishedOverdue.length > 0) continue;
        shown.push(status);
        rows.push(toRow(state, status, historyOf(loaded, state.iso3), language));
      }
      return {
        asOf,
        dataAsOf: loaded.dataAsOf,
        rules: ruleTexts(catWording(language), CAT_RULE_IDS),
        summary: summariseCatReporting(asOf, shown),
        states: rows,
        sources: await sourceRefs(unique(rows.flatMap((r) => r.sourceIds))),
      };
    },

    /** One state's full reporting history; undefined for an unknown state. */
    async detail(iso3: string, asOf: IsoDate, language: Language = DEFAULT_LANGUAGE): Promise<CatReportingDetail | undefined> {
      const { loaded, statuses } = await statusesOn(asOf);
      const state = loaded.states.find((s) => s.iso3 === iso3);
      if (!state) return undefined;
      const status = statuses.get(iso3)!;
      const records = loaded.dataset.reports.filter((r) => r.stateIso3 === iso3);
      const activities = loaded.dataset.sessions.flatMap((s) =>
        s.activities
          .filter((a) => a.stateIso3 === iso3)
          .map((activity) => ({ session: s.session, sessionStart: s.start, sessionEnd: s.end, activity })),
      );
      const summary = toRow(state, status, historyOf(loaded, iso3), language);
      const w = catWording(language);
      const deadlines = catDeadlines(status).map((d) => catDeadlineText(d, w));
      return {
        asOf,
        summary,
        reports: status.reports.map((o) => reportOut(o, w)),
        followUps: status.followUps.map((o) => followUpOut(o, w)),
        records,
        activities,
        deadlines,
        sources: await sourceRefs(
          unique([
            ...summary.sourceIds,
            ...records.map((r) => r.sourceId),
            ...activities.map((a) => a.activity.sourceId),
            ...deadlines.flatMap((d) => d.sourceIds),
          ]),
        ),
      };
    },

    /** Dated deadlines (upcoming, or established overdue) of one state or all. */
    async deadlines(
      asOf: IsoDate,
      iso3?: string,
      language: Language = DEFAULT_LANGUAGE,
    ): Promise<{ deadlines: CatDeadline[]; names: Map<string, string>; sources: Map<string, SourceRef> }> {
      const { loaded, statuses } = await statusesOn(asOf);
      const w = catWording(language);
      const deadlines = [...statuses.values()]
        .filter((s) => iso3 === undefined || s.stateIso3 === iso3)
        .flatMap((s) => catDeadlines(s).map((d) => catDeadlineText(d, w)));
      const refs = await repos.meta.sourceRefs();
      return { deadlines, names: new Map(loaded.states.map((s) => [s.iso3, s.names[language]])), sources: refs };
    },

    /**
     * The RFC 5545 calendar of the dated deadlines of one state or all (the body of
     * GET /api/cat-reporting/calendar.ics); undefined for an unknown state. Event links point at
     * `publicUrl`, the configured address, never one taken from a request: the answer is cached
     * for everyone.
     */
    async calendar(
      asOf: IsoDate,
      iso3: string | undefined,
      publicUrl: string,
      language: Language = DEFAULT_LANGUAGE,
    ): Promise<string | undefined> {
      if (iso3 && !(await service.hasState(iso3))) return undefined;
      const { deadlines, names, sources } = await service.deadlines(asOf, iso3, language);
      const w = catWording(language);
      const dataAsOf = await service.dataAsOf();
      return catCalendar(deadlines, {
        wording: w,
        stateNames: Object.fromEntries(names),
        sourceTitles: Object.fromEntries([...sources].map(([id, s]) => [id, catCalendarSourceTitle(s.title, s.asOf, w)])),
        // Fixed by the data, so the same data gives the same file (and the same ETag).
        dtstamp: `${dataAsOf}T00:00:00Z`,
        dataAsOf,
        name: iso3 ? catCalendarNameOf(names.get(iso3) ?? iso3, w) : undefined,
        url: (d) => `${publicUrl}/states/${d.stateIso3}#cat-reporting`,
      });
    },

    /**
     * Each State's reporting situation on `asOf` and its next dialogue with the Committee: the
     * first session after `asOf` that lists the State for a dialogue (a report considered, a review
     * without a report, a scheduled review), or null where no recorded session does.
     */
    async situationsOn(asOf: IsoDate): Promise<Map<string, { situation: CatSituation; nextDialogue: CatNextDialogue | null }>> {
      const { loaded, statuses } = await statusesOn(asOf);
      const next = new Map<string, CatNextDialogue>();
      const upcoming = loaded.dataset.sessions.filter((s) => s.start !== null && s.start > asOf).sort((a, b) => a.session - b.session);
      for (const session of upcoming)
        for (const activity of session.activities)
          if (DIALOGUE_KINDS.has(activity.kind) && !next.has(activity.stateIso3))
            next.set(activity.stateIso3, {
              session: session.session,
              sessionStart: session.start!,
              dialogueDates: activity.dialogueDates,
              sourceId: activity.sourceId,
            });
      return new Map([...statuses].map(([iso3, status]) => [iso3, { situation: status.situation, nextDialogue: next.get(iso3) ?? null }]));
    },

    /** The records the agenda reads (sessions and reports) and the deadlines on `asOf` (the next report, which has no record yet). */
    async agendaInputs(asOf: IsoDate) {
      const { loaded, statuses } = await statusesOn(asOf);
      return {
        sessions: loaded.dataset.sessions,
        reports: loaded.dataset.reports,
        deadlines: [...statuses.values()].flatMap((s) => catDeadlines(s)),
      };
    },

    /** The latest date the reporting records cover. */
    async dataAsOf() {
      return (await load()).dataAsOf;
    },

    async hasState(iso3: string) {
      return (await load()).states.some((s) => s.iso3 === iso3);
    },
  };
  return service;
}
export type CatReportingService = ReturnType<typeof createCatReportingService>;

/** A dialogue with the Committee that a recorded session lists for a State. */
export interface CatNextDialogue {
  session: number;
  sessionStart: IsoDate;
  dialogueDates: CatSessionActivity['dialogueDates'];
  sourceId: string;
}

/** The activities of a session that are a dialogue with the State (not documents adopted, not a postponement). */
const DIALOGUE_KINDS: ReadonlySet<CatActivityKind> = new Set([
  'report-considered',
  'report-considered-without-delegation',
  'considered-without-report',
  'special-report-considered',
  'review-scheduled',
]);
