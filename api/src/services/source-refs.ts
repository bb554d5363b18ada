import type { SourceRecord } from '../schemas/dataset.js';
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
