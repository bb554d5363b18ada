import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { InstrumentId, ParticipationEvent } from '../domain/types.js';

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
  };
}
