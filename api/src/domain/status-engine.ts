/**
 * The status engine: a state's status under an instrument, derived from its participation events
 * as of any date, never stored (the rules are written out in api/src/domain/README.md).
 * Pure functions: no I/O, no database, no treaty data baked in (instruments are passed in).
 *
 * How it works: the events of one state are replayed in date order into a list of segments
 * ("from this date, this status with these details"). Dates of effect that follow from an event
 * (entry into force, a withdrawal taking effect) are replayed as timers at their own dates.
 * `statusOn` then picks the segment covering `asOf`; timeline.ts reads the segment boundaries.
 *
 * Rules and decisions (tested in status-engine.test.ts and timeline.test.ts):
 * - Events with attestation 'unverified' are never applied; they are listed in `unconfirmedReports`
 *   (from their date on, or always when undated).
 * - Coarse dates: an event known only to the month or year (its `date` is the first day of that
 *   period) is applied from the first day of the NEXT period, the first day on which it has
 *   certainly happened; inside the period the result says `uncertain: true`. Dates derived from
 *   such an event (entry into force, withdrawal effect) are computed from that conservative date,
 *   and `uncertain` is true between the earliest possible and the computed date.
 *   Exception: a signature withdrawal known only to the month or year applies from the first day
 *   of that period (no date of effect follows from it), uncertain until the period ends, and
 *   `since` keeps its precision: Israel's 2002 notice that it will not become a party makes it
 *   'signature-withdrawn' from 2002 (`since` 2002-01-01, `sincePrecision` 'year').
 * - Unconfirmed reports that would change the status: each unverified dated event is replayed as
 *   if confirmed; on every date where that gives another status the result is `uncertain` and
 *   the report is listed in `uncertainReports`.
 * - Undated status events (date null) cannot be placed in time: they are not applied, are listed in
 *   `ignoredEvents`, and make every result for that state `uncertain`.
 * - A recorded `effectiveDate` on a consent wins over the computed date (`computed: false`). When it
 *   is on or before the deposit (a succession with effect from independence, say) the state shows
 *   as a party from the deposit, the first date at which the events show it; `entryIntoForce.date`
 *   keeps the recorded date.
 * - A succession takes effect from the date of State succession, not from the notification. Without
 *   a recorded date of effect the state is shown as a party from its notification (the first date
 *   at which the events show it bound) and `entryIntoForce` is null: the date is not recorded, and
 *   the notification date is never given as an entry into force.
 * - Withdrawal: see `withdrawalEffectiveFor`. Between notification and effect: 'withdrawal-pending'
 *   (still bound). 'withdrawal-revoked' before the effect cancels it. 'consent-withdrawn' before
 *   entry into force cancels the consent and the state goes back to what it was before it.
 * - Events that cannot apply where they fall (a second consent while bound, a revocation with no
 *   pending withdrawal, a consent withdrawn after entry into force, ...) change nothing and are
 *   listed in `ignoredEvents` with the reason, so data problems are visible.
 * - Same-day events apply in the order signature, consent, consent withdrawn, signature withdrawn,
 *   withdrawal notified, withdrawal revoked; a date of effect falling on the day of an event is
 *   applied before the event ("before effect" means strictly before).
 * - `since` is the first day of the uninterrupted run of the current status (null for a state that
 *   never did anything). A withdrawal revoked before it took effect never interrupted membership:
 *   'party' since the original entry into force, the revoked withdrawal listed in `revokedWithdrawals`.
 * - Declarations and reservations never change the status; they are listed in `declarations`.
 */
import {
  CONSENT_KINDS,
  STATUSES,
  type DatePrecision,
  type EventKind,
  type EntryIntoForceRule,
  type InstrumentId,
  type IsoDate,
  type ParticipationEvent,
  type Status,
  type WithdrawalRule,
} from './types.js';
import {
  addYears,
  assertIsoDate,
  entryIntoForceFor,
  jurisdictionFrom,
  laterOf,
  sevenEighthsThreshold,
  startOfNextPeriod,
  withdrawalEffectiveFor,
} from './entry-into-force.js';

/** What the engine needs to know about an instrument: its id and its rules, nothing else. */
export interface Instrument {
  id: InstrumentId;
  entryIntoForceRule: EntryIntoForceRule;
  withdrawalRule: WithdrawalRule;
}

