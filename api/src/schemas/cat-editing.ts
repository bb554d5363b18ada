import { z } from 'zod';
import { CatReportRecord } from './dataset.js';
import { CitationFields, citesASource, HistoryEntry } from './editing.js';
import { SourceRef } from './participation.js';

/**
 * Editors' CAT reporting records (docs: api/src/domain/README.md, "Editing and accounts"). The
 * fields are the bundled report record's (`CatReportRecord`, schemas/dataset.ts), which the CAT
 * import validates too; not given are the id (the State and report numbers: ISO3:n, or ISO3:n-m for
 * a combined report), the due dates (computed by the rules, as on import) and the source (the
 * citation). What a source does not say is left out (null).
 */
const R = CatReportRecord.shape;
const RECORDED = {
  label: R.label.optional().describe('How the report is named, e.g. "3rd periodic"; by default from its numbers'),
  procedure: R.procedure.default(null),
  procedureAsStated: R.procedureAsStated.default(null),
  consideredWithoutReport: R.consideredWithoutReport.default(false),
  documentSymbol: R.documentSymbol.default(null).describe("The report's own symbol, e.g. CAT/C/ALB/3"),
  listOfIssuesSymbol: R.listOfIssuesSymbol.default(null),
  dueRecorded: R.dueRecorded.default(null),
  dueAsStated: R.dueAsStated.default(null),
  receivedOn: R.receivedOn.default(null).describe('When the Committee received it'),
  receivedAsStated: R.receivedAsStated.default(null),
  distributedOn: R.distributedOn.default(null),
  dialogueSession: R.dialogueSession.default(null),
  dialogueSessionNote: R.dialogueSessionNote.default(null),
  dialogueDates: R.dialogueDates.default(null),
  concludingObservationsSymbol: R.concludingObservationsSymbol.default(null),
  concludingObservationsAdopted: R.concludingObservationsAdopted.default(null),
  followUpDueRecorded: R.followUpDueRecorded.default(null),
  followUpReceived: R.followUpReceived.default(null),
  latenessAsStatedByCommittee: R.latenessAsStatedByCommittee.default(null),
  otherEvents: R.otherEvents.default(null),
  documents: R.documents.describe('The documents the record is read from, e.g. "CAT/C/ALB/3 cover page"'),
  asOf: R.asOf.optional().describe('The date the record is as of; by default today'),
};
// The citation's documentSymbol names the source; the report's own symbol is `documentSymbol` above,
// so the citation's is sent as `sourceDocumentSymbol`.
const { documentSymbol: sourceDocumentSymbol, ...citation } = CitationFields;
const CITATION = { ...citation, sourceDocumentSymbol };
const cites = (c: { sourceUrl: string | null; sourceDocumentSymbol: string | null }) =>
  citesASource({ sourceUrl: c.sourceUrl, documentSymbol: c.sourceDocumentSymbol });
const CITE = {
  message:
    'cite a source: an http(s) address (sourceUrl), a document symbol such as CAT/C/ALB/3 or A/80/44 (sourceDocumentSymbol), or both',
  path: ['sourceUrl'],
};

export const CatReportInput = z
  .strictObject({
    stateIso3: R.stateIso3,
    number: R.number.describe('1 for the initial report, 2 for the second (the first periodic), ...'),
    lastNumber: R.lastNumber.optional().describe('For a combined report, the last report it covers; by default `number`'),
    ...RECORDED,
    ...CITATION,
  })
  .refine(cites, CITE)
  .refine((r) => r.lastNumber === undefined || r.lastNumber >= r.number, { message: 'must not be below number', path: ['lastNumber'] })
  .meta({ id: 'CatReportInput' });
export type CatReportInput = z.infer<typeof CatReportInput>;

export const CatReportCorrectionInput = z
  .strictObject({ ...RECORDED, ...CITATION })
  .refine(cites, CITE)
  .describe('Every field but the State and the report numbers, which make the record what it is')
  .meta({ id: 'CatReportCorrectionInput' });
export type CatReportCorrectionInput = z.infer<typeof CatReportCorrectionInput>;

export const CatReportRetractionInput = z.strictObject(CITATION).refine(cites, CITE).meta({ id: 'CatReportRetractionInput' });
export type CatReportRetractionInput = z.infer<typeof CatReportRetractionInput>;

export const CatReportParams = z.object({ id: R.id.describe('Report record id: ISO3:n, or ISO3:n-m for a combined report') });

/** A CAT report record as stored, retracted or not, with its source and every recorded change to it. */
export const EditableCatReport = CatReportRecord.extend({
  source: SourceRef,
  retractedAt: z
    .string()
    .nullable()
    .describe('When it was retracted: it stays recorded but no longer counts for any situation or deadline'),
  history: z.array(HistoryEntry).describe('Every recorded change to it, oldest first (the bundled import is the first)'),
}).meta({ id: 'EditableCatReport' });
export type EditableCatReport = z.infer<typeof EditableCatReport>;
