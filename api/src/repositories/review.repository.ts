import type { Insertable, Kysely } from 'kysely';
import type { Database, ReaderFlagTable } from '../db/database.js';
import { recordChanges } from './audit.repository.js';

const FLAG_COLUMNS = ['id', 'pageUrl', 'instrumentId', 'stateIso3', 'message', 'contact', 'createdAt', 'status'] as const;

/** Readers' flags: stored, listed for editors, resolved. Each write records its change in the same transaction. */
export function createReaderFlagRepository(db: Kysely<Database>) {
  return {
    openFlags: () => db.selectFrom('readerFlag').select(FLAG_COLUMNS).where('status', '=', 'open').orderBy('id').execute(),

    addFlag: (flag: Omit<Insertable<ReaderFlagTable>, 'status'>) =>
      db.transaction().execute(async (trx) => {
        const row = await trx.insertInto('readerFlag').values(flag).returning(FLAG_COLUMNS).executeTakeFirstOrThrow();
        await recordChanges(trx, [
          {
            at: flag.createdAt,
            actor: 'reader',
            action: 'flag',
            entity: 'readerFlag',
            entityId: String(row.id),
            // The contact is for editors only: the audit log feeds the public change feed.
            after: { ...row, contact: null },
            sourceId: null,
            instrumentId: row.instrumentId,
            stateIso3: row.stateIso3,
          },
        ]);
        return row;
      }),

    /** Resolves or rejects an open flag; undefined when there is none, 'closed' when it is no longer open. */
    closeFlag: (id: number, close: { status: 'resolved' | 'rejected'; at: string; by: string; organisation: string; reason: string }) =>
      db.transaction().execute(async (trx) => {
        const before = await trx.selectFrom('readerFlag').select(FLAG_COLUMNS).where('id', '=', id).executeTakeFirst();
        if (!before) return undefined;
        if (before.status !== 'open') return 'closed' as const;
        const after = await trx
          .updateTable('readerFlag')
          .set({ status: close.status, resolvedAt: close.at, resolvedBy: `${close.by} (${close.organisation})`, resolution: close.reason })
          .where('id', '=', id)
          .returning(FLAG_COLUMNS)
          .executeTakeFirstOrThrow();
        await recordChanges(trx, [
          {
            at: close.at,
            actor: close.by,
            organisation: close.organisation,
            reason: close.reason,
            action: close.status === 'resolved' ? 'resolve' : 'reject',
            entity: 'readerFlag',
            entityId: String(id),
            before: { ...before, contact: null },
            after: { ...after, contact: null },
            sourceId: null,
            instrumentId: after.instrumentId,
            stateIso3: after.stateIso3,
          },
        ]);
        return after;
      }),
  };
}