export type ConsentKind = (typeof CONSENT_KINDS)[number];

/** The facts behind a status at a date. */
export interface StatusDetail {
  signature: { date: IsoDate; precision: DatePrecision } | null;
  consent: { date: IsoDate; kind: ConsentKind; precision: DatePrecision } | null;
  /** In force for the state on `date`; `computed` false when the source stated the date. */
  entryIntoForce: { date: IsoDate; computed: boolean } | null;
  /** `effective` null when no date of effect can be known (withdrawal rule 'none', nothing stated). */
  withdrawal: { notified: IsoDate; effective: IsoDate | null; computed: boolean } | null;
  /**
   * Aggression amendments: the Court may exercise jurisdiction for the state from this date, the
   * later of its entry into force and the activation (`activatedOn` of the rule). Null otherwise.
   */
  jurisdictionFrom: IsoDate | null;
  /** Withdrawals of the current consent revoked before they took effect, oldest first. */
  revokedWithdrawals: {
    notified: { date: IsoDate; precision: DatePrecision };
    revoked: { date: IsoDate; precision: DatePrecision };
  }[];
  /** The events behind the status and the details above. */
  eventIds: string[];
}

export interface Declaration {
  eventId: string;
  kind: 'declaration' | 'reservation';
  /** e.g. "21", "22", "28(1)", "12(3)"; null when the source does not say. */
  article: string | null;
  /** null when undated, or for a reservation known only from its withdrawal. */
  date: IsoDate | null;
  precision: DatePrecision;
  withdrawn: { date: IsoDate | null; eventId: string } | null;
}

export interface StatusResult extends StatusDetail {
  status: Status;
  since: IsoDate | null;
  /** How precisely `since` is known: 'year' when it is the first day of a year the source gives. */
  sincePrecision: DatePrecision;
  declarations: Declaration[];
  /** Unverified claims about this state: shown, never applied. */
  unconfirmedReports: ParticipationEvent[];
  /** True when a coarse or missing date, or an unconfirmed report, means the status on `asOf` may be different. */
  uncertain: boolean;
  /** The unconfirmed reports that, if confirmed, would give another status on `asOf`. */
  uncertainReports: ParticipationEvent[];
  /** Events that changed nothing, with the reason. */
  ignoredEvents: { eventId: string; reason: string }[];
}

/** Art. 121(4): the day 7/8 of the parent's parties had accepted, and entry into force for all. */
export interface CollectiveEntryIntoForce {
  reachedOn: IsoDate;
  entryIntoForce: IsoDate;
}

/** The parent instrument and its events (all states, or one state for `statusOn`). */
export interface ParentEvents {
  instrument: Instrument;
  events: ParticipationEvent[];
}

export interface StatusContext {
  /**
   * Only for 'seven-eighths-of-parent-parties': see `collectiveEntryIntoForce`. Absent or null:
   * the amendment is not (yet) in force, so acceptances give 'party-not-in-force'.
   */
  collective?: CollectiveEntryIntoForce | null;
  /**
   * Only for 'seven-eighths-of-parent-parties' once in force: this state's parent events. Art.
   * 121(4) binds every State Party of the parent, so a party that did not accept is bound too.
   */
  parent?: ParentEvents;
}

export interface InstrumentStatus {
  instrumentId: InstrumentId;
  asOf: IsoDate;
  /** Art. 121(4) instruments: the date of entry into force for all, once known on `asOf`. */
  collectiveEntryIntoForce: IsoDate | null;
  states: Record<string, StatusResult>;
  counts: Record<Status, number>;
}

// ---------------------------------------------------------------------------------------------
// Per-state history

/** From `from` (null: the beginning of time) until the next segment, the state had `status`. */
export interface Segment {
  from: IsoDate | null;
  /** How precisely `from` is known (a coarse signature withdrawal: its month or year). */
  fromPrecision?: DatePrecision;
  status: Status;
  detail: StatusDetail;
}

export interface StateHistory {
  segments: Segment[];
  /** [from, to) ranges (null: unbounded) in which the status may differ from the segments. */
  uncertainWindows: { from: IsoDate | null; to: IsoDate | null }[];
  /** [from, to) ranges in which an unconfirmed report, if confirmed, would give another status. */
  reportWindows: { from: IsoDate; to: IsoDate | null; eventId: string }[];
  ignored: { eventId: string; reason: string; at: IsoDate | null }[];
}

