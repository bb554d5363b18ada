/**
 * A state's CAT reporting history on its profile: the rows of the history table (each report
 * with its recorded round and the follow-up to it) and a small timeline of reports due and
 * received, the Committee's dialogues and concluding observations, and follow-up. Computed on the
 * server; the page receives finished coordinates, so no d3 code reaches the browser.
 */
import { scaleLinear } from 'd3-scale';
import type { TFunction } from 'i18next';
import type { CatReportingDetail } from '$lib/api-types';
import {
  daysText,
  dueText,
  obligationLabel,
  ordinal,
  overdueStatement,
  reportName,
  type CatFollowUpObligation,
  type CatReportObligation,
} from '$lib/cat-reporting';
import { yearStep } from '$lib/charts/timeline';
import { daysBetween, formatDate, isoToUtc, type DatePrecision } from '$lib/dates';

export type CatRecord = CatReportingDetail['records'][number];
type Span = { from: string; to: string; precision: DatePrecision };

interface TextOptions {
  t: TFunction;
  locale: string;
}

const formattingLocale = (locale: string) => (locale === 'en' ? 'en-GB' : locale);

/** A span of days as the source gives it: "16–17 Nov 2021", "26 Nov 2021", "November 2009". */
export function formatSpan(span: Span, locale: string): string {
  if (span.from === span.to || span.precision !== 'day') return formatDate(span.from, locale, span.precision);
  const formatter = new Intl.DateTimeFormat(formattingLocale(locale), { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });
  return formatter.formatRange(isoToUtc(span.from), isoToUtc(span.to));
}

// ---------------------------------------------------------------------------------------------
// History table

export interface HistoryRow {
  /** The report obligation; null for a follow-up whose report the record does not identify. */
  report: CatReportObligation | null;
  /** The round as the sources record it; null for a report no source records yet. */
  record: CatRecord | null;
  followUp: CatFollowUpObligation | null;
}

/**
 * One row per report, in order, with its recorded round and the follow-up to its concluding
 * observations (a follow-up shared by reports considered together sits with the last of them);
 * follow-ups that match no report (the Committee named the state, the record does not say on
 * which report) come last, on rows of their own.
 */
export function historyRows(detail: Pick<CatReportingDetail, 'reports' | 'followUps' | 'records'>): HistoryRow[] {
  const records = new Map(detail.records.map((r) => [r.id, r]));
  const used = new Set<CatFollowUpObligation>();
  const rows: HistoryRow[] = detail.reports.map((report) => {
    const followUp =
      detail.followUps.find((f) => !used.has(f) && f.recordId !== null && f.recordId === report.recordId) ??
      detail.followUps.find((f) => !used.has(f) && f.reportNumber !== null && f.lastReportNumber === report.lastReportNumber) ??
      null;
    if (followUp) used.add(followUp);
    return { report, record: report.recordId ? (records.get(report.recordId) ?? null) : null, followUp };
  });
  for (const followUp of detail.followUps) if (!used.has(followUp)) rows.push({ report: null, record: null, followUp });
  return rows;
}

/** How a report's receipt is known: "on 4 Apr 2022", "in October 2011", "by 17 Nov 2021", or null (not recorded). */
export function receiptText(report: CatReportObligation, record: CatRecord | null, { t, locale }: TextOptions): string | null {
  const on = record?.receivedOn;
  if (on && report.status === 'received') {
    return on.precision === 'day'
      ? t('catReporting.profile.receivedOn', { date: formatDate(on.date, locale) })
      : t('catReporting.profile.receivedIn', { date: formatDate(on.date, locale, on.precision) });
  }
  if (report.receivedBy) return t('catReporting.profile.receivedBy', { date: formatDate(report.receivedBy, locale) });
  return null;
}

// ---------------------------------------------------------------------------------------------
// Timeline

export const LANES = ['reports', 'review', 'followUp'] as const;
export type Lane = (typeof LANES)[number];

export interface TimelineMark {
  lane: Lane;
  /** 'session': a session of the Committee that lists the state, where no recorded report covers it. */
  kind: 'due' | 'received' | 'dialogue' | 'concluding-observations' | 'session';
  date: string;
  x: number;
  y: number;
  /** Due dates: worked out from a rule (drawn dashed) rather than recorded. */
  computed: boolean;
  title: string;
}

