import { scheduledLdcGraduationOn } from '../domain/ldc.js';
import { DEFAULT_LANGUAGE, type Language } from '../domain/languages.js';
import { titlesIn } from '../messages/instrument-titles.js';
import type { InstrumentId, ParticipationEvent } from '../domain/types.js';
import type { Repositories } from '../repositories/index.js';
import type { InstrumentRecord } from '../repositories/instrument.repository.js';
import type { Instrument } from '../schemas/instrument.js';
import type { ParticipationEventOut, SourceRef } from '../schemas/participation.js';
import { refsFor } from './source-refs.js';
import type { StatusService } from './status.service.js';

/** Instruments, states and events in their API shapes, each with its sources inline. */
export function createCatalogueService(repos: Repositories, statusService: StatusService) {
  const toInstrument = (record: InstrumentRecord, refs: Map<string, SourceRef>, language: Language): Instrument => {
    const { sourceIds, ...rest } = record;
    return { ...rest, ...titlesIn(record, language), sources: refsFor(sourceIds, refs) };
  };
  const toEvent = (event: ParticipationEvent, refs: Map<string, SourceRef>): ParticipationEventOut => {
    const { sourceId, ...rest } = event;
    return { ...rest, source: refsFor([sourceId], refs)[0]! };
  };

  return {
    async listInstruments(language: Language = DEFAULT_LANGUAGE) {
      const refs = await repos.meta.sourceRefs();
      return (await repos.instruments.listInstruments()).map((r) => toInstrument(r, refs, language));
    },

    async instrumentDetail(id: InstrumentId, today: string, language: Language = DEFAULT_LANGUAGE) {
      const record = await repos.instruments.findInstrument(id);
      if (!record) return undefined;
      const refs = await repos.meta.sourceRefs();
      const status = await statusService.instrumentStatus(id, today, {});
      const published = await repos.instruments.listPublishedCounts(id);
      return {
        ...toInstrument(record, refs, language),
        counts: status!.counts,
        statesParties: status!.statesParties,
        publishedCounts: published.map(({ measure, value, asOf, sourceId, note }) => ({
          measure,
          value,
          asOf,
          note,
          source: refsFor([sourceId], refs)[0]!,
        })),
      };
    },

    async stateDetail(iso3: string, asOf: string, language: Language = DEFAULT_LANGUAGE) {
      const state = await repos.states.findState(iso3);
      if (!state) return undefined;
      const refs = await repos.meta.sourceRefs();
      const events = await repos.participation.listByState(iso3);
      return {
        asOf,
        state,
        instruments: await statusService.statusesOfState(iso3, asOf, language),
        events: events.map((e) => toEvent(e, refs)),
        sources: refsFor(state.sourceIds, refs),
        scheduledLdcGraduation: scheduledLdcGraduationOn(state.ldc, asOf),
      };
    },
  };
}
export type CatalogueService = ReturnType<typeof createCatalogueService>;
