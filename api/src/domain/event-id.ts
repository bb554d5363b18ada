import type { ParticipationEvent } from './types.js';

/**
 * The stable id of a participation event: instrument, State, kind, date (or "undated") and, for
 * declarations and reservations, the article. The same rule as the importers'
 * (scripts/src/normalise/event-id.ts, `baseEventId`), so that an event an editor adds gets the id
 * the next import of the depositary's page would give it, and the import then finds it instead of
 * adding it twice. api/test/event-editing.test.ts checks the rule against every bundled event.
 */
export function eventIdOf(event: Pick<ParticipationEvent, 'instrumentId' | 'stateIso3' | 'kind' | 'date' | 'article'>): string {
  const parts: string[] = [event.instrumentId, event.stateIso3, event.kind, event.date ?? 'undated'];
  if (event.article) parts.push(`art${event.article.replace(/[^0-9a-z()]/gi, '').toLowerCase()}`);
  return parts.join(':');
}