const DECLARATION_KINDS: ReadonlySet<EventKind> = new Set(['declaration', 'reservation', 'reservation-withdrawn']);
const SAME_DAY_ORDER: Partial<Record<EventKind, number>> = {
  signature: 0,
  ratification: 1,
  accession: 1,
  succession: 1,
  acceptance: 1,
  approval: 1,
  'consent-withdrawn': 2,
  'signature-withdrawn': 3,
  'withdrawal-notified': 4,
  'withdrawal-revoked': 5,
};
/** Statuses in which the state is bound by the instrument (a pending withdrawal still binds). */
const BOUND: ReadonlySet<Status> = new Set(['party', 'withdrawal-pending']);
/** Statuses with a consent deposited and not withdrawn. */
const CONSENTED: ReadonlySet<Status> = new Set(['party', 'party-not-in-force', 'withdrawal-pending']);

function isConsentKind(kind: EventKind): kind is ConsentKind {
  return (CONSENT_KINDS as readonly string[]).includes(kind);
}

/** The first day on which an event has certainly happened (see "Coarse dates" above). */
function appliedOn(date: IsoDate, precision: DatePrecision): IsoDate {
  return precision === 'day' ? date : startOfNextPeriod(date, precision);
}

type Phase = 'none' | 'consented' | 'in-force' | 'left';

interface Replay {
  phase: Phase;
  signature: StatusDetail['signature'];
  signatureWithdrawn: boolean;
  consent: StatusDetail['consent'];
  entryIntoForce: StatusDetail['entryIntoForce'];
  withdrawal: StatusDetail['withdrawal'];
  /** Signature and signature-withdrawn events. */
  signatureIds: string[];
  /** Events of the current consent (consent, withdrawal, revocation ...). */
  cycleIds: string[];
  withdrawalNotified: { date: IsoDate; precision: DatePrecision } | null;
  revokedWithdrawals: StatusDetail['revokedWithdrawals'];
}

function statusOf(r: Replay): Status {
  switch (r.phase) {
    case 'consented':
      return r.withdrawal ? 'withdrawal-pending' : 'party-not-in-force';
    case 'in-force':
      return r.withdrawal ? 'withdrawal-pending' : 'party';
    case 'left':
      return 'withdrawn';
    case 'none':
      if (r.signatureWithdrawn) return 'signature-withdrawn';
      return r.signature ? 'signatory' : 'no-action';
  }
}

/**
 * Replays one state's events (any attestation: unverified ones are skipped here) into segments.
 * `collectiveDate`: art. 121(4) entry into force for all, when known.
 */
