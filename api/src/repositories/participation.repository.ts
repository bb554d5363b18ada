import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { InstrumentId, ParticipationEvent } from '../domain/types.js';

// The importers read and write participation events here too (services/event-import.ts,
// services/cat-import.ts), each inside its own transaction: pass the transaction as `db`.

export function createParticipationRepository(db: Kysely<Database>) {
  const events = () => db.selectFrom('participationEvent').selectAll();
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
    insertEvent: async (event: ParticipationEvent) => {
      await db.insertInto('participationEvent').values(event).execute();
    },
    updateEvent: async (event: ParticipationEvent) => {
      await db.updateTable('participationEvent').set(event).where('id', '=', event.id).execute();
    },
    deleteEvent: async (id: string) => {
      await db.deleteFrom('participationEvent').where('id', '=', id).execute();
    },
  };
}
