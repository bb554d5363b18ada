import { LRUCache } from 'lru-cache';
import { titlesIn } from '../messages/instrument-titles.js';
import { DEFAULT_LANGUAGE, type Language } from '../domain/languages.js';
import {
  addMonths,
  countResponses,
  isNotJoined,
  isTortureInstrument,
  lastAndNextReview,
  relatedInstruments,
  reviewEnd,
  reviewStart,
  wholeYearsBetween,
} from '../domain/advocacy.js';
import { matchesGroups } from '../domain/state-groups.js';
import type { InstrumentId, IsoDate } from '../domain/types.js';
import type { UprResponse } from '../domain/vocabulary.js';
import type { DatedReviewRow, JoinRecommendationRow } from '../repositories/advocacy.repository.js';
import type { Repositories } from '../repositories/index.js';
import { groupFactsOf } from '../repositories/state.repository.js';
import type { AdvocacyQuery, AdvocacyRecommendation, AdvocacyResponse, AdvocacyReview, AdvocacyState } from '../schemas/advocacy.js';
import type { CatReportingService } from './cat-reporting.service.js';
import { refsFor } from './source-refs.js';
import type { StatusService } from './status.service.js';
import { groupBy } from '../lib/group-by.js';

/** Every not-joined State of one instrument on one date, before any filter: what is cached. */
interface Computed {
  base: Omit<AdvocacyResponse, 'counts' | 'states' | 'supportedNotJoined' | 'windows' | 'sources'>;
  notJoined: { row: AdvocacyState; facts: ReturnType<typeof groupFactsOf> }[];
}

type Filters = Omit<AdvocacyQuery, 'asOf' | 'format' | 'bom'>;

/**
 * The advocacy lists (rules in domain/advocacy.ts): each State that has not joined an instrument on
 * a date, joined to its status on the related instruments, the UPR recommendations it received to
 * join, its last and next review and, for the torture instruments, its CAT reporting situation.
 * The whole list is computed once per data version, instrument and date (like the status it is
 * built on), and the filters are applied to the cached list on each request.
 */
