/**
 * Words for statuses and the dates behind them, from the message catalogue. Pure functions of a
 * translator, so the map's tooltip, its `<title>` fallback and the summary sentence say the same
 * thing and can be tested without a page.
 */
import type { TFunction } from 'i18next';
import type { InstrumentStatusRow, Status } from '$lib/api-types';
import { formatDate, formatList } from '$lib/dates';
import { STATUSES } from '$lib/status';

/** What a map or table shows of one state's status: the API row without its event ids. */
export interface StatusRow {
  iso3: string;
  status: Status;
  since: string | null;
  signature: InstrumentStatusRow['signature'];
  consent: InstrumentStatusRow['consent'];
  entryIntoForce: InstrumentStatusRow['entryIntoForce'];
  withdrawal: InstrumentStatusRow['withdrawal'];
  uncertain: boolean;
  sourceIds: string[];
  /** How many unconfirmed reports there are about this state (shown, never applied). */
  unconfirmed: number;
}

/** The part of an API status row that pages send to the browser. */
export function toStatusRow(row: InstrumentStatusRow): StatusRow {
  return {
    iso3: row.iso3,
    status: row.status,
    since: row.since,
    signature: row.signature,
    consent: row.consent,
    entryIntoForce: row.entryIntoForce,
    withdrawal: row.withdrawal,
    uncertain: row.uncertain,
    sourceIds: row.sourceIds,
    unconfirmed: row.unconfirmedReports.length,
  };
}

interface TextOptions {
  t: TFunction;
  locale: string;
}

/** "Withdrawn since 27 Oct 2017", "Signatory since 18 Jul 1998", "No action". */
export function statusWithSince(row: Pick<StatusRow, 'status' | 'since'>, { t, locale }: TextOptions): string {
  const label = t(`status.${row.status}`);
  return row.since ? t('facts.since', { status: label, date: formatDate(row.since, locale) }) : label;
}

/**
 * The dates behind a status, one line each, for tooltips: signature, consent, entry into force,
 * withdrawal, and warnings (uncertain dates, unconfirmed reports). Missing dates say "not recorded".
 */
export function statusFacts(row: StatusRow, { t, locale }: TextOptions): string[] {
  const date = (d: { date: string; precision?: 'day' | 'month' | 'year' } | null) =>
    d ? formatDate(d.date, locale, d.precision ?? 'day') : t('common.notRecorded');
  const lines = [
    t('facts.signature', { date: date(row.signature) }),
    row.consent
      ? t('facts.consent', { kind: t(`eventKind.${row.consent.kind}`), date: date(row.consent) })
      : t('facts.consentNone', { date: t('common.notRecorded') }),
    t(row.entryIntoForce?.computed ? 'facts.entryIntoForceComputed' : 'facts.entryIntoForce', { date: date(row.entryIntoForce) }),
  ];
  if (row.withdrawal) {
    lines.push(
      t('facts.withdrawal', {
        notified: formatDate(row.withdrawal.notified, locale),
        effective: row.withdrawal.effective ? formatDate(row.withdrawal.effective, locale) : t('common.notRecorded'),
      }),
    );
  }
  if (row.uncertain) lines.push(t('facts.uncertain'));
  if (row.unconfirmed > 0) lines.push(t('facts.unconfirmed', { count: row.unconfirmed }));
  return lines;
}

/** Counts per status in the legend's order, including zeros. */
export function orderedCounts(counts: Partial<Record<Status, number>>): { status: Status; count: number }[] {
  return STATUSES.map((status) => ({ status, count: counts[status] ?? 0 }));
}

/**
 * The one-sentence summary above a map: "Rome Statute on 23 Nov 2026, all 197 states: 124
 * parties, 25 signatories, … and 41 states with no action." Statuses nobody has are left out.
 */
export function summarySentence(
  {
    instrument,
    asOf,
    counts,
    filtered,
  }: { instrument: string; asOf: string; counts: Partial<Record<Status, number>>; filtered: boolean },
  { t, locale }: TextOptions,
): string {
  const ordered = orderedCounts(counts);
  const total = ordered.reduce((sum, { count }) => sum + count, 0);
  const parts = ordered.filter(({ count }) => count > 0).map(({ status, count }) => t(`statusCount.${status}`, { count }));
  return t('map.summary', {
    instrument,
    date: formatDate(asOf, locale),
    scope: t(filtered ? 'map.scopeFiltered' : 'map.scopeAll', { count: total }),
    list: parts.length > 0 ? formatList(parts, locale) : t('map.nobody'),
  });
}