export function buildHistory(
  instrument: Instrument,
  events: readonly ParticipationEvent[],
  collectiveDate: IsoDate | null = null,
): StateHistory {
  const rule = instrument.entryIntoForceRule;
  const windows: StateHistory['uncertainWindows'] = [];
  const ignored: StateHistory['ignored'] = [];

  const steps: { event: ParticipationEvent & { date: IsoDate }; at: IsoDate }[] = [];
  for (const event of events) {
    if (event.attestation === 'unverified' || DECLARATION_KINDS.has(event.kind)) continue;
    if (event.date === null) {
      ignored.push({ eventId: event.id, reason: 'date unknown: cannot be placed in time', at: null });
      windows.push({ from: null, to: null });
      continue;
    }
    // A coarse signature withdrawal counts from the start of its period (README: coarse dates).
    const at = event.kind === 'signature-withdrawn' ? event.date : appliedOn(event.date, event.datePrecision);
    steps.push({ event: { ...event, date: event.date }, at });
  }
  steps.sort(
    (a, b) =>
      a.at.localeCompare(b.at) ||
      (SAME_DAY_ORDER[a.event.kind] ?? 9) - (SAME_DAY_ORDER[b.event.kind] ?? 9) ||
      a.event.id.localeCompare(b.event.id),
  );

  let r: Replay = {
    phase: 'none',
    signature: null,
    signatureWithdrawn: false,
    consent: null,
    entryIntoForce: null,
    withdrawal: null,
    signatureIds: [],
    cycleIds: [],
    withdrawalNotified: null,
    revokedWithdrawals: [],
  };
  // What the state was before its current consent, restored if the consent is withdrawn.
  let beforeConsent: Replay | null = null;
  const timers: { entryIntoForce: IsoDate | null; withdrawalEffect: IsoDate | null } = {
    entryIntoForce: null,
    withdrawalEffect: null,
  };

  const snapshot = (): StatusDetail => ({
    signature: r.signature,
    consent: r.consent,
    entryIntoForce: r.entryIntoForce,
    withdrawal: r.withdrawal,
    jurisdictionFrom: jurisdictionFrom(rule, r.entryIntoForce?.date ?? null),
    revokedWithdrawals: [...r.revokedWithdrawals],
    eventIds: [...r.signatureIds, ...r.cycleIds],
  });
  const segments: Segment[] = [{ from: null, status: 'no-action', detail: snapshot() }];
  const record = (at: IsoDate, fromPrecision: DatePrecision = 'day'): void => {
    const segment: Segment = { from: at, fromPrecision, status: statusOf(r), detail: snapshot() };
    // Several changes on one day: the day ends in the last one.
    if (segments[segments.length - 1]!.from === at) segments[segments.length - 1] = segment;
    else segments.push(segment);
  };

  const fireTimers = (upTo: IsoDate | null): void => {
    for (;;) {
      const eif = timers.entryIntoForce;
      const effect = timers.withdrawalEffect;
      const due = (d: IsoDate | null): d is IsoDate => d !== null && (upTo === null || d <= upTo);
      if (due(eif) && (!due(effect) || eif <= effect)) {
        r.phase = 'in-force';
        timers.entryIntoForce = null;
        record(eif);
      } else if (due(effect)) {
        r.phase = 'left';
        timers.entryIntoForce = null;
        timers.withdrawalEffect = null;
        record(effect);
      } else return;
    }
  };

  for (const { event, at } of steps) {
    fireTimers(at);
    const ignore = (reason: string): void => {
      ignored.push({ eventId: event.id, reason, at });
    };
    const coarse = event.datePrecision !== 'day';
    const bound = r.phase === 'consented' || r.phase === 'in-force';

    if (event.kind === 'signature') {
      if (r.signature) {
        ignore('signature already recorded');
        continue;
      }
      r.signature = { date: event.date, precision: event.datePrecision };
      r.signatureIds.push(event.id);
    } else if (isConsentKind(event.kind)) {
      if (bound) {
        ignore('consent already deposited');
        continue;
      }
      beforeConsent = { ...r, signatureIds: [...r.signatureIds], cycleIds: [...r.cycleIds] };
      const kind = event.kind;
      // A succession takes effect from the date of State succession, which no treaty rule computes.
      const succession = kind === 'succession';
      // The date of effect computed from a (possibly conservative) deposit date.
      const computeFrom = (deposit: IsoDate): IsoDate | null => (succession ? null : entryIntoForceFor(rule, deposit, collectiveDate));
      const computed = computeFrom(at);
      r.phase = 'consented';
      r.consent = { date: event.date, kind, precision: event.datePrecision };
      r.entryIntoForce = event.effectiveDate
        ? { date: event.effectiveDate, computed: false }
        : computed === null
          ? null
          : { date: computed, computed: true };
      r.withdrawal = null;
      r.withdrawalNotified = null;
      r.revokedWithdrawals = [];
      r.cycleIds = [event.id];
      timers.entryIntoForce = null;
      // Bound from the notification of succession at the latest: the first date the events show it.
      if ((succession && !event.effectiveDate) || (r.entryIntoForce && r.entryIntoForce.date <= at)) r.phase = 'in-force';
      else if (r.entryIntoForce) timers.entryIntoForce = r.entryIntoForce.date;
      if (coarse && !event.effectiveDate && computed !== null) {
        const earliest = computeFrom(event.date);
        if (earliest !== null && earliest < computed) windows.push({ from: earliest, to: computed });
      }
    } else if (event.kind === 'consent-withdrawn') {
      if (r.phase !== 'consented' || !beforeConsent) {
        ignore(r.phase === 'in-force' ? 'consent already in force: only a withdrawal can end it' : 'no consent to withdraw');
        continue;
      }
      const consentIds = r.cycleIds;
      r = { ...beforeConsent, cycleIds: [...beforeConsent.cycleIds, ...consentIds, event.id] };
      beforeConsent = null;
      timers.entryIntoForce = null;
      timers.withdrawalEffect = null;
    } else if (event.kind === 'signature-withdrawn') {
      if (bound) {
        ignore('a state bound by its consent cannot withdraw its signature');
        continue;
      }
      r.signatureWithdrawn = true;
      r.signatureIds.push(event.id);
    } else if (event.kind === 'withdrawal-notified') {
      if (!bound) {
        ignore('no consent to withdraw from');
        continue;
      }
      if (r.withdrawal) {
        ignore('a withdrawal is already pending');
        continue;
      }
      const effect = withdrawalEffectiveFor(instrument.withdrawalRule, at, event.effectiveDate);
      r.withdrawal = { notified: event.date, effective: effect.date, computed: effect.computed };
      r.withdrawalNotified = { date: event.date, precision: event.datePrecision };
      r.cycleIds.push(event.id);
      if (effect.date !== null && effect.date <= at) r.phase = 'left';
      else timers.withdrawalEffect = effect.date;
      if (coarse && effect.computed && effect.date !== null) {
        const earliest = withdrawalEffectiveFor(instrument.withdrawalRule, event.date, event.effectiveDate).date;
        if (earliest !== null && earliest < effect.date) windows.push({ from: earliest, to: effect.date });
      }
    } else if (event.kind === 'withdrawal-revoked') {
      if (!r.withdrawal || r.phase === 'left') {
        ignore('no pending withdrawal to revoke');
        continue;
      }
      if (r.withdrawalNotified) {
        r.revokedWithdrawals = [
          ...r.revokedWithdrawals,
          { notified: r.withdrawalNotified, revoked: { date: event.date, precision: event.datePrecision } },
        ];
      }
      r.withdrawal = null;
      r.withdrawalNotified = null;
      r.cycleIds.push(event.id);
      timers.withdrawalEffect = null;
    }
    if (coarse) windows.push({ from: event.date, to: startOfNextPeriod(event.date, event.datePrecision) });
    record(at, event.kind === 'signature-withdrawn' ? event.datePrecision : 'day');
  }
  fireTimers(null);
  return { segments, uncertainWindows: windows, reportWindows: [], ignored };
}

