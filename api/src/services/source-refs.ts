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
