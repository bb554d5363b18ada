import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { InstrumentId, ParticipationEvent } from '../domain/types.js';

// The importers read and write participation events here too (services/event-import.ts,
// services/cat-import.ts), each inside its own transaction: pass the transaction as `db`.

/** Every column of an event as the status engine reads it (not `retractedAt`, which only the editors' views need). */
export const EVENT_COLUMNS = [
  'id',
  'instrumentId',
  'stateIso3',
  'kind',
  'date',
  'datePrecision',
  'effectiveDate',
  'article',
  'attestation',
  'sourceId',
  'sourceUrl',
  'notificationSymbol',
  'note',
] as const satisfies readonly (keyof ParticipationEvent)[];

export function createParticipationRepository(db: Kysely<Database>) {
  // A retracted event stays in the table (nothing is deleted) but no longer counts anywhere.
  const events = () => db.selectFrom('participationEvent').select(EVENT_COLUMNS).where('retractedAt', 'is', null);
  return {
    listByInstrument: (instrumentId: InstrumentId): Promise<ParticipationEvent[]> =>
      events().where('instrumentId', '=', instrumentId).orderBy('id').execute(),
    /** Oldest first; undated events last. */
    listByState: (iso3: string): Promise<ParticipationEvent[]> =>
      events()
        .where('stateIso3', '=', iso3)
        .orderBy((eb) => eb('date', 'is', null))
        .orderBy('date')
        .orderBy('id')
        .execute(),
    /** One State's events of one instrument, in storage order. */
    listByInstrumentAndState: (instrumentId: InstrumentId, iso3: string): Promise<ParticipationEvent[]> =>
      events().where('instrumentId', '=', instrumentId).where('stateIso3', '=', iso3).execute(),
    /** The events of one instrument that cite a source whose id starts with `sourceIdPrefix` (a slug, so no LIKE wildcards). */
    listByInstrumentAndSourcePrefix: (instrumentId: InstrumentId, sourceIdPrefix: string): Promise<ParticipationEvent[]> =>
      events().where('instrumentId', '=', instrumentId).where('sourceId', 'like', `${sourceIdPrefix}%`).execute(),
    /** The live events no depositary or official source attests yet (the review queue), oldest first. */
    listUnverified: (): Promise<ParticipationEvent[]> =>
      events()
        .where('attestation', '=', 'unverified')
        .orderBy((eb) => eb('date', 'is', null))
        .orderBy('date')
        .orderBy('id')
        .execute(),
    /** One event by id, retracted or not, with `retractedAt`. */
    findEvent: (id: string) => db.selectFrom('participationEvent').selectAll().where('id', '=', id).executeTakeFirst(),
    /** Inserts an event; one retracted earlier under the same id is reinstated with these values. */
    insertEvent: async (event: ParticipationEvent) => {
      await db
        .insertInto('participationEvent')
        .values({ ...event, retractedAt: null })
        .onConflict((oc) =>
          oc
            .column('id')
            .doUpdateSet({ ...event, retractedAt: null })
            .where('participationEvent.retractedAt', 'is not', null),
        )
        .execute();
    },
    updateEvent: async (event: ParticipationEvent) => {
      await db.updateTable('participationEvent').set(event).where('id', '=', event.id).execute();
    },
    /** For each of these event ids the audit log knows, the source its latest change cites. */
    latestChangeSources: async (ids: readonly string[]): Promise<Map<string, string | null>> => {
      if (ids.length === 0) return new Map();
      const rows = await db
        .selectFrom('auditLog')
        .select(['entityId', 'sourceId'])
        .where('entity', '=', 'participationEvent')
        .where('entityId', 'in', ids)
        .orderBy('id')
        .execute();
      // Oldest first, so the latest change of each event is the one left in the map.
      return new Map(rows.map((r) => [r.entityId, r.sourceId]));
    },
    /** Retracts an event: it stays in the table, marked, and no longer counts (nothing is deleted). */
    retractEvent: async (id: string, at: string) => {
      await db.updateTable('participationEvent').set({ retractedAt: at }).where('id', '=', id).execute();
    },
  };
}