/**
 * The date ranges in which an unconfirmed report, replayed as if confirmed, gives another status
 * than the confirmed events do. Each unverified dated status event is tried on its own.
 */
function reportWindows(
  instrument: Instrument,
  events: readonly ParticipationEvent[],
  own: StateHistory,
  collectiveDate: IsoDate | null,
): StateHistory['reportWindows'] {
  const windows: StateHistory['reportWindows'] = [];
  for (const report of events) {
    if (report.attestation !== 'unverified' || report.date === null || DECLARATION_KINDS.has(report.kind)) continue;
    const confirmed = events.map((e) => (e === report ? { ...e, attestation: 'news-report' as const } : e));
    const alternative = buildHistory(instrument, confirmed, collectiveDate);
    const dates = [
      ...new Set([...own.segments, ...alternative.segments].map((seg) => seg.from).filter((d): d is IsoDate => d !== null)),
    ].sort();
    let open: IsoDate | null = null;
    for (const date of dates) {
      const differs = segmentAt(own, date).status !== segmentAt(alternative, date).status;
      if (differs && open === null) open = date;
      if (!differs && open !== null) {
        windows.push({ from: open, to: date, eventId: report.id });
        open = null;
      }
    }
    if (open !== null) windows.push({ from: open, to: null, eventId: report.id });
  }
  return windows;
}

/** The segment in force on `date` (segments are in date order). */
export function segmentAt(history: StateHistory, date: IsoDate): Segment {
  const { segments } = history;
  for (let i = segments.length - 1; i > 0; i--) {
    if (segments[i]!.from! <= date) return segments[i]!;
  }
  return segments[0]!;
}

/**
 * Art. 121(4) "for all": once the amendment is in force, it binds every State Party of the parent,
 * whether or not it accepted; and it binds nobody who is not bound by the parent (an acceptance
 * deposited with a ratification of the Statute waits for the Statute). Re-cuts the state's own
 * history at the parent's boundaries. A pending or completed withdrawal of the state's own is kept.
 */
