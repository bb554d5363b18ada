import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';

/**
 * The reads behind the public change feed (GET /api/changes): audit log entries, newest first, with
 * the names of the State and instrument they are about and the source they cite. The writers are
 * in audit.repository.ts; which entities the feed shows is the service's decision, passed in as
 * `entities`, so that an entity no kind names (accounts, tokens) is never read here.
 */

export interface ChangeFilters {
  /** The entities to read: never empty (the service always names them). */
  entities: readonly string[];
  instrumentId?: string | undefined;
  stateIso3?: string | undefined;
  /** ISO time in UTC (or a date): entries at or after it. */
  since?: string | undefined;
}

export interface ChangeRow {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  before: string | null;
  after: string | null;
  organisation: string | null;
  reason: string | null;
  instrumentId: string | null;
  instrumentShortName: string | null;
  stateIso3: string | null;
  stateName: string | null;
  sourceId: string | null;
  sourceTitle: string | null;
  sourceUrl: string | null;
  sourceAsOf: string | null;
}

export function createChangesRepository(db: Kysely<Database>) {
  const filtered = (f: ChangeFilters) => {
    let q = db.selectFrom('auditLog').where('auditLog.entity', 'in', [...f.entities]);
    if (f.instrumentId) q = q.where('auditLog.instrumentId', '=', f.instrumentId);
    if (f.stateIso3) q = q.where('auditLog.stateIso3', '=', f.stateIso3);
    // `at` is written by toISOString(), so text order is time order, and a bare date compares as its first instant.
    if (f.since) q = q.where('auditLog.at', '>=', f.since);
    return q;
  };
  return {
    /** One page: entries with an id below `before` (all when absent), newest first. */
    list: (f: ChangeFilters, page: { before?: number | undefined; limit: number }): Promise<ChangeRow[]> => {
      let q = filtered(f)
        .leftJoin('state', 'state.iso3', 'auditLog.stateIso3')
        .leftJoin('instrument', 'instrument.id', 'auditLog.instrumentId')
        .leftJoin('source', 'source.id', 'auditLog.sourceId')
        .select([
          'auditLog.id',
          'auditLog.at',
          'auditLog.actor',
          'auditLog.action',
          'auditLog.entity',
          'auditLog.entityId',
          'auditLog.before',
          'auditLog.after',
          'auditLog.organisation',
          'auditLog.reason',
          'auditLog.instrumentId',
          'instrument.shortName as instrumentShortName',
          'auditLog.stateIso3',
          'state.nameEn as stateName',
          'auditLog.sourceId',
          'source.title as sourceTitle',
          'source.url as sourceUrl',
          'source.asOf as sourceAsOf',
        ]);
      if (page.before !== undefined) q = q.where('auditLog.id', '<', page.before);
      return q.orderBy('auditLog.id', 'desc').limit(page.limit).execute();
    },
    /** How many entries match the filters, over all pages. */
    count: async (f: ChangeFilters): Promise<number> => {
      const row = await filtered(f)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirst();
      return Number(row?.n ?? 0);
    },
    /** When the data last changed (an empty feed's Atom `updated`). */
    dataChangedAt: async (): Promise<string | null> =>
      (await db.selectFrom('dataVersion').select('changedAt').where('id', '=', 1).executeTakeFirst())?.changedAt ?? null,
    /** Whether a State with this code is in the registry (an unknown one is a mistake, not an empty feed). */
    hasState: async (iso3: string) =>
      (await db.selectFrom('state').select('iso3').where('iso3', '=', iso3).executeTakeFirst()) !== undefined,
  };
}
export type ChangesRepository = ReturnType<typeof createChangesRepository>;
