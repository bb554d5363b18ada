import { LRUCache } from 'lru-cache';
import { titlesIn } from '../messages/instrument-titles.js';
import {
  collectiveEntryIntoForce,
  instrumentStatus,
  stateHistories,
  type Instrument as EngineInstrument,
  type InstrumentStatus,
  type ParentEvents,
  type StatusResult,
} from '../domain/status-engine.js';
import { hasGroupFilters } from '../domain/state-groups.js';
import { timeline } from '../domain/timeline.js';
import { InputError } from '../lib/input-error.js';
import type { InstrumentId, IsoDate, ParticipationEvent, Status } from '../domain/types.js';
import type { Repositories } from '../repositories/index.js';
import type { InstrumentRecord } from '../repositories/instrument.repository.js';
import { DEFAULT_LANGUAGE, stateNameIn, type Language, type StateNameColumns } from '../domain/languages.js';
import type { SourceRef, StatusDetail } from '../schemas/participation.js';
import type { StateFilters } from '../schemas/state.js';

/** The states an instrument's status list shows: those in the groups, and with one of `status` when given. */
export type StatusFilters = StateFilters & { status?: readonly Status[] | undefined };

interface Inputs {
  instrument: InstrumentRecord;
  engine: EngineInstrument;
  events: ParticipationEvent[];
  parent?: ParentEvents;
  states: ({ iso3: string } & StateNameColumns)[];
  sourceOf: (eventId: string) => string | undefined;
}

/** The source of the aggression amendments' activation date, where the rule records one. */
const activationSourceOf = (record: InstrumentRecord, refs: Map<string, SourceRef>): SourceRef | null => {
  const rule = record.entryIntoForceRule;
  const id = rule.kind === 'one-year-after-deposit' ? rule.activationSourceId : null;
  return id ? (refs.get(id) ?? null) : null;
};

export const toEngineInstrument = (record: InstrumentRecord): EngineInstrument => ({
  id: record.id,
  entryIntoForceRule: record.entryIntoForceRule,
  // No stated rule: the engine can record a notification but computes no date of effect.
  withdrawalRule: record.withdrawalRule ?? { kind: 'none' },
});

/** The engine's per-state result in the API's shape. */
export function toStatusDetail(
  result: StatusResult,
  sourceOf: (eventId: string) => string | undefined,
  activationSource: SourceRef | null = null,
): StatusDetail {
  const jurisdictionSource = result.jurisdictionFrom ? activationSource : null;
  return {
    status: result.status,
    since: result.since,
    sincePrecision: result.sincePrecision,
    signature: result.signature,
    consent: result.consent,
    entryIntoForce: result.entryIntoForce,
    withdrawal: result.withdrawal,
    revokedWithdrawals: result.revokedWithdrawals,
    jurisdictionFrom: result.jurisdictionFrom,
    jurisdictionSource,
    declarations: result.declarations.map(({ eventId, kind, article, date, withdrawn }) => ({ eventId, kind, article, date, withdrawn })),
    uncertain: result.uncertain,
    uncertainReports: result.uncertainReports.map((e) => ({
      eventId: e.id,
      kind: e.kind,
      date: e.date,
      datePrecision: e.datePrecision,
      sourceId: e.sourceId,
    })),
    eventIds: result.eventIds,
    sourceIds: [...new Set([...result.eventIds.map(sourceOf), jurisdictionSource?.id].filter((id): id is string => !!id))].sort(),
    unconfirmedReports: result.unconfirmedReports.map((e) => e.id),
  };
}

/**
 * Statuses are derived from events on every request (never stored). The inputs of a computation
 * (an instrument's events, and its parent's for art. 121(4)) are cached per data version, and
 * so are recent results, so a map's date slider stays fast without any stale answer: any write
 * bumps the data version.
 */
