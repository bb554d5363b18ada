import { LRUCache } from 'lru-cache';
import {
  activationFact,
  catDialogueFacts,
  catDueFacts,
  catSessionFacts,
  instrumentEntryFact,
  participationFacts,
  planActionFacts,
  sortAgenda,
  uprReviewFacts,
  uprSessionFacts,
  type AgendaFact,
} from '../domain/agenda.js';
import { buildIcsCalendar } from '../domain/ics.js';
import { DEFAULT_LANGUAGE, stateNameIn, type Language } from '../domain/languages.js';
import type { InstrumentId, IsoDate } from '../domain/types.js';
import { AGENDA_KINDS, type AgendaKind, type UnRegionalGroup } from '../domain/vocabulary.js';
import { agendaTitle, agendaWording } from '../messages/agenda.js';
import { titlesIn } from '../messages/instrument-titles.js';
import type { Repositories } from '../repositories/index.js';
import type { AgendaEvent, AgendaResponse } from '../schemas/agenda.js';
import type { SourceRef } from '../schemas/participation.js';
import type { CatReportingService } from './cat-reporting.service.js';
import type { StatusService } from './status.service.js';

export interface AgendaFilters {
  from?: IsoDate | undefined;
  to?: IsoDate | undefined;
  kind?: readonly AgendaKind[] | undefined;
  state?: string | undefined;
  instrument?: InstrumentId | undefined;
  group?: UnRegionalGroup | undefined;
}

/** Where on the dashboard an event is explained. */
function linkOf(fact: AgendaFact): string | null {
  switch (fact.kind) {
    case 'upr-session':
      return '/upr/reviews';
    case 'upr-review':
      return `/upr/reviews/${fact.stateIso3}`;
    case 'cat-session':
      return '/cat-reporting';
    case 'cat-dialogue':
    case 'cat-report-due':
    case 'cat-follow-up-due':
      return `/states/${fact.stateIso3}#cat-reporting`;
    case 'follow-up-action-due':
      return `/follow-up/plans/${fact.details.planId}`;
    default:
      return fact.stateIso3 ? `/states/${fact.stateIso3}` : `/instruments/${fact.instrumentId}`;
  }
}

/**
 * The agenda (domain/agenda.ts): every dated event the data holds, gathered once per data version
 * and day (a date's "held" or "scheduled" moves with the day), then filtered and worded per request.
 */
