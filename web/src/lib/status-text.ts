/**
 * Words for statuses and the dates behind them, from the message catalogue. Pure functions of a
 * translator, so the map's tooltip, its `<title>` fallback and the summary sentence say the same
 * thing and can be tested without a page.
 */
import type { TFunction } from 'i18next';
import type { InstrumentId } from '@tracker/api/domain';
import type { InstrumentStatusRow, SourceRef, Status } from '$lib/api-types';
import { missingSignature } from '$lib/absence';
import { formatDate, formatList } from '$lib/dates';
import { STATUSES } from '$lib/status';

/** What a map or table shows of one state's status: the API row without its event ids. */
export interface StatusRow {
  iso3: string;
  status: Status;
  since: string | null;
  sincePrecision: InstrumentStatusRow['sincePrecision'];
  signature: InstrumentStatusRow['signature'];
  consent: InstrumentStatusRow['consent'];
  entryIntoForce: InstrumentStatusRow['entryIntoForce'];
  withdrawal: InstrumentStatusRow['withdrawal'];
  revokedWithdrawals: InstrumentStatusRow['revokedWithdrawals'];
  jurisdictionFrom: string | null;
  uncertain: boolean;
  sourceIds: string[];
  /** How many unconfirmed reports there are about this state (shown, never applied). */
  unconfirmed: number;
  /** The unconfirmed reports that would change this status, and who reports them. */
  reports: Report[];
}

/** An unconfirmed report that would change a status: what is reported, when, and by whom. */
export interface Report {
  kind: InstrumentStatusRow['uncertainReports'][number]['kind'];
  date: string | null;
  precision: 'day' | 'month' | 'year';
  reportedBy: string;
}

/** The part of an API status row that pages send to the browser; `sources` name who reports what. */
export function toStatusRow(row: InstrumentStatusRow, sources: SourceRef[] = []): StatusRow {
  const titles = new Map(sources.map((s) => [s.id, s.title]));
  return {
    iso3: row.iso3,
    status: row.status,
    since: row.since,
    sincePrecision: row.sincePrecision,
    signature: row.signature,
    consent: row.consent,
    entryIntoForce: row.entryIntoForce,
    withdrawal: row.withdrawal,
    revokedWithdrawals: row.revokedWithdrawals,
    jurisdictionFrom: row.jurisdictionFrom,
    uncertain: row.uncertain,
    sourceIds: row.sourceIds,
    unconfirmed: row.unconfirmedReports.length,
    reports: row.uncertainReports.map((r) => ({
      kind: r.kind,
      date: r.date,
      precision: r.datePrecision,
      reportedBy: titles.get(r.sourceId) ?? r.sourceId,
    })),
  };
}

interface TextOptions {
  t: TFunction;
  locale: string;
  /** The instrument the row is about, where known (its amendments are never signed). */
  instrumentId?: InstrumentId;
}

/** "Withdrawn since 27 Oct 2017", "Signatory since 18 Jul 1998", "Signature withdrawn since 2002", "No action". */
export function statusWithSince(
  row: Pick<StatusRow, 'status' | 'since'> & Partial<Pick<StatusRow, 'sincePrecision'>>,
  { t, locale }: TextOptions,
): string {
  const label = t(`status.${row.status}`);
  return row.since ? t('facts.since', { status: label, date: formatDate(row.since, locale, row.sincePrecision ?? 'day') }) : label;
}

/**
 * The dates behind a status, one line each, for tooltips: signature, consent, entry into force,
 * withdrawal, and warnings (uncertain dates, unconfirmed reports). Missing dates say "not recorded",
 * and a missing signature of a State that acceded or succeeded "not applicable (accession)".
 */
