import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';

/**
 * The one writer of the audit log and of the data version.
 *
 * Every data write (seed, import:untc, import:cat, import:upr, an assessment added through the API)
 * records what it changed here, inside its own transaction, and moves the data version on in that
 * same transaction, so a cache keyed on the version never sees half a change and no change goes
 * unrecorded. Writers used to insert audit rows and bump the version each in their own way; they
 * now all go through these functions:
 *
 * - `recordChanges(trx, entries)`: for Kysely writers; called once at the end of the transaction,
 *   it inserts the entries (in order) and bumps the data version.
 * - `createChangeRecorder()`: the batch form for bulk writers (the UPR import and seed): entries
 *   recorded as the writer goes, written in multi-row inserts by `commit(trx, at)`, which ends the
 *   writer's transaction in the same way.
 *
 * `before` and `after` are stored as JSON (null when absent).
 */

export interface AuditEntry {
  /** ISO time of the change. */
  at: string;
  /** Who made it: a user, an importer (`import:upr`), or `seed`. */
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  /** The record as it was (none for an insert). */
  before?: unknown;
  /** The record as it is now (none for a delete, or when the writer does not keep it). */
  after?: unknown;
  /** The source the change cites, if any. */
  sourceId: string | null;
  /** The organisation the actor records for; none for the bundled imports. */
  organisation?: string | null;
  /** Why: the reason an editor gives (required of every edit, see services/editing). */
  reason?: string | null;
  /** What the change is about, for the change feed's filters. */
  instrumentId?: string | null;
  stateIso3?: string | null;
}

/** The instrument and State an audit entry about a participation event is about. */
export const aboutEvent = (e: { instrumentId: string; stateIso3: string }) => ({ instrumentId: e.instrumentId, stateIso3: e.stateIso3 });

const toJson = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value));

const auditRow = (e: AuditEntry) => ({
  at: e.at,
  actor: e.actor,
  action: e.action,
  entity: e.entity,
  entityId: e.entityId,
  before: toJson(e.before),
  after: toJson(e.after),
  sourceId: e.sourceId,
  organisation: e.organisation ?? null,
  reason: e.reason ?? null,
  instrumentId: e.instrumentId ?? null,
  stateIso3: e.stateIso3 ?? null,
});

/** Rows per insert statement: 12 bound values each, well under SQLite's limit on variables. */
const CHUNK = 500;

/** Marks the data as changed, so caches keyed on the version (and ETags) move on. */
export async function bumpDataVersion(trx: Kysely<Database>, at: string = new Date().toISOString()) {
  await trx
    .updateTable('dataVersion')
    .set((eb) => ({ version: eb('version', '+', 1), changedAt: at }))
    .where('id', '=', 1)
    .execute();
}

/**
 * Records the changes a transaction made, then bumps the data version: call it at the end of the
 * writer's transaction (with `trx`), once.
 */
export async function recordChanges(trx: Kysely<Database>, entries: readonly AuditEntry[]) {
  for (let i = 0; i < entries.length; i += CHUNK) {
    await trx
      .insertInto('auditLog')
      .values(entries.slice(i, i + CHUNK).map(auditRow))
      .execute();
  }
  await bumpDataVersion(trx);
}

export interface ChangeRecorder {
  /** Records one change (kept until `commit`). */
  record(entry: AuditEntry): void;
  /** Writes the recorded changes in chunks and moves the data version on, stamped `at`: the end of the writer's transaction. */
  commit(trx: Kysely<Database>, at: string): Promise<void>;
}

/**
 * The batch form, for bulk writers (the UPR import and seed) that record changes as they go: the
 * entries are kept and written at the end in multi-row inserts, in the writer's transaction.
 */
export function createChangeRecorder(): ChangeRecorder {
  const entries: AuditEntry[] = [];
  return {
    record: (e) => {
      entries.push(e);
    },
    commit: async (trx, at) => {
      for (let i = 0; i < entries.length; i += CHUNK) {
        await trx
          .insertInto('auditLog')
          .values(entries.slice(i, i + CHUNK).map(auditRow))
          .execute();
      }
      await bumpDataVersion(trx, at);
    },
  };
}

/** The audit entries about one record, oldest first: its history, retracted or not. */
export const historyOf = (db: Kysely<Database>, entity: string, entityId: string) =>
  db
    .selectFrom('auditLog')
    .select(['action', 'at', 'actor', 'organisation', 'reason', 'sourceId', 'before', 'after'])
    .where('entity', '=', entity)
    .where('entityId', '=', entityId)
    .orderBy('id')
    .execute();