export function createAdvocacyService(repos: Repositories, status: StatusService, catReporting: CatReportingService) {
  const computed = new LRUCache<string, Promise<Computed | undefined>>({ max: 64 });

  async function compute(instrumentId: InstrumentId, asOf: IsoDate, language: Language): Promise<Computed | undefined> {
    const own = await status.instrumentStatus(instrumentId, asOf, {}, language);
    if (!own) return undefined;
    const instruments = await repos.instruments.listInstruments();
    const shortNameOf = new Map(instruments.map((i) => [i.id, titlesIn(i, language).shortName]));
    const related = relatedInstruments(instrumentId);
    const relatedStatus = new Map<InstrumentId, Map<string, string>>();
    for (const { instrumentId: id } of related) {
      const result = await status.instrumentStatus(id, asOf, {});
      relatedStatus.set(id, new Map(result?.states.map((s) => [s.iso3, s.status]) ?? []));
    }
    const states = new Map((await repos.states.listStates()).map((s) => [s.iso3, s]));
    const names = new Map([...states.values()].map((s) => [s.iso3, s.names[language]]));
    const recommendations = groupBy(
      (await repos.advocacy.joinRecommendations(instrumentId)).filter((r) => {
        const start = reviewStart(datesOf(r));
        return start !== null && start <= asOf;
      }),
      (r) => r.stateIso3,
    );
    const reviews = groupBy(await repos.advocacy.datedReviews(), (r) => r.stateIso3);
    const cat = isTortureInstrument(instrumentId) ? await catReporting.situationsOn(asOf) : null;

    const notJoined: Computed['notJoined'] = [];
    for (const s of own.states) {
      if (!isNotJoined(s.status)) continue;
      const state = states.get(s.iso3)!;
      const received = (recommendations.get(s.iso3) ?? []).map((r) => toRecommendation(r, names));
      const counts = countResponses(received.map((r) => r.response));
      const first = received.find((r) => r.response === 'supported');
      const firstSupported = first ? { session: first.session, cycle: first.cycle, date: first.reviewDate, year: first.year } : null;
      // Where only the year of the review is recorded, years are counted from its last day: never more than have passed.
      const firstDay = first ? (first.reviewDate ?? (first.year !== null ? `${first.year}-12-31` : null)) : null;
      const { last, next } = lastAndNextReview(
        (reviews.get(s.iso3) ?? []).map((r) => ({ ...datesOf(r), ...r })),
        asOf,
      );
      const catOfState = cat?.get(s.iso3);
      const catOut = catOfState
        ? {
            situation: catOfState.situation,
            nextDialogue: catOfState.nextDialogue
              ? {
                  session: catOfState.nextDialogue.session,
                  sessionStart: catOfState.nextDialogue.sessionStart,
                  sourceId: catOfState.nextDialogue.sourceId,
                }
              : null,
          }
        : null;
      const lastReview = last ? toReview(last) : null;
      const reviewsNotRecorded = (reviews.get(s.iso3) ?? [])
        .filter((r) => r.recommendationsRecorded === 0 && r.status !== 'postponed' && r.status !== 'scheduled')
        .filter((r) => (reviewEnd(datesOf(r)) ?? asOf) < asOf)
        .map((r) => ({ session: r.session, cycle: r.cycle, date: r.reviewDate ?? r.sessionStart, year: r.sessionYear }));
      const nextReview = next ? toReview(next) : null;
      const windows = [
        nextReview?.date ? { kind: 'upr-review' as const, date: nextReview.date, session: nextReview.session } : null,
        catOut?.nextDialogue
          ? { kind: 'cat-dialogue' as const, date: catOut.nextDialogue.sessionStart, session: catOut.nextDialogue.session }
          : null,
      ].filter((w) => w !== null);
      const row: AdvocacyState = {
        iso3: s.iso3,
        name: s.name,
        status: s.status,
        since: s.since,
        sincePrecision: s.sincePrecision,
        signature: s.signature,
        withdrawal: s.withdrawal ? { notified: s.withdrawal.notified, effective: s.withdrawal.effective } : null,
        region: state.region,
        subRegion: state.subRegion,
        unRegionalGroup: state.unRegionalGroup,
        ldc: state.ldc.status,
        sids: state.sids,
        odaRecipient: state.oda.recipient,
        related: related.map(({ instrumentId: id }) => ({ instrumentId: id, status: relatedStatus.get(id)?.get(s.iso3) ?? 'no-action' })),
        upr: {
          ...counts,
          firstSupported,
          yearsSinceFirstSupported: firstDay ? wholeYearsBetween(firstDay, asOf) : null,
          byCycle: [...groupBy(received, (r) => String(r.cycle))].map(([cycle, list]) => {
            const { received: n, supported, noted } = countResponses(list.map((r) => r.response));
            return { cycle: Number(cycle), received: n, supported, noted };
          }),
          recommendations: received,
          reviewsNotRecorded,
          lastReview,
          nextReview,
        },
        cat: catOut,
        window: windows.sort((a, b) => a.date.localeCompare(b.date))[0] ?? null,
        sourceIds: [
          ...new Set([
            ...s.sourceIds,
            ...received.map((r) => r.sourceId),
            ...(lastReview?.sourceIds ?? []),
            ...(nextReview?.sourceIds ?? []),
            ...(catOut?.nextDialogue ? [catOut.nextDialogue.sourceId] : []),
          ]),
        ].sort(),
      };
      notJoined.push({ row, facts: groupFactsOf(state) });
    }
    // The UPR data is as of its newest source among those the recommendations and reviews cite.
    const refs = await repos.meta.sourceRefs();
    const uprSourceIds = new Set([...recommendations.values()].flat().map((r) => r.sourceId));
    for (const list of reviews.values()) for (const r of list) for (const id of JSON.parse(r.sourceIds) as string[]) uprSourceIds.add(id);
    const uprDataAsOf =
      [...uprSourceIds]
        .map((id) => refs.get(id)?.asOf ?? null)
        .filter((d): d is string => !!d)
        .sort()
        .at(-1) ?? null;
    return {
      base: {
        instrumentId,
        shortName: shortNameOf.get(instrumentId) ?? instrumentId,
        asOf,
        dataAsOf: own.dataAsOf,
        uprDataAsOf,
        completenessNote: instruments.find((i) => i.id === instrumentId)?.completenessNote ?? '',
        related: related.map((r) => ({ ...r, shortName: shortNameOf.get(r.instrumentId) ?? r.instrumentId })),
        uprSessionsRecorded: [
          ...new Set(
            [...reviews.values()]
              .flat()
              .filter((r) => r.recommendationsRecorded > 0)
              .map((r) => r.session),
          ),
        ].sort((a, b) => a - b),
      },
      notJoined,
    };
  }

  return {
    /** The not-joined States of `instrumentId` on `asOf` that match the filters; undefined for an unknown instrument. */
    async list(
      instrumentId: InstrumentId,
      asOf: IsoDate,
      filters: Filters,
      language: Language = DEFAULT_LANGUAGE,
    ): Promise<AdvocacyResponse | undefined> {
      const key = `${repos.meta.dataVersion()}:${instrumentId}:${asOf}:${language}`;
      const byName = new Intl.Collator(language).compare;
      let pending = computed.get(key);
      if (!pending) {
        pending = compute(instrumentId, asOf, language);
        computed.set(key, pending);
        pending.catch(() => computed.delete(key));
      }
      const all = await pending;
      if (!all) return undefined;
      const reviewUntil = filters.reviewWithin ? addMonths(asOf, filters.reviewWithin) : null;
      const states = all.notJoined
        .filter(({ row, facts }) => {
          if (filters.state !== undefined && row.iso3 !== filters.state) return false;
          if (!matchesGroups(facts, filters)) return false;
          if (filters.status && !filters.status.includes(row.status)) return false;
          if (filters.recommended !== undefined && filters.recommended !== row.upr.received > 0) return false;
          if (filters.supported !== undefined && filters.supported !== row.upr.supported > 0) return false;
          if (reviewUntil && !(row.window && row.window.date <= reviewUntil)) return false;
          return true;
        })
        .map(({ row }) => (filters.recommendations ? row : withoutRecommendations(row)));
      const byStatus: Record<string, number> = {};
      for (const row of states) byStatus[row.status] = (byStatus[row.status] ?? 0) + 1;
      const until = addMonths(asOf, filters.windowMonths);
      const refs = await repos.meta.sourceRefs();
      return {
        ...all.base,
        counts: {
          listed: states.length,
          byStatus,
          receivedRecommendation: states.filter((r) => r.upr.received > 0).length,
          supportedRecommendation: states.filter((r) => r.upr.supported > 0).length,
          notJoined: all.notJoined.length,
        },
        states,
        supportedNotJoined: states
          .filter((r) => r.upr.firstSupported)
          .map((r) => ({
            iso3: r.iso3,
            name: r.name,
            status: r.status,
            firstSupported: r.upr.firstSupported!,
            yearsSinceFirstSupported: r.upr.yearsSinceFirstSupported,
            supported: r.upr.supported,
            noted: r.upr.noted,
          }))
          .sort((a, b) => a.firstSupported.session - b.firstSupported.session || byName(a.name, b.name)),
        windows: {
          months: filters.windowMonths,
          until,
          states: states
            .filter((r) => r.window && r.window.date <= until)
            .map((r) => ({ iso3: r.iso3, name: r.name, ...r.window! }))
            .sort((a, b) => a.date.localeCompare(b.date) || byName(a.name, b.name)),
        },
        sources: refsFor([...new Set(states.flatMap((r) => r.sourceIds))].sort(), refs),
      };
    },
  };
}
export type AdvocacyService = ReturnType<typeof createAdvocacyService>;

