import { z } from 'zod';
import { PlainText } from './common.js';
import { HttpUrl } from './dataset.js';
import { SourceRef } from './participation.js';

/**
 * What every edit carries (docs: api/src/domain/README.md, "Editing and accounts"): the source it
 * cites (an http(s) address, a document symbol, or both) and the editor's reason. One schema for
 * the API and the dashboard's forms, so both refuse the same things.
 */
export const DocumentSymbol = PlainText(3, 200)
  .refine((s) => !/\s{2,}|[<>]/.test(s), 'must be a document symbol such as C.N.180.2026.TREATIES-XVIII.10 or CAT/C/KEN/CO/3')
  .describe('A document symbol: a depositary notification (C.N.180.2026.TREATIES-XVIII.10) or a UN document (A/HRC/52/11)');

export const Reason = PlainText(3, 2000).describe('Why the change is made, in words readers will see in the change feed');

export const CitationFields = {
  sourceUrl: HttpUrl.nullable().default(null).describe('The address of the source'),
  documentSymbol: DocumentSymbol.nullable().default(null),
  reason: Reason,
};

/** A citation needs at least one of the two. */
export const citesASource = (c: { sourceUrl: string | null; documentSymbol: string | null }) =>
  c.sourceUrl !== null || c.documentSymbol !== null;
export const CITE_A_SOURCE = {
  message:
    'cite a source: an http(s) address (sourceUrl), a document symbol such as C.N.180.2026.TREATIES-XVIII.10 (documentSymbol), or both',
  path: ['sourceUrl'],
};

/** Retracting a fact: it stays, marked as retracted, and the retraction is itself a cited change. */
export const RetractionInput = z.strictObject(CitationFields).refine(citesASource, CITE_A_SOURCE);
export type RetractionInput = z.infer<typeof RetractionInput>;
export type Citation = Pick<RetractionInput, 'sourceUrl' | 'documentSymbol'>;

/** One recorded change to an edited record (an event, a CAT report record), from the audit log. */
export const HistoryEntry = z
  .object({
    action: z.string().describe('insert, correct or retract (an import records update for a correction)'),
    at: z.string(),
    actor: z.string(),
    organisation: z.string().nullable(),
    reason: z.string().nullable(),
    source: SourceRef.nullable().describe('The source the change cites'),
    before: z.unknown().describe('The record as it was (null for an insert)'),
    after: z.unknown().describe('The record as it is now (null for a retraction)'),
  })
  .meta({ id: 'HistoryEntry' });
export type HistoryEntry = z.infer<typeof HistoryEntry>;
