import { z } from 'zod';
import { enumListParam } from './list-param.js';
import { ATTESTATIONS, EVENT_KINDS, INSTRUMENT_IDS, STATUSES } from '../domain/types.js';

export const InstrumentId = z.enum(INSTRUMENT_IDS).describe('Instrument id, e.g. "rome-statute" or "opcat"');
export const StatusName = z.enum(STATUSES);

/**
 * `?status=`: one or several statuses, as a comma-separated list (`status=signatory,no-action`) or
 * repeated (`status=signatory&status=no-action`, what a form's checkboxes send). A state is kept
 * when its status is any of them.
 */
export const StatusListParam = enumListParam(STATUSES, 'status');

/** The source behind a fact, inline so every fact can be traced in one step. */
export const SourceRef = z
  .object({
    id: z.string(),
    title: z.string(),
    url: z.string().nullable(),
    asOf: z.string().nullable().describe('Date the source data is as of'),
  })
  .meta({ id: 'SourceRef' });
export type SourceRef = z.infer<typeof SourceRef>;

export const ParticipationEvent = z
  .object({
    id: z.string(),
    instrumentId: InstrumentId,
    stateIso3: z.string(),
    kind: z.enum(EVENT_KINDS),
    date: z.string().nullable(),
    datePrecision: z.enum(['day', 'month', 'year']),
    effectiveDate: z.string().nullable().describe('Date of effect stated by the source, if any'),
    article: z.string().nullable(),
    attestation: z.enum(ATTESTATIONS).describe('How well the event is attested; unverified events are never applied'),
    source: SourceRef,
    sourceUrl: z.string().nullable().describe('The page the event was read from, when more precise than the source'),
    notificationSymbol: z.string().nullable().describe('Depositary notification, e.g. C.N.805.2016.TREATIES-XVIII.10'),
    note: z.string().nullable(),
  })
  .meta({ id: 'ParticipationEvent' });
export type ParticipationEventOut = z.infer<typeof ParticipationEvent>;

const Precision = z.enum(['day', 'month', 'year']);
const DatedWithPrecision = z.object({ date: z.string(), precision: Precision });

/** One state's status on one instrument on one date, with the dates behind it. */
export const StatusDetail = z
  .object({
    status: StatusName,
    since: z.string().nullable().describe('First day of the current status; null when the state never acted'),
    sincePrecision: Precision.describe('How precisely `since` is known: "year" means only the year is (`since` is its 1 January)'),
    signature: DatedWithPrecision.nullable(),
    consent: DatedWithPrecision.extend({ kind: z.enum(['ratification', 'accession', 'succession', 'acceptance', 'approval']) }).nullable(),
    entryIntoForce: z
      .object({ date: z.string(), computed: z.boolean().describe('true: worked out from the treaty rule; false: stated by the source') })
      .nullable()
      .describe(
        'null also for a succession whose date of effect (the date of State succession) no bundled source records: the notification date is not an entry into force',
      ),
    withdrawal: z.object({ notified: z.string(), effective: z.string().nullable(), computed: z.boolean() }).nullable(),
    revokedWithdrawals: z
      .array(z.object({ notified: DatedWithPrecision, revoked: DatedWithPrecision }))
      .describe('Withdrawals revoked before they took effect: membership was never interrupted'),
    jurisdictionFrom: z
      .string()
      .nullable()
      .describe(
        "Aggression amendments: the Court's jurisdiction over the crime of aggression applies for this state from this date, the later of its entry into force and the activation (17 July 2018, ICC-ASP/16/Res.5)",
      ),
    jurisdictionSource: SourceRef.nullable().describe('The source of the activation date behind `jurisdictionFrom`'),
    declarations: z.array(
      z.object({
        eventId: z.string(),
        kind: z.enum(['declaration', 'reservation']),
        article: z.string().nullable(),
        date: z.string().nullable(),
        withdrawn: z.object({ date: z.string().nullable(), eventId: z.string() }).nullable(),
      }),
    ),
    uncertain: z
      .boolean()
      .describe('A coarse or missing date, or an unconfirmed report (see `uncertainReports`), means the status on this date may differ'),
    uncertainReports: z
      .array(
        z.object({
          eventId: z.string(),
          kind: z.enum(EVENT_KINDS),
          date: z.string().nullable(),
          datePrecision: Precision,
          sourceId: z.string().describe('Who reports it (see `sources`)'),
        }),
      )
      .describe('Unconfirmed reports that, if confirmed, would change the status on this date'),
    eventIds: z.array(z.string()).describe('The events behind this status'),
    sourceIds: z.array(z.string()).describe('The sources of those events (see `sources`)'),
    unconfirmedReports: z.array(z.string()).describe('Ids of unverified reports about this state: shown, never applied'),
  })
  .meta({ id: 'StatusDetail' });
export type StatusDetail = z.infer<typeof StatusDetail>;

export const StatusCounts = z.record(StatusName, z.number().int()).meta({ id: 'StatusCounts' });