function withParentOverlay(own: StateHistory, parent: ParentEvents, collectiveDate: IsoDate): StateHistory {
  const parentHistory = buildHistory(parent.instrument, parent.events);
  const boundaries = [
    ...new Set(
      [collectiveDate, ...own.segments.map((s) => s.from), ...parentHistory.segments.map((s) => s.from)].filter(
        (d): d is IsoDate => d !== null && d >= collectiveDate,
      ),
    ),
  ].sort();
  const segments = own.segments.filter((s) => s.from === null || s.from < collectiveDate);
  for (const date of boundaries) {
    const mine = segmentAt(own, date);
    const theirs = segmentAt(parentHistory, date);
    const keepOwn = mine.status === 'withdrawal-pending' || mine.status === 'withdrawn';
    if (!keepOwn && BOUND.has(theirs.status)) {
      const parentInForce = theirs.detail.entryIntoForce?.date ?? date;
      segments.push({
        from: date,
        status: 'party',
        detail: {
          ...mine.detail,
          entryIntoForce: { date: laterOf(collectiveDate, parentInForce), computed: true },
          eventIds: [...mine.detail.eventIds, ...theirs.detail.eventIds],
        },
      });
    } else if (!keepOwn && mine.status === 'party') {
      // Accepted, but not (yet) bound by the parent: in force when the parent is, if that is known.
      const parentInForce = theirs.status === 'party-not-in-force' ? theirs.detail.entryIntoForce : null;
      segments.push({
        from: date,
        status: 'party-not-in-force',
        detail: {
          ...mine.detail,
          entryIntoForce: parentInForce ? { date: laterOf(collectiveDate, parentInForce.date), computed: true } : null,
        },
      });
    } else {
      segments.push({ ...mine, from: date });
    }
  }
  return {
    segments,
    uncertainWindows: [...own.uncertainWindows, ...parentHistory.uncertainWindows],
    reportWindows: own.reportWindows,
    ignored: own.ignored,
  };
}

/** One state's full history under an instrument, with the art. 121(4) context when relevant. */
export function stateHistory(instrument: Instrument, events: readonly ParticipationEvent[], context: StatusContext = {}): StateHistory {
  const collectiveDate = context.collective?.entryIntoForce ?? null;
  const confirmed = buildHistory(instrument, events, collectiveDate);
  const own = { ...confirmed, reportWindows: reportWindows(instrument, events, confirmed, collectiveDate) };
  if (instrument.entryIntoForceRule.kind !== 'seven-eighths-of-parent-parties') return own;
  if (collectiveDate === null || !context.parent) return own;
  return withParentOverlay(own, context.parent, collectiveDate);
}

// ---------------------------------------------------------------------------------------------
// Results

function declarationsOn(events: readonly ParticipationEvent[], asOf: IsoDate): Declaration[] {
  const relevant = events
    .filter((e) => e.attestation !== 'unverified' && DECLARATION_KINDS.has(e.kind))
    // Undated declarations are listed (they never change a status; the reader sees date null).
    .filter((e) => e.date === null || appliedOn(e.date, e.datePrecision) <= asOf)
    .sort((a, b) => (a.date ?? '').localeCompare(b.date ?? '') || a.id.localeCompare(b.id));
  const list: Declaration[] = [];
  for (const e of relevant) {
    if (e.kind === 'reservation-withdrawn') {
      const withdrawn = { date: e.date, eventId: e.id };
      const reservation = list.findLast((d) => d.kind === 'reservation' && d.article === e.article && !d.withdrawn);
      if (reservation) reservation.withdrawn = withdrawn;
      // A reservation known only from its withdrawal (UNCAT art. 28(1) opt-outs withdrawn).
      else list.push({ eventId: e.id, kind: 'reservation', article: e.article, date: null, precision: e.datePrecision, withdrawn });
    } else {
      list.push({
        eventId: e.id,
        kind: e.kind === 'reservation' ? 'reservation' : 'declaration',
        article: e.article,
        date: e.date,
        precision: e.datePrecision,
        withdrawn: null,
      });
    }
  }
  return list;
}

