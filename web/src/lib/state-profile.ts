/**
 * A state's profile timeline: every recorded event on every instrument, with the dates of effect
 * that follow from them (entry into force, a withdrawal taking effect), oldest first, each with
 * its source. Unconfirmed reports are kept apart: they are shown as reports, never as facts.
 */
import type { InstrumentId, ParticipationEventOut, SourceRef, StateDetail } from '$lib/api-types';
import { INSTRUMENT_IDS } from '$lib/status';

export type ProfileEntry =
  | { kind: 'event'; date: string | null; instrumentId: InstrumentId; event: ParticipationEventOut }
  | {
      kind: 'entry-into-force' | 'withdrawal-effective' | 'jurisdiction-from';
      date: string;
      instrumentId: InstrumentId;
      /** true: worked out from the treaty's rule; false: stated by the source. */
      computed: boolean;
      /** The source of the event it follows from (the consent, the notification; the activation's source). */
      source: SourceRef | null;
    };

const KIND_ORDER: Record<ProfileEntry['kind'], number> = {
  event: 0,
  'entry-into-force': 1,
  'jurisdiction-from': 2,
  'withdrawal-effective': 3,
};

/** Undated entries last; then instrument order; then an event before what follows from it. */
function compare(a: ProfileEntry, b: ProfileEntry): number {
  if (a.date !== b.date) {
    if (a.date === null) return 1;
    if (b.date === null) return -1;
    return a.date < b.date ? -1 : 1;
  }
  return INSTRUMENT_IDS.indexOf(a.instrumentId) - INSTRUMENT_IDS.indexOf(b.instrumentId) || KIND_ORDER[a.kind] - KIND_ORDER[b.kind];
}

export function profileTimeline(detail: Pick<StateDetail, 'events' | 'instruments'>): {
  entries: ProfileEntry[];
  unconfirmed: ParticipationEventOut[];
} {
  const confirmed = detail.events.filter((e) => e.attestation !== 'unverified');
  const unconfirmed = detail.events.filter((e) => e.attestation === 'unverified');
  const sourceOf = (instrumentId: InstrumentId, kinds: readonly string[], date: string) =>
    confirmed.find((e) => e.instrumentId === instrumentId && kinds.includes(e.kind) && e.date === date)?.source ?? null;

  const entries: ProfileEntry[] = confirmed.map((event) => ({ kind: 'event', date: event.date, instrumentId: event.instrumentId, event }));
  for (const status of detail.instruments) {
    if (status.entryIntoForce) {
      entries.push({
        kind: 'entry-into-force',
        date: status.entryIntoForce.date,
        instrumentId: status.instrumentId,
        computed: status.entryIntoForce.computed,
        source: status.consent ? sourceOf(status.instrumentId, [status.consent.kind], status.consent.date) : null,
      });
    }
    // Aggression amendments: the Court's jurisdiction, a date of its own beside the entry into force.
    if (status.jurisdictionFrom) {
      entries.push({
        kind: 'jurisdiction-from',
        date: status.jurisdictionFrom,
        instrumentId: status.instrumentId,
        computed: true,
        source: status.jurisdictionSource,
      });
    }
    if (status.withdrawal?.effective) {
      entries.push({
        kind: 'withdrawal-effective',
        date: status.withdrawal.effective,
        instrumentId: status.instrumentId,
        computed: status.withdrawal.computed,
        source: sourceOf(status.instrumentId, ['withdrawal-notified'], status.withdrawal.notified),
      });
    }
  }
  return { entries: entries.sort(compare), unconfirmed };
}

/** The profile's instruments in the canonical order (the API's order is not guaranteed). */
export const inInstrumentOrder = <T extends { instrumentId: InstrumentId }>(items: T[]): T[] =>
  [...items].sort((a, b) => INSTRUMENT_IDS.indexOf(a.instrumentId) - INSTRUMENT_IDS.indexOf(b.instrumentId));
