import { LRUCache } from 'lru-cache';
import { DEFAULT_LANGUAGE, type Language } from '../domain/languages.js';
import { groupStanding, PROGRESS_GROUPS, progressSeries, statesQueryOf } from '../domain/group-progress.js';
import { matchesGroups } from '../domain/state-groups.js';
import type { InstrumentId, IsoDate } from '../domain/types.js';
import type { Repositories } from '../repositories/index.js';
import { groupFactsOf } from '../repositories/state.repository.js';
import type { AdvocacyProgressResponse } from '../schemas/advocacy-progress.js';
import type { StatusService } from './status.service.js';

/**
 * Group progress (rules in domain/group-progress.ts): for each group, its members' statuses on a
 * date from the status service and its count of States Parties over time from the timeline over
 * its members. Answers are cached per data version, instrument and dates, as the status results
 * they are built on are: any write bumps the data version, so no answer outlives the data.
 */
export function createAdvocacyProgressService(repos: Repositories, status: StatusService) {
  const cache = new LRUCache<string, Promise<AdvocacyProgressResponse | undefined>>({ max: 64 });

  async function compute(instrumentId: InstrumentId, asOf: IsoDate, from: IsoDate | undefined, to: IsoDate, language: Language) {
    const result = await status.instrumentStatus(instrumentId, asOf, {});
    if (!result) return undefined;
    const statusOf = new Map(result.states.map((s) => [s.iso3, s]));
    const states = await repos.states.listStates();
    const groups: AdvocacyProgressResponse['groups'] = [];
    let range = { from: from ?? to, to };
    for (const group of PROGRESS_GROUPS) {
      const members = states.filter((s) => matchesGroups(groupFactsOf(s), group.filters));
      const standing = groupStanding(
        members.map((s) => {
          const row = statusOf.get(s.iso3)!;
          return { iso3: s.iso3, name: s.names[language], status: row.status, uncertain: row.uncertain };
        }),
      );
      const timeline = await status.timelineOfStates(
        instrumentId,
        members.map((s) => s.iso3),
        from,
        to,
      );
      range = { from: timeline!.from, to: timeline!.to };
      // An M49 region's name is the one the states data records for it.
      const label = group.label ?? members.find((s) => s.region.code === group.filters.region)?.region.name ?? group.id;
      groups.push({
        id: group.id,
        label,
        kind: group.kind,
        statesQuery: statesQueryOf(group.filters),
        ...standing,
        series: progressSeries(timeline!.points),
      });
    }
    return {
      instrumentId,
      asOf,
      ...range,
      dataAsOf: result.dataAsOf,
      statesParties: result.statesParties,
      groups,
      sources: result.sources,
    };
  }

  return {
    /** Every group's progress; undefined for an unknown instrument. `to` defaults to `asOf`. */
    progress(
      instrumentId: InstrumentId,
      asOf: IsoDate,
      from: IsoDate | undefined,
      to: IsoDate = asOf,
      language: Language = DEFAULT_LANGUAGE,
    ) {
      const key = `${repos.meta.dataVersion()}:${instrumentId}:${asOf}:${from ?? ''}:${to}:${language}`;
      let answer = cache.get(key);
      if (!answer) {
        answer = compute(instrumentId, asOf, from, to, language);
        cache.set(key, answer);
        // A refused range (400) or a failure is not kept: the next request computes again.
        void answer.catch(() => cache.delete(key));
      }
      return answer;
    },
  };
}

export type AdvocacyProgressService = ReturnType<typeof createAdvocacyProgressService>;
