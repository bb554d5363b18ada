import { z } from 'zod';
import { AGENDA_FORMATS, AGENDA_KINDS, AGENDA_STATUSES, UN_REGIONAL_GROUPS } from '../domain/vocabulary.js';
import { IsoDate } from './common.js';
import { enumListParam } from './list-param.js';
import { InstrumentId, SourceRef } from './participation.js';

export const AgendaQuery = z.object({
  from: IsoDate.optional().describe('Events on or after this date (an event over several days: ending on or after it). Default: no limit'),
  to: IsoDate.optional().describe('Events starting on or before this date. Default: no limit'),
  kind: enumListParam(AGENDA_KINDS, 'kind')
    .optional()
    .describe(`Keep these kinds (${AGENDA_KINDS.join(', ')}): comma-separated or repeated`),
  state: z
    .string()
    .regex(/^[A-Za-z]{3}$/, 'must be an ISO 3166-1 alpha-3 code such as "UKR"')
    .transform((s) => s.toUpperCase())
    .optional()
    .describe("One State's events (ISO 3166-1 alpha-3); events of no one State (sessions) are left out"),
  instrument: InstrumentId.optional().describe("One instrument's events (CAT sessions, dialogues and deadlines are UNCAT's)"),
  group: z.enum(UN_REGIONAL_GROUPS).optional().describe('The events of the States in one UN regional group'),
  format: z
    .enum(AGENDA_FORMATS)
    .default('json')
    .describe('json, csv (a spreadsheet) or ics (an RFC 5545 calendar: subscribe to the address)'),
  bom: z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .optional()
    .transform((value) => value === 'true')
    .describe('true: start a CSV answer with a UTF-8 byte order mark, for Excel. Ignored for JSON and ics'),
});
export type AgendaQuery = z.infer<typeof AgendaQuery>;

export const AgendaEvent = z
  .object({
    uid: z.string().describe('Stable across exports and requests: the calendar UID'),
    kind: z.enum(AGENDA_KINDS),
    date: IsoDate.describe('The (first) day'),
    endDate: IsoDate.nullable().describe('The last day of an event over several days (a session); null for one day'),
    status: z
      .enum(AGENDA_STATUSES)
      .describe(
        'scheduled: announced or still ahead; held: a source records that it took place (meetings), or its date has come (deadlines, dates of effect, planned actions)',
      ),
    stateIso3: z.string().nullable(),
    stateName: z.string().nullable().describe("The State's name in the answer's language"),
    instrumentId: InstrumentId.nullable(),
    instrumentShortName: z.string().nullable(),
    title: z.string().describe("One line in the answer's language"),
    computed: z
      .boolean()
      .describe('true: the date is worked out by a stated rule (entry into force, a CAT due date), not recorded in a source'),
    session: z.number().int().nullable().describe('The UPR or CAT session number, where there is one'),
    link: z.string().nullable().describe('Path of the dashboard page that explains the event'),
    sourceIds: z.array(z.string()),
    asOf: IsoDate.nullable().describe(
      "The latest as-of date of the event's sources (a plan's action: the day the plan was published); null: not recorded",
    ),
  })
  .meta({ id: 'AgendaEvent' });
export type AgendaEvent = z.infer<typeof AgendaEvent>;

export const AgendaResponse = z
  .object({
    asOf: IsoDate.describe('Today (UTC): the day that decides what has come and what is still ahead'),
    from: IsoDate.nullable(),
    to: IsoDate.nullable(),
    total: z.number().int(),
    counts: z.record(z.enum(AGENDA_KINDS), z.number().int()).describe('Events per kind, over the events listed'),
    events: z.array(AgendaEvent),
    sources: z.array(SourceRef),
  })
  .meta({ id: 'AgendaResponse' });
export type AgendaResponse = z.infer<typeof AgendaResponse>;