export function createStatusService(repos: Repositories) {
  const inputs = new LRUCache<string, Inputs>({ max: 32 });
  const results = new LRUCache<string, InstrumentStatus>({ max: 512 });

  async function loadInputs(instrumentId: InstrumentId, version: number): Promise<Inputs | undefined> {
    const key = `${version}:${instrumentId}`;
    const cached = inputs.get(key);
    if (cached) return cached;
    const instrument = await repos.instruments.findInstrument(instrumentId);
    if (!instrument) return undefined;
    const events = await repos.participation.listByInstrument(instrumentId);
    const states = await repos.states.listCodes();
    let parent: ParentEvents | undefined;
    if (instrument.entryIntoForceRule.kind === 'seven-eighths-of-parent-parties') {
      const parentRecord = await repos.instruments.findInstrument(instrument.entryIntoForceRule.parent);
      if (!parentRecord) throw new Error(`Parent instrument ${instrument.entryIntoForceRule.parent} is missing`);
      parent = {
        instrument: toEngineInstrument(parentRecord),
        events: await repos.participation.listByInstrument(parentRecord.id),
      };
    }
    const sourceByEvent = new Map(events.map((e) => [e.id, e.sourceId]));
    for (const e of parent?.events ?? []) sourceByEvent.set(e.id, e.sourceId);
    const loaded = {
      instrument,
      engine: toEngineInstrument(instrument),
      events,
      states,
      sourceOf: (eventId: string) => sourceByEvent.get(eventId),
      ...(parent ? { parent } : {}),
    };
    inputs.set(key, loaded);
    return loaded;
  }

  async function statusOf(instrumentId: InstrumentId, asOf: IsoDate) {
    const version = repos.meta.dataVersion();
    const loaded = await loadInputs(instrumentId, version);
    if (!loaded) return undefined;
    const key = `${version}:${instrumentId}:${asOf}`;
    let status = results.get(key);
    if (!status) {
      const codes = loaded.states.map((s) => s.iso3);
      status = instrumentStatus(loaded.engine, loaded.events, codes, asOf, loaded.parent);
      results.set(key, status);
    }
    return { ...loaded, status };
  }

  /** Where a timeline starts: `from`, else the instrument's adoption (else its first event). */
  function timelineStart(loaded: Inputs, from: IsoDate | undefined, to: IsoDate): IsoDate {
    const start = from ?? loaded.instrument.adoptedOn ?? earliestDate(loaded.events) ?? to;
    if (start > to)
      throw new InputError(
        `"to" (${to}) is before the timeline starts (${start}, the instrument's adoption): give a later "to" or an earlier "from"`,
      );
    return start;
  }

  return {
    /**
     * Every state's status on `asOf`, restricted to the states matching `filters` (groups, and
     * statuses when given); counts are over the states shown. Undefined for an unknown instrument.
     */
    async instrumentStatus(instrumentId: InstrumentId, asOf: IsoDate, filters: StatusFilters, language: Language = DEFAULT_LANGUAGE) {
      const computed = await statusOf(instrumentId, asOf);
      if (!computed) return undefined;
      const filtered = hasGroupFilters(filters) ? new Set((await repos.states.listStates(filters)).map((s) => s.iso3)) : null;
      const statuses = filters.status?.length ? new Set(filters.status) : null;
      const counts = Object.fromEntries(Object.keys(computed.status.counts).map((k) => [k, 0])) as InstrumentStatus['counts'];
      const rows = [];
      const refs = await repos.meta.sourceRefs();
      const activationSource = activationSourceOf(computed.instrument, refs);
      for (const state of computed.states) {
        const { iso3 } = state;
        if (filtered && !filtered.has(iso3)) continue;
        const result = computed.status.states[iso3]!;
        if (statuses && !statuses.has(result.status)) continue;
        counts[result.status]++;
        rows.push({ iso3, name: stateNameIn(state, language), ...toStatusDetail(result, computed.sourceOf, activationSource) });
      }
      const cited = rows.flatMap((r) => [...r.sourceIds, ...r.uncertainReports.map((report) => report.sourceId)]);
      const sources = [...new Set(cited)].sort().map((id) => refs.get(id)!);
      return {
        instrumentId,
        asOf,
        dataAsOf: computed.instrument.dataAsOf,
        sources,
        collectiveEntryIntoForce: computed.status.collectiveEntryIntoForce,
        counts,
        // The depositary's count: a State whose withdrawal is pending is still a State Party.
        statesParties: counts.party + counts['withdrawal-pending'],
        withdrawalPending: rows
          .filter((r) => r.status === 'withdrawal-pending')
          .map((r) => ({ iso3: r.iso3, name: r.name, effective: r.withdrawal?.effective ?? null })),
        states: rows,
      };
    },

    /** One state's status on every instrument on `asOf`. */
    async statusesOfState(iso3: string, asOf: IsoDate, language: Language = DEFAULT_LANGUAGE) {
      const instruments = await repos.instruments.listInstruments();
      const refs = await repos.meta.sourceRefs();
      const out = [];
      for (const instrument of instruments) {
        const computed = await statusOf(instrument.id, asOf);
        const result = computed?.status.states[iso3];
        if (!result) continue;
        const { shortName, titleLanguage } = titlesIn(instrument, language);
        out.push({
          instrumentId: instrument.id,
          shortName,
          titleLanguage,
          dataAsOf: instrument.dataAsOf,
          ...toStatusDetail(result, computed.sourceOf, activationSourceOf(instrument, refs)),
        });
      }
      return out;
    },

    /**
     * Every State's status history on an instrument (the segments the engine replays, with dates of
     * effect worked out), the instrument, the source of each event, the art. 121(4) date of entry
     * into force for all when reached and the activation source: what the agenda reads its dates of
     * effect from. Undefined for an unknown instrument.
     */
    async histories(instrumentId: InstrumentId) {
      const loaded = await loadInputs(instrumentId, repos.meta.dataVersion());
      if (!loaded) return undefined;
      const collective =
        loaded.engine.entryIntoForceRule.kind === 'seven-eighths-of-parent-parties' && loaded.parent
          ? collectiveEntryIntoForce(loaded.engine, loaded.events, loaded.parent)
          : null;
      const histories = stateHistories(
        loaded.engine,
        loaded.events,
        loaded.states.map((s) => s.iso3),
        collective,
        loaded.parent,
      );
      return {
        instrument: loaded.instrument,
        collective,
        activationSource: activationSourceOf(loaded.instrument, await repos.meta.sourceRefs()),
        segments: new Map([...histories].map(([iso3, { history }]) => [iso3, history.segments])),
        sourcesOf: (eventIds: readonly string[]) => [...new Set(eventIds.map(loaded.sourceOf).filter((id): id is string => !!id))].sort(),
      };
    },

    /** Dated changes in the counts, from `from` (default: adoption) to `to` (default: today). */
    async timeline(instrumentId: InstrumentId, from: IsoDate | undefined, to: IsoDate) {
      const version = repos.meta.dataVersion();
      const loaded = await loadInputs(instrumentId, version);
      if (!loaded) return undefined;
      const start = timelineStart(loaded, from, to);
      const points = timeline(
        loaded.engine,
        loaded.events,
        loaded.states.map((s) => s.iso3),
        start,
        to,
        loaded.parent,
      );
      const rule = loaded.instrument.entryIntoForceRule;
      const activatedOn = rule.kind === 'one-year-after-deposit' ? rule.activatedOn : null;
      const jurisdictionActivation = activatedOn
        ? { date: activatedOn, source: activationSourceOf(loaded.instrument, await repos.meta.sourceRefs()) }
        : null;
      return { instrumentId, from: start, to, dataAsOf: loaded.instrument.dataAsOf, jurisdictionActivation, points };
    },

    /**
     * The timeline counted over some states only (a group's members), on the same rules and range
     * as `timeline`: the events of every state still decide an art. 121(4) amendment's entry into
     * force for all. Undefined for an unknown instrument.
     */
    async timelineOfStates(instrumentId: InstrumentId, states: readonly string[], from: IsoDate | undefined, to: IsoDate) {
      const version = repos.meta.dataVersion();
      const loaded = await loadInputs(instrumentId, version);
      if (!loaded) return undefined;
      const start = timelineStart(loaded, from, to);
      const points = timeline(loaded.engine, loaded.events, states, start, to, loaded.parent);
      return { instrumentId, from: start, to, dataAsOf: loaded.instrument.dataAsOf, points };
    },
  };
}

export type StatusService = ReturnType<typeof createStatusService>;

const earliestDate = (events: ParticipationEvent[]) =>
  events.reduce<IsoDate | null>((min, e) => (e.date && (!min || e.date < min) ? e.date : min), null);
