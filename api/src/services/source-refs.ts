import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { historyOf } from '../repositories/audit.repository.js';
import { createMetaRepository } from '../repositories/meta.repository.js';
import type { SourceRecord } from '../schemas/dataset.js';
import type { HistoryEntry } from '../schemas/editing.js';
import type { SourceRef } from '../schemas/participation.js';

/**
 * The sources cited by `ids`, in order. Citing a source the database does not record is a data
 * error, raised rather than dropped, so that no fact is ever shown without its source.
 */
export function refsFor(ids: readonly string[], refs: ReadonlyMap<string, SourceRef>): SourceRef[] {
  return ids.map((id) => {
    const ref = refs.get(id);
    if (!ref) throw new Error(`Source "${id}" is cited but not recorded`);
    return ref;
  });
}

/**
 * An importer's source that is already registered must be the same source: the fields in which
 * the stored one differs, field by field (never by the order the fields come in); empty when it is
 * the same. Importers refuse a file whose source differs, naming these fields.
 */
export function differingSourceFields(stored: SourceRecord, incoming: SourceRecord): (keyof SourceRecord)[] {
  return (Object.keys(incoming) as (keyof SourceRecord)[]).filter((k) => (stored[k] ?? null) !== (incoming[k] ?? null));
}

/** A record's history from the audit log (entity and id as the audit writer files them), oldest first, each change with the source it cites. */
export async function recordHistory(db: Kysely<Database>, entity: string, entityId: string, refs?: ReadonlyMap<string, SourceRef>) {
  const sources = refs ?? (await createMetaRepository(db).sourceRefs());
  return (await historyOf(db, entity, entityId)).map((h): HistoryEntry => ({
    action: h.action,
    at: h.at,
    actor: h.actor,
    organisation: h.organisation,
    reason: h.reason,
    source: h.sourceId ? (sources.get(h.sourceId) ?? null) : null,
    before: h.before === null ? null : JSON.parse(h.before),
    after: h.after === null ? null : JSON.parse(h.after),
  }));
}
