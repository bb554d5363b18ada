import type { Kysely } from 'kysely';
import type { Database, InstrumentRow } from '../db/database.js';
import type { EntryIntoForceRule, InstrumentId, WithdrawalRule } from '../domain/types.js';

export interface InstrumentRecord extends Omit<InstrumentRow, 'entryIntoForceRule' | 'withdrawalRule' | 'sourceIds'> {
  entryIntoForceRule: EntryIntoForceRule;
  withdrawalRule: WithdrawalRule | null;
  sourceIds: string[];
}

const toRecord = (row: InstrumentRow): InstrumentRecord => ({
  ...row,
  entryIntoForceRule: JSON.parse(row.entryIntoForceRule) as EntryIntoForceRule,
  withdrawalRule: row.withdrawalRule ? (JSON.parse(row.withdrawalRule) as WithdrawalRule) : null,
  sourceIds: JSON.parse(row.sourceIds) as string[],
});

export function createInstrumentRepository(db: Kysely<Database>) {
  return {
    listInstruments: async () => (await db.selectFrom('instrument').selectAll().execute()).map(toRecord),
    findInstrument: async (id: InstrumentId) => {
      const row = await db.selectFrom('instrument').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toRecord(row) : undefined;
    },
    listPublishedCounts: (id: InstrumentId) =>
      db.selectFrom('publishedCount').selectAll().where('instrumentId', '=', id).orderBy('asOf', 'desc').execute(),
  };
}