export interface TimelineSpan {
  lane: Lane;
  x1: number;
  x2: number;
  y: number;
  /** 'late': due to received; 'overdue': due to the date the evidence covers, established as overdue. */
  kind: 'late' | 'overdue';
  title: string;
}

export interface CatTimelineChart {
  width: number;
  height: number;
  plot: { left: number; right: number; top: number; bottom: number };
  from: string;
  to: string;
  lanes: { key: Lane; y: number }[];
  marks: TimelineMark[];
  spans: TimelineSpan[];
  xTicks: { x: number; year: number }[];
  asOf: { x: number; date: string };
  entryIntoForce: { x: number; date: string } | null;
}

const LANE_HEIGHT = 28;

/**
 * The timeline's geometry: whole years from the entry into force (or the first date) to the
 * later of the date shown and the last due date. Only facts on or before `asOf` are drawn, except
 * due dates, which may lie ahead. Null when there is nothing to draw (not a party, no date).
 */
export function buildCatTimeline(
  detail: Pick<CatReportingDetail, 'asOf' | 'summary' | 'reports' | 'followUps' | 'records' | 'activities'>,
  { t, locale, width = 640 }: TextOptions & { width?: number },
): CatTimelineChart | null {
  const { asOf } = detail;
  if (!detail.summary.party && detail.reports.length === 0) return null;
  const marks: Omit<TimelineMark, 'x' | 'y'>[] = [];
  const spans: (Omit<TimelineSpan, 'x1' | 'x2' | 'y'> & { from: string; to: string })[] = [];
  const late = (what: string, due: string, received: string) =>
    t('catReporting.profile.mark.late', { what, days: daysText(daysBetween(due, received), { t, locale }) });
  const past = (date: string | null | undefined): date is string => !!date && date <= asOf;
  const records = new Map(detail.records.map((r) => [r.id, r]));

  for (const report of detail.reports) {
    const what = obligationLabel(report, t);
    const due = report.due.date;
    if (due) {
      marks.push({
        lane: 'reports',
        kind: 'due',
        date: due,
        computed: report.due.basis === 'computed',
        title: `${t('catReporting.profile.mark.due', { what, due: dueText(report.due, { t, locale }) })}; ${t(`catReporting.obligationStatus.${report.status}`)}`,
      });
    }
    if (past(report.receivedBy)) {
      marks.push({
        lane: 'reports',
        kind: 'received',
        date: report.receivedBy,
        computed: false,
        title: t('catReporting.profile.mark.received', { what, date: formatDate(report.receivedBy, locale) }),
      });
      if (due && report.receivedBy > due) {
        spans.push({ lane: 'reports', kind: 'late', from: due, to: report.receivedBy, title: late(what, due, report.receivedBy) });
      }
    }
    if (due && report.overdue && report.overdue.establishedAsOf > due) {
      spans.push({
        lane: 'reports',
        kind: 'overdue',
        from: due,
        to: report.overdue.establishedAsOf,
        title: overdueStatement(report, { t, locale }),
      });
    }
    const record = report.recordId ? records.get(report.recordId) : undefined;
    if (record) {
      const name = reportName(report.reportNumber, report.lastReportNumber, t);
      if (record.dialogueDates && past(record.dialogueDates.from)) {
        marks.push({
          lane: 'review',
          kind: 'dialogue',
          date: record.dialogueDates.from,
          computed: false,
          title: t('catReporting.profile.mark.dialogue', { report: name, date: formatSpan(record.dialogueDates, locale) }),
        });
      }
      const co = record.concludingObservationsAdopted;
      if (co && past(co.to)) {
        marks.push({
          lane: 'review',
          kind: 'concluding-observations',
          date: co.to,
          computed: false,
          title: t('catReporting.profile.mark.concludingObservations', { report: name, date: formatSpan(co, locale) }),
        });
      }
    }
  }
  for (const followUp of detail.followUps) {
    const what = obligationLabel(followUp, t);
    const due = followUp.due.date;
    if (due) {
      marks.push({
        lane: 'followUp',
        kind: 'due',
        date: due,
        computed: followUp.due.basis === 'computed',
        title: `${t('catReporting.profile.mark.due', { what, due: dueText(followUp.due, { t, locale }) })}; ${t(`catReporting.obligationStatus.${followUp.status}`)}`,
      });
    }
    if (past(followUp.receivedBy)) {
      marks.push({
        lane: 'followUp',
        kind: 'received',
        date: followUp.receivedBy,
        computed: false,
        title: t('catReporting.profile.mark.received', { what, date: formatDate(followUp.receivedBy, locale) }),
      });
      if (due && followUp.receivedBy > due) {
        spans.push({ lane: 'followUp', kind: 'late', from: due, to: followUp.receivedBy, title: late(what, due, followUp.receivedBy) });
      }
    }
    if (due && followUp.overdue && followUp.overdue.establishedAsOf > due) {
      spans.push({
        lane: 'followUp',
        kind: 'overdue',
        from: due,
        to: followUp.overdue.establishedAsOf,
        title: overdueStatement(followUp, { t, locale }),
      });
    }
  }

  // What the sessions list records where no recorded report does (Bangladesh: "report considered" at the 67th).
  const covered = new Set(detail.records.map((r) => r.dialogueSession).filter((n): n is number => n !== null));
  for (const { session, sessionStart, sessionEnd, activity } of detail.activities) {
    const date = activity.dialogueDates?.from ?? sessionStart ?? sessionEnd;
    if (activity.planned || covered.has(session) || !past(date)) continue;
    const dates =
      activity.dialogueDates ?? (sessionStart && sessionEnd ? { from: sessionStart, to: sessionEnd, precision: 'day' as const } : null);
    marks.push({
      lane: 'review',
      kind: 'session',
      date,
      computed: false,
      title: t('catReporting.profile.mark.session', {
        session: t('catReporting.profile.session', { ordinal: ordinal(session, t) }),
        dates: dates ? formatSpan(dates, locale) : formatDate(date, locale),
        activity: t(`catReporting.profile.activity.${activity.kind}`),
      }),
    });
  }

  const eif = detail.summary.entryIntoForce?.date ?? null;
  const dates = [...marks.map((m) => m.date), asOf, ...(eif ? [eif] : [])].sort();
  if (marks.length === 0) return null; // nothing dated to draw: the table says what is known
  const first = dates[0]!;
  const last = dates[dates.length - 1]!;
  const from = `${first.slice(0, 4)}-01-01`;
  const to = `${Number(last.slice(0, 4)) + 1}-01-01`;

  const plot = { left: 84, right: width - 12, top: 8, bottom: 8 + LANES.length * LANE_HEIGHT };
  const height = plot.bottom + 24;
  const x = scaleLinear()
    .domain([isoToUtc(from), isoToUtc(to)])
    .range([plot.left, plot.right]);
  const round = (n: number) => Math.round(n * 10) / 10;
  const xOf = (date: string) => round(x(isoToUtc(date)));
  const laneY = (lane: Lane) => plot.top + LANE_HEIGHT * (LANES.indexOf(lane) + 0.5);

  const firstYear = Number(from.slice(0, 4));
  const lastYear = Number(to.slice(0, 4));
  const step = yearStep(lastYear - firstYear, 8);
  const xTicks: CatTimelineChart['xTicks'] = [];
  for (let year = Math.ceil(firstYear / step) * step; year <= lastYear; year += step) xTicks.push({ x: xOf(`${year}-01-01`), year });

  return {
    width,
    height,
    plot,
    from,
    to,
    lanes: LANES.map((key) => ({ key, y: laneY(key) })),
    marks: marks
      // A dialogue and its concluding observations are days apart: drawn one above the other, not on top.
      .map((m) => ({
        ...m,
        x: xOf(m.date),
        y: laneY(m.lane) + (m.kind === 'dialogue' ? -5 : m.kind === 'concluding-observations' ? 5 : 0),
      }))
      .sort((a, b) => a.x - b.x),
    spans: spans.map(({ from: a, to: b, ...s }) => ({ ...s, x1: xOf(a), x2: xOf(b), y: laneY(s.lane) })),
    xTicks,
    asOf: { x: xOf(asOf), date: asOf },
    entryIntoForce: eif ? { x: xOf(eif), date: eif } : null,
  };
}
