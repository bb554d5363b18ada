/**
 * Pure helpers for the CAT report record forms (/cat-reporting/reports/new and /{id}). A record has
 * dates with a precision, spans and a follow-up receipt; a form has flat text fields. These turn a
 * stored record into the form's fields and the form's fields back into the API's input, so that a
 * correction sends the whole record with only what the editor changed, and an untouched field keeps
 * its stored value. The API validates what comes back (the same zod schema as for scripts) and
 * names any field at fault; values that are not what they should be are passed on as typed so that
 * it can.
 */
import type { CatReportCorrectionInput, CatReportInput, EditableCatReport } from '@tracker/api/schemas';

type Values = Record<string, string | null>;
type Precision = 'day' | 'month' | 'year';

const PRECISIONS: Record<Precision, true> = { day: true, month: true, year: true };
export const CAT_DATE_PRECISION_OPTIONS = Object.keys(PRECISIONS) as Precision[];
const PROCEDURES: Record<NonNullable<EditableCatReport['procedure']>, true> = { standard: true, simplified: true };
export const CAT_PROCEDURE_OPTIONS = Object.keys(PROCEDURES) as NonNullable<EditableCatReport['procedure']>[];

/** Free-text fields that go to the API as they are (empty: not recorded). */
const TEXT_FIELDS = [
  'label',
  'procedureAsStated',
  'documentSymbol',
  'listOfIssuesSymbol',
  'dueAsStated',
  'receivedAsStated',
  'distributedOn',
  'dialogueSessionNote',
  'concludingObservationsSymbol',
  'followUpDueRecorded',
  'latenessAsStatedByCommittee',
  'otherEvents',
  'documents',
] as const;
/** Dates with a precision ("received in 2009"), and spans ("18–19 November 2019"). */
const DATE_FIELDS = ['dueRecorded', 'receivedOn'] as const;
const SPAN_FIELDS = ['dialogueDates', 'concludingObservationsAdopted'] as const;

/** A stored record as the form's fields; the citation and reason start empty: each change cites its own. */
export function catReportFormValues(record: EditableCatReport): Values {
  const values: Values = { procedure: record.procedure, consideredWithoutReport: record.consideredWithoutReport ? 'on' : null };
  for (const name of TEXT_FIELDS) values[name] = record[name];
  for (const name of DATE_FIELDS) {
    values[`${name}.date`] = record[name]?.date ?? null;
    values[`${name}.precision`] = record[name]?.precision ?? null;
  }
  for (const name of SPAN_FIELDS) {
    values[`${name}.from`] = record[name]?.from ?? null;
    values[`${name}.to`] = record[name]?.to ?? null;
    values[`${name}.precision`] = record[name]?.precision ?? null;
  }
  values.dialogueSession = record.dialogueSession === null ? null : String(record.dialogueSession);
  values['followUpReceived.on'] = record.followUpReceived?.on ?? null;
  values['followUpReceived.by'] = record.followUpReceived?.by ?? null;
  values['followUpReceived.asStated'] = record.followUpReceived?.asStated ?? null;
  return { ...values, sourceUrl: null, sourceDocumentSymbol: null, reason: null };
}

/** A whole number typed in a form, or the text as typed so that the API names the field. */
const wholeNumber = (v: string | null | undefined) => {
  if (v === null || v === undefined) return null;
  return /^\s*\d+\s*$/.test(v) ? Number(v) : v;
};

/**
 * The correctable fields of a record from the form (CatReportCorrectionInput). A date without a
 * precision is a day; a span without an end is one day long; a follow-up receipt is sent when any
 * of its fields is filled, so the API can say which of the others is missing.
 */
export function catReportCorrectionBody(values: Values): CatReportCorrectionInput {
  const body: Record<string, unknown> = {};
  for (const name of TEXT_FIELDS) body[name] = values[name] ?? null;
  // The label has a default (the report's numbers): left empty, it is left out.
  if (body.label === null) delete body.label;
  body.procedure = values.procedure ?? null;
  body.consideredWithoutReport = values.consideredWithoutReport === 'on';
  for (const name of DATE_FIELDS) {
    const date = values[`${name}.date`];
    body[name] = date ? { date, precision: values[`${name}.precision`] ?? 'day' } : null;
  }
  for (const name of SPAN_FIELDS) {
    const from = values[`${name}.from`];
    const to = values[`${name}.to`];
    body[name] = from || to ? { from: from ?? to, to: to ?? from, precision: values[`${name}.precision`] ?? 'day' } : null;
  }
  body.dialogueSession = wholeNumber(values.dialogueSession);
  const receipt = {
    on: values['followUpReceived.on'] ?? null,
    by: values['followUpReceived.by'] ?? null,
    asStated: values['followUpReceived.asStated'] ?? null,
  };
  body.followUpReceived = receipt.on || receipt.by || receipt.asStated ? receipt : null;
  if (values.asOf) body.asOf = values.asOf;
  return { ...body, ...catReportCitationBody(values) } as CatReportCorrectionInput;
}

/**
 * The citation and reason of a write about a CAT record; the API calls the cited symbol
 * sourceDocumentSymbol, since the record has a documentSymbol of its own (the report's).
 */
export function catReportCitationBody(values: Values) {
  return { sourceUrl: values.sourceUrl ?? null, sourceDocumentSymbol: values.sourceDocumentSymbol ?? null, reason: values.reason ?? null };
}

/** A new record: the State and report numbers (its identity) and the correctable fields. */
export function catReportBody(values: Values): CatReportInput {
  const identity: Record<string, unknown> = {
    stateIso3: values.stateIso3 ? values.stateIso3.trim().toUpperCase() : null,
    number: wholeNumber(values.number),
  };
  if (values.lastNumber) identity.lastNumber = wholeNumber(values.lastNumber);
  return { ...identity, ...catReportCorrectionBody(values) } as CatReportInput;
}

/** The page of a CAT report record (ids contain a colon: "NGA:1", "ALB:3-4"). */
export const catReportHref = (id: string) => `/cat-reporting/reports/${encodeURIComponent(id)}`;

/** The form to record a report for a State, with its number when the rules already expect it. */
export const newCatReportHref = (iso3: string, number?: number) =>
  `/cat-reporting/reports/new?state=${encodeURIComponent(iso3)}${number === undefined ? '' : `&number=${number}`}`;