/** A row with the counts of its recommendations but not the recommendations (the list's default answer). */
const withoutRecommendations = (row: AdvocacyState): AdvocacyState => ({ ...row, upr: { ...row.upr, recommendations: null } });

const datesOf = (r: {
  reviewDate: string | null;
  sessionStart: string | null;
  sessionYear: number | null;
  sessionEnd?: string | null;
}) => ({
  reviewDate: r.reviewDate,
  sessionStart: r.sessionStart,
  sessionEnd: r.sessionEnd ?? null,
  sessionYear: r.sessionYear,
});

function toRecommendation(r: JoinRecommendationRow, names: Map<string, string>): AdvocacyRecommendation {
  const recommending = JSON.parse(r.recommendingStates) as { iso3: string | null; nameAsRecorded: string }[];
  return {
    id: r.id,
    cycle: r.cycle,
    session: r.session,
    reviewDate: r.reviewDate ?? r.sessionStart,
    year: r.sessionYear,
    paragraph: r.paragraph,
    text: r.text,
    recommendingStates: recommending.map((s) => (s.iso3 ? (names.get(s.iso3) ?? s.nameAsRecorded) : s.nameAsRecorded)),
    response: r.response as UprResponse | null,
    responseAsRecorded: r.responseAsRecorded,
    sourceId: r.sourceId,
  };
}

const toReview = (r: DatedReviewRow): AdvocacyReview => ({
  id: r.id,
  session: r.session,
  cycle: r.cycle,
  status: r.status,
  date: r.reviewDate ?? r.sessionStart,
  year: r.sessionYear,
  sourceIds: JSON.parse(r.sourceIds) as string[],
});