export function statusFacts(row: StatusRow, { t, locale, instrumentId }: TextOptions): string[] {
  const date = (d: { date: string; precision?: 'day' | 'month' | 'year' } | null) =>
    d ? formatDate(d.date, locale, d.precision ?? 'day') : t('common.notRecorded');
  const lines = [
    t('facts.signature', { date: row.signature ? date(row.signature) : missingSignature(row.consent, t, instrumentId).text }),
    row.consent
      ? t('facts.consent', { kind: t(`eventKind.${row.consent.kind}`), date: date(row.consent) })
      : t('facts.consentNone', { date: t('common.notRecorded') }),
    // A succession takes effect from the date of State succession: never the notification's date.
    row.consent?.kind === 'succession' && !row.entryIntoForce
      ? t('facts.successionNotRecorded')
      : t(row.entryIntoForce?.computed ? 'facts.entryIntoForceComputed' : 'facts.entryIntoForce', { date: date(row.entryIntoForce) }),
  ];
  if (row.jurisdictionFrom) lines.push(t('facts.jurisdictionFrom', { date: formatDate(row.jurisdictionFrom, locale) }));
  if (row.withdrawal) {
    lines.push(
      t('facts.withdrawal', {
        notified: formatDate(row.withdrawal.notified, locale),
        effective: row.withdrawal.effective ? formatDate(row.withdrawal.effective, locale) : t('common.notRecorded'),
      }),
    );
  }
  for (const w of row.revokedWithdrawals) {
    lines.push(t('facts.withdrawalRevoked', { notified: date(w.notified), revoked: date(w.revoked) }));
  }
  for (const report of row.reports) lines.push(reportText(report, { t, locale }));
  if (row.uncertain && row.reports.length === 0) lines.push(t('facts.uncertain'));
  if (row.unconfirmed > 0) lines.push(t('facts.unconfirmed', { count: row.unconfirmed }));
  return lines;
}

/** "Status uncertain: withdrawal revoked reported for 29 May 2026 by <source>, unconfirmed". */
export function reportText(report: Report, { t, locale }: TextOptions): string {
  return t('facts.reported', {
    kind: t(`eventKind.${report.kind}`),
    date: report.date ? formatDate(report.date, locale, report.precision) : t('common.notRecorded'),
    source: report.reportedBy,
  });
}

/**
 * The headline count of States Parties as the depositary counts them (a State whose withdrawal
 * is pending is still bound), naming the pending ones: "125 States Parties (of which withdrawal pending: Hungary)".
 */
export function statesPartiesText({ count, pending }: { count: number; pending: string[] }, { t, locale }: TextOptions): string {
  return pending.length === 0
    ? t('map.statesParties', { count })
    : t('map.statesPartiesPending', { count, names: formatList(pending, locale) });
}

/** Counts per status in the legend's order, including zeros. */
export function orderedCounts(counts: Partial<Record<Status, number>>): { status: Status; count: number }[] {
  return STATUSES.map((status) => ({ status, count: counts[status] ?? 0 }));
}

/** The statuses the headline count of States Parties stands for: bound, withdrawal pending or not. */
const COUNTED_AS_STATES_PARTIES: readonly Status[] = ['party', 'withdrawal-pending'];

/**
 * The one-sentence summary above a map: "Rome Statute on 4 Dec 2026, all 197 states: 124 States
 * Parties, 25 signatories, … and 41 states with no action." Statuses nobody has are left out. With
 * the headline count, the statuses it stands for (party, withdrawal pending) are said in it instead
 * of again in the list.
 */
export function summarySentence(
  {
    instrument,
    asOf,
    counts,
    filtered,
    statesParties,
  }: {
    instrument: string;
    asOf: string;
    counts: Partial<Record<Status, number>>;
    filtered: boolean;
    /** The headline count; without it the sentence lists the statuses only. */
    statesParties?: { count: number; pending: string[] };
  },
  { t, locale }: TextOptions,
): string {
  const ordered = orderedCounts(counts);
  const total = ordered.reduce((sum, { count }) => sum + count, 0);
  const listed = statesParties ? ordered.filter(({ status }) => !COUNTED_AS_STATES_PARTIES.includes(status)) : ordered;
  const parts = listed.filter(({ count }) => count > 0).map(({ status, count }) => t(`statusCount.${status}`, { count }));
  if (statesParties) parts.unshift(statesPartiesText(statesParties, { t, locale }));
  return t('map.summary', {
    instrument,
    date: formatDate(asOf, locale),
    scope: t(filtered ? 'map.scopeFiltered' : 'map.scopeAll', { count: total }),
    list: parts.length > 0 ? formatList(parts, locale) : t('map.nobody'),
  });
}
