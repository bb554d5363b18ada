import { z } from 'zod';
import { IntParam, IsoDate, PlainText } from './common.js';
import { HttpUrl } from './dataset.js';
import { Reason } from './editing.js';
import { InstrumentId, ParticipationEvent } from './participation.js';
import { EventParams } from './event-editing.js';

const StateCode = z
  .string()
  .regex(/^[A-Z]{3}$/, 'must be an ISO 3166-1 alpha-3 code in capitals, e.g. KEN')
  .describe('ISO3 code of the State');

/** A depositary notification symbol as the UN Treaty Section writes it. */
const CnSymbol = z
  .string()
  .trim()
  .regex(
    /^C\.N\.\d{1,5}\.\d{4}\.TREATIES-[IVXL]+(\.\d{1,3}(\.[a-z])?)?$/,
    'must be a depositary notification symbol such as C.N.180.2026.TREATIES-XVIII.10',
  );

export const ConfirmReportInput = z
  .strictObject({
    notificationSymbol: CnSymbol,
    sourceUrl: HttpUrl.nullable().default(null).describe('The notification’s address (treaties.un.org), if at hand'),
    date: IsoDate.optional().describe('The date the notification gives, if it differs from the report'),
    effectiveDate: IsoDate.nullable().optional().describe('A date of effect the notification states'),
    reason: Reason,
  })
  .meta({ id: 'ConfirmReportInput' });
export type ConfirmReportInput = z.infer<typeof ConfirmReportInput>;

export const StatusChange = z.object({ from: z.string(), status: z.string() });

export const UnconfirmedReport = z
  .object({
    event: ParticipationEvent,
    instrumentName: z.string(),
    stateName: z.string(),
    statusToday: z.string().describe('The State’s status today, from the confirmed events'),
    ifConfirmed: z
      .array(StatusChange)
      .describe('The status changes confirming the report would make, from its date on (none: it would change nothing)'),
  })
  .meta({ id: 'UnconfirmedReport' });

export const ReaderFlag = z
  .object({
    id: z.number().int(),
    pageUrl: z.string(),
    instrumentId: z.string().nullable(),
    stateIso3: z.string().nullable(),
    message: z.string(),
    contact: z.string().nullable(),
    createdAt: z.string(),
    status: z.enum(['open', 'resolved', 'rejected']),
  })
  .meta({ id: 'ReaderFlag' });

export const ReviewQueue = z
  .object({
    unconfirmedReports: z.array(UnconfirmedReport).describe('Events no depositary notification attests yet, oldest first'),
    flags: z.array(ReaderFlag).describe('Open reader flags, oldest first'),
    counts: z.object({ unconfirmedReports: z.number().int(), flags: z.number().int() }),
  })
  .meta({ id: 'ReviewQueue' });
export type ReviewQueue = z.infer<typeof ReviewQueue>;

/** A page of this site (a path) or an http(s) address. */
const PageUrl = z
  .string()
  .trim()
  .min(1)
  .max(2000)
  .refine(
    (s) => (s.startsWith('/') && !s.startsWith('//')) || HttpUrl.safeParse(s).success,
    'must be a path on this site (/states/KEN) or an http(s) address',
  )
  .refine((s) => ![...s].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f), 'must not contain control characters');

export const FlagInput = z
  .strictObject({
    pageUrl: PageUrl.describe('The page the reader was looking at'),
    message: PlainText(5, 2000).describe('What is wrong, and where the right fact can be found if known'),
    contact: PlainText(3, 200).nullable().default(null).describe('How an editor may reach the reader (optional; seen by editors only)'),
    instrumentId: InstrumentId.nullable().default(null),
    stateIso3: StateCode.nullable().default(null),
  })
  .meta({ id: 'FlagInput' });
export type FlagInput = z.infer<typeof FlagInput>;

export const FlagReceipt = z.object({ id: z.number().int(), message: z.string() }).meta({ id: 'FlagReceipt' });
/** The unconfirmed report (a participation event) confirmed or rejected. */
export const ReportParams = z.object({ eventId: EventParams.shape.id });
export const FlagParams = z.object({ id: IntParam(1, 999_999_999).describe('Flag id') });
export const FlagResolution = z.strictObject({ reason: Reason });