/** Reads the result on `asOf` out of a history. */
export function resultFromHistory(history: StateHistory, events: readonly ParticipationEvent[], asOf: IsoDate): StatusResult {
  const { segments } = history;
  let index = segments.length - 1;
  while (index > 0 && segments[index]!.from! > asOf) index--;
  const current = segments[index]!;
  // A party's run includes a withdrawal that was pending and then revoked: it stayed bound.
  const sameRun = (status: Status) => status === current.status || (current.status === 'party' && status === 'withdrawal-pending');
  let start = index;
  while (start > 0 && sameRun(segments[start - 1]!.status)) start--;
  const covers = (w: { from: IsoDate | null; to: IsoDate | null }) => (w.from === null || w.from <= asOf) && (w.to === null || asOf < w.to);
  const reportIds = new Set(history.reportWindows.filter(covers).map((w) => w.eventId));
  return {
    status: current.status,
    since: segments[start]!.from,
    sincePrecision: segments[start]!.fromPrecision ?? 'day',
    ...current.detail,
    declarations: declarationsOn(events, asOf),
    unconfirmedReports: events.filter((e) => e.attestation === 'unverified' && (e.date === null || e.date <= asOf)),
    uncertainReports: events.filter((e) => reportIds.has(e.id)),
    uncertain: history.uncertainWindows.some(covers) || reportIds.size > 0,
    ignoredEvents: history.ignored.filter((i) => i.at === null || i.at <= asOf).map(({ eventId, reason }) => ({ eventId, reason })),
  };
}

function checkEvents(instrumentId: InstrumentId, events: readonly ParticipationEvent[], oneState: boolean): void {
  const state = events[0]?.stateIso3;
  for (const e of events) {
    if (e.instrumentId !== instrumentId) {
      throw new TypeError(`Expected events of instrument "${instrumentId}", got event ${e.id} of "${e.instrumentId}"`);
    }
    if (oneState && e.stateIso3 !== state) {
      throw new TypeError(`Expected the events of one state, got ${state} and ${e.stateIso3} (event ${e.id})`);
    }
    if (e.date !== null) assertIsoDate(e.date);
    if (e.effectiveDate !== null) assertIsoDate(e.effectiveDate);
  }
}

/**
 * The status of one state under `instrument` on `asOf`, from that state's events.
 * For art. 121(4) instruments pass `context` (see `StatusContext`); `instrumentStatus` does it.
 */
export function statusOn(
  instrument: Instrument,
  eventsOfOneState: readonly ParticipationEvent[],
  asOf: IsoDate,
  context: StatusContext = {},
): StatusResult {
  assertIsoDate(asOf);
  checkEvents(instrument.id, eventsOfOneState, true);
  return resultFromHistory(stateHistory(instrument, eventsOfOneState, context), eventsOfOneState, asOf);
}

function groupByState(events: readonly ParticipationEvent[]): Map<string, ParticipationEvent[]> {
  const byState = new Map<string, ParticipationEvent[]>();
  for (const e of events) {
    const list = byState.get(e.stateIso3);
    if (list) list.push(e);
    else byState.set(e.stateIso3, [e]);
  }
  return byState;
}

/**
 * Art. 121(4) (the art. 124 deletion): the first date on which the states that accepted the
 * amendment, and are then parties to the parent (in force, a pending withdrawal included), number
 * at least seven-eighths (rounded up) of the parent's parties on that date; the amendment enters
 * into force for all one year later. Null while that has not happened. The count is checked only
 * at dates where one of the two numbers can change (segment boundaries), not on every day.
 */
