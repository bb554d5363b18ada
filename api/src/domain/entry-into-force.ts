/**
 * Entry-into-force and withdrawal dates, computed from the treaty rules in types.ts.
 *
 * Dates are ISO `YYYY-MM-DD` strings. The arithmetic is done on UTC calendar dates with plain
 * `Date.UTC` on purpose: date-fns' addDays/addYears work in the machine's local time zone, so
 * `new Date('2024-02-29')` (UTC midnight) becomes 28 February on any machine west of Greenwich.
 * Calendar dates have no time zone; UTC arithmetic keeps them exact everywhere.
 */
import type { DatePrecision, EntryIntoForceRule, IsoDate, WithdrawalRule } from './types.js';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Splits an ISO date into numbers; throws a TypeError on anything that is not a real calendar day. */
function parts(date: IsoDate): { year: number; month: number; day: number } {
  const match = ISO_DATE.exec(date);
  if (match) {
    const year = Number(match[1]);
    const month = Number(match[2]);
    const day = Number(match[3]);
    // Round-trip through Date.UTC rejects 2023-02-29, 2024-13-01 and the like.
    if (month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)) return { year, month, day };
  }
  throw new TypeError(`Expected an ISO date YYYY-MM-DD, got ${JSON.stringify(date)}`);
}

function daysInMonth(year: number, month: number): number {
  // Day 0 of the next month is the last day of this one.
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function format(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Throws a TypeError unless `date` is a real calendar day written `YYYY-MM-DD`. */
export function assertIsoDate(date: IsoDate): void {
  parts(date);
}

/** `date` plus `days` calendar days (negative to go back). */
export function addDays(date: IsoDate, days: number): IsoDate {
  const { year, month, day } = parts(date);
  const utc = new Date(Date.UTC(year, month - 1, day + days));
  return format(utc.getUTCFullYear(), utc.getUTCMonth() + 1, utc.getUTCDate());
}

/**
 * Same day `years` later. 29 February falls back to 28 February in a common year (one year after
 * 2024-02-29 is 2025-02-28), as date-fns' addYears does and as the European Convention on the
 * Calculation of Time-Limits (art. 4(4)) does: a period never ends in the month after.
 */
export function addYears(date: IsoDate, years: number): IsoDate {
  const { year, month, day } = parts(date);
  const target = year + years;
  return format(target, month, Math.min(day, daysInMonth(target, month)));
}

/** The first day of the month after the month of `date` (2024-12-24 -> 2025-01-01). */
export function firstDayOfNextMonth(date: IsoDate): IsoDate {
  const { year, month } = parts(date);
  return month === 12 ? format(year + 1, 1, 1) : format(year, month + 1, 1);
}

/**
 * The first day after the period that `date` opens: the next day, month or year.
 * An event known only to the month or year is taken to have happened by then (see status-engine.ts).
 */
export function startOfNextPeriod(date: IsoDate, precision: DatePrecision): IsoDate {
  if (precision === 'day') return addDays(date, 1);
  if (precision === 'month') return firstDayOfNextMonth(date);
  return format(parts(date).year + 1, 1, 1);
}

/** The later of two ISO dates (string order is date order for `YYYY-MM-DD`). */
export function laterOf(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

/**
 * The date a state's consent takes effect for it, or null when that does not depend on the state
 * alone (art. 121(4): see `collectiveEntryIntoForce` in status-engine.ts, passed in here).
 *
 * - first-of-month-after-days (Rome Statute art. 126(2)): "the 60th day following deposit" is
 *   deposit + 60 days; the state is bound from the first day of the next month, never before the
 *   Statute's own entry into force (Ukraine 2024-10-25 -> 60th day 2024-12-24 -> 2025-01-01).
 * - days-after-deposit (UNCAT art. 27(2), OPCAT art. 28(2), APIC art. 35(2)): "the thirtieth day
 *   after the date of deposit" is deposit + 30 days (Tuvalu, UNCAT, 2024-03-25 -> 2024-04-24). The
 *   same count applied to the 20th UNCAT instrument (Denmark, 1987-05-27) gives the Convention's
 *   own date, 1987-06-26, which confirms the convention.
 * - one-year-after-deposit (art. 121(5)): deposit + 1 year, for the aggression amendments too. The
 *   activation of the Court's jurisdiction over aggression (`activatedOn`) does not delay entry into
 *   force: it is a separate date (see `jurisdictionFrom`).
 * - seven-eighths-of-parent-parties (art. 121(4)): in force for all on `collectiveDate`; a later
 *   acceptance is in force from its own deposit.
 */
export function entryIntoForceFor(rule: EntryIntoForceRule, consentDate: IsoDate, collectiveDate: IsoDate | null = null): IsoDate | null {
  switch (rule.kind) {
    case 'first-of-month-after-days':
      return laterOf(firstDayOfNextMonth(addDays(consentDate, rule.days)), rule.generalEntryIntoForce);
    case 'days-after-deposit':
      return laterOf(addDays(consentDate, rule.days), rule.generalEntryIntoForce);
    case 'one-year-after-deposit':
      return addYears(consentDate, 1);
    case 'seven-eighths-of-parent-parties':
      assertIsoDate(consentDate);
      return collectiveDate === null ? null : laterOf(collectiveDate, consentDate);
  }
}

/**
 * Aggression amendments: the Court may exercise jurisdiction over the crime of aggression for a
 * State from the later of the amendments' entry into force for it and the activation of that
 * jurisdiction (ICC-ASP/16/Res.5, 17 July 2018). Null under any other rule or without an entry into force.
 */
export function jurisdictionFrom(rule: EntryIntoForceRule, entryIntoForce: IsoDate | null): IsoDate | null {
  if (rule.kind !== 'one-year-after-deposit' || rule.activatedOn === null || entryIntoForce === null) return null;
  return laterOf(entryIntoForce, rule.activatedOn);
}

/**
 * When a withdrawal / denunciation takes effect. Rome Statute art. 127(1), APIC art. 37, UNCAT
 * art. 31(1), OPCAT art. 33(1): one year after the notification is received, "unless the
 * notification specifies a later date". So a stated date wins only when it is not earlier than the
 * one-year minimum (computed: false); otherwise the minimum applies (computed: true).
 * Under a rule of kind 'none' a withdrawal has no treaty date of effect: only a stated date is used,
 * else `date` is null and the withdrawal stays pending.
 */
export function withdrawalEffectiveFor(
  rule: WithdrawalRule,
  notifiedOn: IsoDate,
  statedEffective: IsoDate | null,
): { date: IsoDate | null; computed: boolean } {
  if (rule.kind === 'none') return { date: statedEffective, computed: false };
  const earliest = addYears(notifiedOn, 1);
  if (statedEffective !== null && statedEffective >= earliest) return { date: statedEffective, computed: false };
  return { date: earliest, computed: true };
}

/** Art. 121(4): acceptances needed from `parentParties` States Parties (seven-eighths, rounded up). */
export function sevenEighthsThreshold(parentParties: number): number {
  if (!Number.isInteger(parentParties) || parentParties < 0) {
    throw new TypeError(`Expected a non-negative whole number of States Parties, got ${parentParties}`);
  }
  return Math.ceil((parentParties * 7) / 8);
}
