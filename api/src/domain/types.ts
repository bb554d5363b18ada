/**
 * Domain vocabulary shared by the status engine, the importers and the database layer.
 * Status is always derived from participation events (README.md in this folder): nothing here stores a status.
 */

/** The 11 instruments. These ids are a public contract: URLs, bookmarks and API clients use them. */
export const INSTRUMENT_IDS = [
  'rome-statute',
  'rs-art8-2010',
  'rs-aggression-2010',
  'rs-art8-2017-biological',
  'rs-art8-2017-fragments',
  'rs-art8-2017-lasers',
  'rs-art8-2019-starvation',
  'rs-art124-2015',
  'apic',
  'uncat',
  'opcat',
] as const;
export type InstrumentId = (typeof INSTRUMENT_IDS)[number];

/** ISO calendar date, `YYYY-MM-DD`. SQLite has no date type, so dates travel as strings. */
export type IsoDate = string;

/** How a state's consent to be bound takes effect for it. */
export type EntryIntoForceRule =
  /** Rome Statute art. 126(2): first day of the month after the Nth day following deposit. */
  | { kind: 'first-of-month-after-days'; days: number; generalEntryIntoForce: IsoDate }
  /** APIC art. 35, UNCAT art. 27(2), OPCAT art. 28(2): Nth day after deposit. */
  | { kind: 'days-after-deposit'; days: number; generalEntryIntoForce: IsoDate }
  /**
   * Rome Statute art. 121(5): one year after deposit. `activatedOn`: for the aggression amendments,
   * the date the Court's jurisdiction was activated (a separate fact, not an entry into force), and
   * `activationSourceId` the source stating it.
   */
  | { kind: 'one-year-after-deposit'; activatedOn: IsoDate | null; activationSourceId?: string | null }
  /** Rome Statute art. 121(4): for all, one year after 7/8 of the parent's parties have accepted. */
  | { kind: 'seven-eighths-of-parent-parties'; parent: InstrumentId };

/** How a withdrawal / denunciation takes effect (Rome Statute art. 127, APIC art. 37, UNCAT art. 31). */
export type WithdrawalRule = { kind: 'one-year-after-notification' } | { kind: 'none' };

export const EVENT_KINDS = [
  'signature',
  'ratification',
  'accession',
  'succession',
  'acceptance',
  'approval',
  /** Signatory declares it does not intend to become a party (USA 2002, Israel, Sudan, Russia). */
  'signature-withdrawn',
  /** An instrument of consent withdrawn before it took effect (Malaysia, Rome Statute, 2019). */
  'consent-withdrawn',
  /** Notification of withdrawal / denunciation received by the depositary. */
  'withdrawal-notified',
  /** A withdrawal notification revoked before it took effect. */
  'withdrawal-revoked',
  /** Declarations: UNCAT art. 21/22, Rome Statute art. 12(3) and art. 124, OPCAT art. 24, ... */
  'declaration',
  /** Reservations such as UNCAT art. 28(1) (non-recognition of art. 20). */
  'reservation',
  'reservation-withdrawn',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** Kinds that express consent to be bound. */
export const CONSENT_KINDS = ['ratification', 'accession', 'succession', 'acceptance', 'approval'] as const;

/** How well an event is attested, strongest first. `unverified` events are never applied to a status. */
export const ATTESTATIONS = ['depositary', 'official-statement', 'news-report', 'unverified'] as const;
export type Attestation = (typeof ATTESTATIONS)[number];

export type DatePrecision = 'day' | 'month' | 'year';

export interface ParticipationEvent {
  /** Stable id derived from instrument, state, kind and date, so re-imports are idempotent. */
  id: string;
  instrumentId: InstrumentId;
  stateIso3: string;
  kind: EventKind;
  /** First day of the known period when precision is coarser than a day; null when unknown. */
  date: IsoDate | null;
  datePrecision: DatePrecision;
  /** A date of effect stated by the source (wins over the computed one); null when not stated. */
  effectiveDate: IsoDate | null;
  /** For declarations and reservations: the article concerned, e.g. "21", "22", "28(1)", "12(3)". */
  article: string | null;
  attestation: Attestation;
  sourceId: string;
  sourceUrl: string | null;
  /** Depositary notification symbol, e.g. "C.N.180.2026.TREATIES-XVIII.10", where known. */
  notificationSymbol: string | null;
  note: string | null;
}

export const STATUSES = [
  'party',
  'party-not-in-force',
  'signatory',
  'signature-withdrawn',
  'withdrawal-pending',
  'withdrawn',
  'no-action',
] as const;
export type Status = (typeof STATUSES)[number];

/**
 * A State's CAT reporting situation (domain/cat-reporting.ts), in the key's order. Here with the
 * other names the dashboard imports, so that the browser gets the list without the rules.
 */
export const CAT_SITUATIONS = [
  'up-to-date',
  'follow-up-overdue',
  'periodic-report-overdue',
  'initial-report-never-submitted',
  'history-not-recorded',
  'not-a-party',
] as const;
export type CatSituation = (typeof CAT_SITUATIONS)[number];