export function collectiveEntryIntoForce(
  instrument: Instrument,
  allEventsOfInstrument: readonly ParticipationEvent[],
  parent: ParentEvents,
): CollectiveEntryIntoForce | null {
  const rule = instrument.entryIntoForceRule;
  if (rule.kind !== 'seven-eighths-of-parent-parties') {
    throw new TypeError(`Expected an instrument under art. 121(4), got rule "${rule.kind}" for "${instrument.id}"`);
  }
  if (parent.instrument.id !== rule.parent) {
    throw new TypeError(`Expected the events of "${rule.parent}", got "${parent.instrument.id}"`);
  }
  checkEvents(instrument.id, allEventsOfInstrument, false);
  checkEvents(parent.instrument.id, parent.events, false);
  const acceptances = [...groupByState(allEventsOfInstrument)].map(([iso3, events]) => [iso3, buildHistory(instrument, events)] as const);
  const parentHistories = new Map(
    [...groupByState(parent.events)].map(([iso3, events]) => [iso3, buildHistory(parent.instrument, events)]),
  );
  const dates = new Set<IsoDate>();
  for (const history of [...acceptances.map(([, h]) => h), ...parentHistories.values()]) {
    for (const s of history.segments) if (s.from !== null) dates.add(s.from);
  }
  for (const date of [...dates].sort()) {
    let parties = 0;
    for (const history of parentHistories.values()) if (BOUND.has(segmentAt(history, date).status)) parties++;
    let accepted = 0;
    for (const [iso3, history] of acceptances) {
      const parentHistory = parentHistories.get(iso3);
      if (parentHistory && BOUND.has(segmentAt(parentHistory, date).status) && CONSENTED.has(segmentAt(history, date).status)) {
        accepted++;
      }
    }
    if (parties > 0 && accepted >= sevenEighthsThreshold(parties)) {
      return { reachedOn: date, entryIntoForce: addYears(date, 1) };
    }
  }
  return null;
}

export function emptyCounts(): Record<Status, number> {
  return Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
}

/**
 * Histories of the listed states (shared by `instrumentStatus` and timeline.ts). For art. 121(4)
 * instruments the parent is required, and `collective` is what `collectiveEntryIntoForce` gives.
 */
export function stateHistories(
  instrument: Instrument,
  allEventsOfInstrument: readonly ParticipationEvent[],
  states: readonly string[],
  collective: CollectiveEntryIntoForce | null,
  parent?: ParentEvents,
): Map<string, { history: StateHistory; events: ParticipationEvent[] }> {
  const byState = groupByState(allEventsOfInstrument);
  const parentByState = parent ? groupByState(parent.events) : new Map<string, ParticipationEvent[]>();
  const result = new Map<string, { history: StateHistory; events: ParticipationEvent[] }>();
  for (const iso3 of states) {
    const events = byState.get(iso3) ?? [];
    const context: StatusContext = { collective };
    if (parent) context.parent = { instrument: parent.instrument, events: parentByState.get(iso3) ?? [] };
    result.set(iso3, { history: stateHistory(instrument, events, context), events });
  }
  return result;
}

/** For art. 121(4) instruments: the collective date, or a TypeError when the parent is missing. */
export function collectiveFor(
  instrument: Instrument,
  allEventsOfInstrument: readonly ParticipationEvent[],
  parent: ParentEvents | undefined,
): CollectiveEntryIntoForce | null {
  if (instrument.entryIntoForceRule.kind !== 'seven-eighths-of-parent-parties') return null;
  if (!parent) {
    throw new TypeError(
      `Instrument "${instrument.id}" enters into force under art. 121(4): pass the events of "${instrument.entryIntoForceRule.parent}"`,
    );
  }
  return collectiveEntryIntoForce(instrument, allEventsOfInstrument, parent);
}

/**
 * Every listed state's status on `asOf`, and the number of states in each status.
 * `states` is the list of ISO3 codes to report (states without events are 'no-action').
 * `parent`: required for art. 121(4) instruments (the art. 124 deletion needs the Statute's events).
 */
export function instrumentStatus(
  instrument: Instrument,
  allEventsOfInstrument: readonly ParticipationEvent[],
  states: readonly string[],
  asOf: IsoDate,
  parent?: ParentEvents,
): InstrumentStatus {
  assertIsoDate(asOf);
  checkEvents(instrument.id, allEventsOfInstrument, false);
  const collective = collectiveFor(instrument, allEventsOfInstrument, parent);
  // A threshold reached after `asOf` was not yet known on `asOf`.
  const known = collective && collective.reachedOn <= asOf ? collective : null;
  const result: Record<string, StatusResult> = {};
  const counts = emptyCounts();
  for (const [iso3, { history, events }] of stateHistories(instrument, allEventsOfInstrument, states, known, parent)) {
    const status = resultFromHistory(history, events, asOf);
    result[iso3] = status;
    counts[status.status]++;
  }
  return {
    instrumentId: instrument.id,
    asOf,
    collectiveEntryIntoForce: known?.entryIntoForce ?? null,
    states: result,
    counts,
  };
}
