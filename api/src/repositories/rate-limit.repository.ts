import { sql, type Kysely } from 'kysely';
import type { Database } from '../db/database.js';

/** A counter's state after a request: how many in the window, and when the window ends (ms since 1970). */
export interface CounterState {
  count: number;
  resetAt: number;
}

/**
 * The rate-limit counters shared by every server process on PostgreSQL (migration 013). One
 * statement per request: the counter is created, counted on, or started again when its window has
 * ended, atomically, whichever process the request reached.
 */
export function createRateLimitRepository(db: Kysely<Database>) {
  return {
    increment: async (key: string, windowMs: number, now: number): Promise<CounterState> => {
      const ended = sql<boolean>`${sql.ref('rateLimitCounter.resetAt')} <= ${now}`;
      return db
        .insertInto('rateLimitCounter')
        .values({ key, count: 1, resetAt: now + windowMs })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({
            count: sql`case when ${ended} then 1 else ${sql.ref('rateLimitCounter.count')} + 1 end`,
            resetAt: sql`case when ${ended} then ${now + windowMs} else ${sql.ref('rateLimitCounter.resetAt')} end`,
          }),
        )
        .returning(['count', 'resetAt'])
        .executeTakeFirstOrThrow();
    },
    read: (key: string) => db.selectFrom('rateLimitCounter').select(['count', 'resetAt']).where('key', '=', key).executeTakeFirst(),
    /** Forgets counters whose window ended before `now`. */
    sweep: (now: number) => db.deleteFrom('rateLimitCounter').where('resetAt', '<', now).execute(),
  };
}
export type RateLimitRepository = ReturnType<typeof createRateLimitRepository>;
