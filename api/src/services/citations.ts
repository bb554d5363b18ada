import { createHash } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { SourceTable } from '../db/database.js';
import type { Citation } from '../schemas/editing.js';

/**
 * The source row an editor's citation becomes, so that an edited fact points at a source like
 * every imported one. The id is derived from the address and symbol, so citing the same
 * notification twice reuses one row.
 */
/** Every editor's citation becomes a source whose id starts with this: how an editor's change is told from an import's. */
export const CITED_SOURCE_PREFIX = 'cited-';
export const isEditorsSource = (sourceId: string | null) => !!sourceId?.startsWith(CITED_SOURCE_PREFIX);

export function citedSource(citation: Citation, organisation: string, today: string, title?: string): Insertable<SourceTable> {
  const key = `${citation.sourceUrl ?? ''}\n${citation.documentSymbol ?? ''}`;
  const id = `${CITED_SOURCE_PREFIX}${createHash('sha256').update(key).digest('hex').slice(0, 16)}`;
  return {
    id,
    title: title ?? citation.documentSymbol ?? citation.sourceUrl ?? id,
    publisher: null,
    url: citation.sourceUrl,
    asOf: today,
    rawFile: null,
    note: `Cited by ${organisation} when recording a change${citation.documentSymbol ? ` (document ${citation.documentSymbol})` : ''}.`,
  };
}
