import type { ParticipationEvent } from '@tracker/api/domain';

/**
 * The stable id of an event: instrument, state, kind, date (or "undated") and, for declarations
 * and reservations, the article. Re-running an import therefore yields the same ids.
 */
export function baseEventId(event: Omit<ParticipationEvent, 'id'>): string {
  const parts: string[] = [event.instrumentId, event.stateIso3, event.kind, event.date ?? 'undated'];
  if (event.article) parts.push(`art${event.article.replace(/[^0-9a-z()]/gi, '').toLowerCase()}`);
  return parts.join(':');
}

/**
 * Gives every event its id. Two events that share a base id (two sources reporting different
 * things about the same day) get ":2", ":3" in an order fixed by source and note, so the
 * result never depends on input order.
 */
export function withIds(events: Omit<ParticipationEvent, 'id'>[]): ParticipationEvent[] {
  return assignIds(events).map(({ id, draft }) => ({ id, ...draft }));
}

/** The ids `withIds` gives, paired with the very draft objects passed in, sorted by id. */
export function assignIds<T extends Omit<ParticipationEvent, 'id'>>(drafts: T[]): { id: string; draft: T }[] {
  const groups = new Map<string, T[]>();
  for (const draft of drafts) {
    const id = baseEventId(draft);
    groups.set(id, [...(groups.get(id) ?? []), draft]);
  }
  const out: { id: string; draft: T }[] = [];
  for (const [id, group] of groups) {
    const ordered = [...group].sort((a, b) => compareText(a.sourceId, b.sourceId) || compareText(a.note ?? '', b.note ?? ''));
    ordered.forEach((draft, index) => out.push({ id: index === 0 ? id : `${id}:${index + 1}`, draft }));
  }
  return out.sort((a, b) => compareText(a.id, b.id));
}

/** Code-point order: unlike localeCompare it is the same on every machine. */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