export function createAgendaService(repos: Repositories, status: StatusService, catReporting: CatReportingService) {
  const gathered = new LRUCache<string, AgendaFact[]>({ max: 4 });

  async function gather(today: IsoDate): Promise<AgendaFact[]> {
    const key = `${repos.meta.dataVersion()}:${today}`;
    const cached = gathered.get(key);
    if (cached) return cached;
    const reviews = (await repos.upr.agendaReviews()).map((r) => ({ ...r, sourceIds: JSON.parse(r.sourceIds) as string[] }));
    const sessions = (await repos.upr.sessions({})).map((s) => ({ ...s, sourceIds: JSON.parse(s.sourceIds) as string[] }));
    const cat = await catReporting.agendaInputs(today);
    const facts: AgendaFact[] = [
      ...uprSessionFacts(sessions, reviews),
      ...uprReviewFacts(reviews),
      ...catSessionFacts(cat.sessions),
      ...catDialogueFacts(cat.sessions, cat.reports),
      ...catDueFacts(cat.reports, cat.deadlines, today),
    ];
    for (const instrument of await repos.instruments.listInstruments()) {
      const h = await status.histories(instrument.id);
      if (!h) continue;
      if (instrument.generalEntryIntoForce)
        facts.push(instrumentEntryFact(instrument.id, instrument.generalEntryIntoForce, [...instrument.sourceIds].sort(), today));
      const rule = instrument.entryIntoForceRule;
      if (rule.kind === 'one-year-after-deposit' && rule.activatedOn)
        facts.push(
          activationFact(instrument.id, rule.activatedOn, 'jurisdiction', h.activationSource ? [h.activationSource.id] : [], today),
        );
      if (h.collective) facts.push(activationFact(instrument.id, h.collective.entryIntoForce, 'for-all', [], today));
      for (const [iso3, segments] of h.segments) facts.push(...participationFacts(instrument.id, iso3, segments, h.sourcesOf, today));
    }
    const actions = await repos.followUp.publishedActionsDue();
    facts.push(
      ...planActionFacts(
        actions.map((a) => ({ ...a, targetDate: a.targetDate!, publishedOn: a.publishedAt?.slice(0, 10) ?? null })),
        today,
      ),
    );
    const sorted = sortAgenda(facts, AGENDA_KINDS);
    gathered.set(key, sorted);
    return sorted;
  }

  const service = {
    /** The events matching the filters, worded in `language`, with counts per kind and their sources. */
    async list(filters: AgendaFilters, today: IsoDate, language: Language = DEFAULT_LANGUAGE): Promise<AgendaResponse> {
      const facts = await gather(today);
      const kinds = filters.kind?.length ? new Set(filters.kind) : null;
      const inGroup = filters.group ? new Set((await repos.states.listStates({ group: filters.group })).map((s) => s.iso3)) : null;
      const states = new Map((await repos.states.listCodes()).map((s) => [s.iso3, s]));
      const instruments = new Map((await repos.instruments.listInstruments()).map((i) => [i.id, titlesIn(i, language).shortName]));
      const refs = await repos.meta.sourceRefs();
      const kept = facts.filter(
        (f) =>
          (!filters.from || (f.endDate ?? f.date) >= filters.from) &&
          (!filters.to || f.date <= filters.to) &&
          (!kinds || kinds.has(f.kind)) &&
          (!filters.state || f.stateIso3 === filters.state) &&
          (!filters.instrument || f.instrumentId === filters.instrument) &&
          (!inGroup || (f.stateIso3 !== null && inGroup.has(f.stateIso3))),
      );
      const counts = Object.fromEntries(AGENDA_KINDS.map((k) => [k, 0])) as Record<AgendaKind, number>;
      const events: AgendaEvent[] = kept.map((f) => {
        counts[f.kind]++;
        const state = f.stateIso3 ? states.get(f.stateIso3) : undefined;
        const stateName = state ? stateNameIn(state, language) : null;
        const instrumentName = f.instrumentId ? (instruments.get(f.instrumentId) ?? f.instrumentId) : null;
        const sourceDates = f.sourceIds.map((id) => refs.get(id)?.asOf).filter((d): d is string => !!d);
        return {
          uid: f.uid,
          kind: f.kind,
          date: f.date,
          endDate: f.endDate,
          status: f.status,
          stateIso3: f.stateIso3,
          stateName,
          instrumentId: f.instrumentId,
          instrumentShortName: instrumentName,
          title: agendaTitle(f, { state: stateName ?? f.stateIso3, instrument: instrumentName }, language),
          computed: f.computed,
          session: f.details.session ?? null,
          link: linkOf(f),
          sourceIds: f.sourceIds,
          // The latest as-of date of its sources; a plan's action: the day the plan was published.
          asOf: f.kind === 'follow-up-action-due' ? (f.details.publishedOn ?? null) : (sourceDates.sort().at(-1) ?? null),
        };
      });
      const cited = [...new Set(events.flatMap((e) => e.sourceIds))].sort();
      return {
        asOf: today,
        from: filters.from ?? null,
        to: filters.to ?? null,
        total: events.length,
        counts,
        events,
        sources: cited.map((id) => refs.get(id)).filter((s): s is SourceRef => !!s),
      };
    },

    /**
     * The same events as an RFC 5545 calendar. Links point at `publicUrl` (the configured address,
     * never one taken from a request: the answer is cached for everyone); DTSTAMP is fixed by the
     * day, so the same data on the same day gives the same file.
     */
    async calendar(filters: AgendaFilters, today: IsoDate, publicUrl: string, language: Language = DEFAULT_LANGUAGE) {
      const t = agendaWording(language);
      const { events, sources } = await service.list(filters, today, language);
      const titles = new Map(sources.map((s) => [s.id, s.asOf ? t('sourceAsOf', { title: s.title, date: s.asOf }) : s.title]));
      return buildIcsCalendar({
        prodId: '-//Treaty ratification tracker//Agenda//EN',
        name: t('calendarName'),
        description: t('calendarDescription'),
        dtstamp: `${today}T00:00:00Z`,
        events: events.map((e) => ({
          uid: e.uid,
          date: e.date,
          endDate: e.endDate,
          summary: e.title,
          description: [
            e.title,
            t(e.computed ? 'computed' : 'recorded'),
            e.sourceIds.length
              ? t('sources', { count: e.sourceIds.length, sources: e.sourceIds.map((id) => titles.get(id) ?? id).join('; ') })
              : t('sourceNotRecorded'),
          ].join('\n'),
          url: e.link ? `${publicUrl}${e.link}` : null,
          categories: [t(`status.${e.status}`), e.kind],
        })),
      });
    },
  };
  return service;
}

export type AgendaService = ReturnType<typeof createAgendaService>;
