import { todayUtc } from '../domain/clock.js';
import { segmentAt, stateHistory } from '../domain/status-engine.js';
import type { Repositories } from '../repositories/index.js';
import type { FlagInput, ReviewQueue } from '../schemas/review.js';
import { refsFor } from './source-refs.js';
import { toEngineInstrument } from './status.service.js';
import type { Editor } from './upr.service.js';

/**
 * The review queue (docs: api/src/domain/README.md, "Review queue"): the unconfirmed reports in
 * the data (events no depositary or official source attests, which the status engine never
 * applies) with what confirming each would change, and the readers' open flags. Confirming and
 * rejecting a report are event writes (services/event-editing.ts).
 */
export function createReviewQueueService(repos: Repositories) {
  return {
    async queue(): Promise<ReviewQueue> {
      const [reports, flags, states, refs] = await Promise.all([
        repos.participation.listUnverified(),
        repos.readerFlags.openFlags(),
        repos.states.listCodes(),
        repos.meta.sourceRefs(),
      ]);
      const names = new Map(states.map((s) => [s.iso3, s.nameEn]));
      const today = todayUtc();
      const unconfirmedReports = [];
      for (const report of reports) {
        const instrument = (await repos.instruments.findInstrument(report.instrumentId))!;
        const engine = toEngineInstrument(instrument);
        const events = await repos.participation.listByInstrumentAndState(report.instrumentId, report.stateIso3);
        const current = stateHistory(engine, events);
        // The same events with this one report taken as attested: the statuses that differ from its date on.
        const confirmed = stateHistory(
          engine,
          events.map((e) => (e.id === report.id ? { ...e, attestation: 'depositary' as const } : e)),
        );
        const ifConfirmed = confirmed.segments
          .filter((s) => s.from !== null && s.from >= (report.date ?? '0000-01-01') && segmentAt(current, s.from).status !== s.status)
          .map((s) => ({ from: s.from!, status: s.status }));
        const { sourceId, ...event } = report;
        unconfirmedReports.push({
          event: { ...event, source: refsFor([sourceId], refs)[0]! },
          instrumentName: instrument.shortName,
          stateName: names.get(report.stateIso3) ?? report.stateIso3,
          statusToday: segmentAt(current, today).status,
          ifConfirmed,
        });
      }
      return { unconfirmedReports, flags, counts: { unconfirmedReports: unconfirmedReports.length, flags: flags.length } };
    },

    /** A reader's flag: stored for editors, recorded (without the reader's contact) in the change feed. */
    async flag(input: FlagInput) {
      if (input.stateIso3 && !(await repos.states.findState(input.stateIso3))) return 'unknown-state' as const;
      return repos.readerFlags.addFlag({ ...input, createdAt: new Date().toISOString() });
    },

    closeFlag: (id: number, status: 'resolved' | 'rejected', reason: string, editor: Editor) =>
      repos.readerFlags.closeFlag(id, { status, reason, at: new Date().toISOString(), by: editor.name, organisation: editor.organisation }),
  };
}
