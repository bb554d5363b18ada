import { z } from 'zod';
import { CHANGE_KINDS } from '../domain/vocabulary.js';
import { FormatQuery, IntParam, IsoDate } from './common.js';
import { InstrumentId, SourceRef } from './participation.js';

/** API shapes of the public change feed (GET /api/changes). */

/** The feed's formats: JSON, a CSV file, or an Atom 1.0 feed to subscribe to. */
export const CHANGE_FORMATS = ['json', 'csv', 'atom'] as const;
export type ChangeFormat = (typeof CHANGE_FORMATS)[number];

/** Entries at or after a date (its first instant, UTC) or a date-time with its offset; read as an ISO time in UTC. */
const Since = z
  .union([IsoDate, z.iso.datetime({ offset: true })], {
    error: 'must be a date (2026-01-31) or a date and time with its offset (2026-01-31T12:00:00Z)',
  })
  .transform((s) => (s.length === 10 ? s : new Date(s).toISOString()));

export const ChangesQuery = z.object({
  instrument: InstrumentId.optional().describe('Only changes about this instrument, e.g. "opcat"'),
  state: z
    .string()
    .regex(/^[A-Za-z]{3}$/, 'must be an ISO 3166-1 alpha-3 code such as "KEN"')
    .transform((s) => s.toUpperCase())
    .optional()
    .describe('Only changes about this State (ISO3)'),
  kind: z
    .enum(CHANGE_KINDS)
    .optional()
    .describe(
      'Only one kind of change: participation-event (signatures, ratifications, withdrawals, ...), cat-reporting, upr-assessment, upr-dataset (reviews, sessions, recommendations, pledges), source, review (readers’ flags)',
    ),
  since: Since.optional().describe('Only changes recorded at or after this date (UTC) or date-time, e.g. 2026-01-31'),
  before: IntParam(1, 999_999_999).optional().describe('Paging: only changes with an id below this one (the previous page’s nextBefore)'),
  limit: IntParam(1, 500).default(100).describe('Changes per page, 1 to 500 (default 100)'),
  format: z
    .enum(CHANGE_FORMATS)
    .default('json')
    .describe('Response format: json, csv (a spreadsheet) or atom (an Atom 1.0 feed to subscribe to)'),
  bom: FormatQuery.shape.bom,
});
export type ChangesQuery = z.infer<typeof ChangesQuery>;

export const Change = z
  .object({
    id: z.number().int().describe('The audit log entry; ids grow with time, so they order the feed and page it'),
    at: z.string().describe('When the change was recorded (RFC 3339, UTC)'),
    kind: z.enum(CHANGE_KINDS),
    action: z.string().describe('insert, update, correct, retract, confirm, reject, ...'),
    entity: z.string().describe('What was changed, e.g. participationEvent, catReport, uprReview, uprAssessment'),
    entityId: z.string(),
    instrumentId: z.string().nullable(),
    instrumentName: z.string().nullable().describe('Short name of the instrument'),
    stateIso3: z.string().nullable(),
    stateName: z.string().nullable(),
    actor: z.string().describe('The account that made the change, or the importer (import:untc, import:cat, import:upr, seed)'),
    organisation: z.string().nullable().describe('The organisation the actor records for; null for the bundled imports'),
    reason: z.string().nullable().describe('Why, as the editor gave it; null for imports'),
    source: SourceRef.nullable().describe('The source the change cites; null when none is recorded'),
    summary: z.string().describe('One line in English saying what changed'),
    before: z.unknown().describe('The record as it was (null for an insert)'),
    after: z.unknown().describe('The record as it is now (null for a retraction, or when the writer keeps none)'),
  })
  .meta({ id: 'Change' });
export type Change = z.infer<typeof Change>;

export const ChangesResponse = z
  .object({
    total: z.number().int().describe('Changes matching the filters, over all pages'),
    nextBefore: z.number().int().nullable().describe('Pass as ?before= for the next (older) page; null on the last page'),
    changes: z.array(Change),
  })
  .meta({ id: 'ChangesResponse' });
export type ChangesResponse = z.infer<typeof ChangesResponse>;
