/**
 * CAT reporting (UNCAT art. 19) for the pages: what the API says each state owes the Committee
 * against Torture, shaped into the overdue list, the next twelve months of deadlines, the map's
 * categories and the words for all of them. Pure functions of the API's data and a translator.
 *
 * Wording follows the API's rule: "overdue" only where the data establishes it (a complete
 * recorded history, or the Committee's own list of states late with follow-up), always with the
 * date the evidence covers; everything else is "not recorded", never a guess. No rank numbers:
 * the overdue list is ordered by time overdue, and says so.
 */
import {
  CAT_SITUATIONS,
  completenessBasisText,
  dueNote,
  dueText as sharedDueText,
  obligationLabel as sharedObligationLabel,
  ordinalText,
  overdueBasisText,
  procedureBasisText,
  reportName as sharedReportName,
  ruleText,
  situationBasisText,
  type CatRuleId,
  type CatWording,
} from '@tracker/api/domain';
import type { TFunction } from 'i18next';
import type { CatCompleteness, CatReportingRow, CatSituation } from '$lib/api-types';
import { categoryMapItems, type LegendEntry, type MapItem, type MapItemsInput } from '$lib/charts/choropleth';
import { formatDate, formatList, isoToUtc, utcToIso } from '$lib/dates';
import { toSearch } from '$lib/query';
import { paintFill, PALETTE, type Paint } from '$lib/status';

export type CatRow = CatReportingRow;
export type CatObligation = CatRow['establishedOverdue'][number];
export type CatReportObligation = Extract<CatObligation, { kind: 'report' }>;
export type CatFollowUpObligation = Extract<CatObligation, { kind: 'follow-up' }>;
export type CatDue = CatObligation['due'];

interface TextOptions {
  t: TFunction;
  locale: string;
}

// ---------------------------------------------------------------------------------------------
// Situations: order, paint, key

/** The situations in the key's order: the API's own list. */
export { CAT_SITUATIONS };

/**
 * How each situation is painted: blue for up to date, oranges for what is established as overdue
 * (darker the longer-standing the obligation: follow-up striped light, periodic report, initial
 * report dark) — the blue/orange pair of the status maps, apart for every common colour-vision
 * deficiency. "History not recorded" is the status maps' neutral grey: it says nothing is known,
 * not that anything is wrong. "Not a party" is hatched grey on white: nothing is owed.
 */
export const CAT_SITUATION_PAINT: Record<CatSituation, Paint> = {
  'up-to-date': { kind: 'solid', colour: '#2171b5' }, // Blues 7
  'follow-up-overdue': { kind: 'stripes', background: PALETTE.orangeLight, foreground: PALETTE.orange, angle: 45 },
  'periodic-report-overdue': { kind: 'solid', colour: PALETTE.orange },
  'initial-report-never-submitted': { kind: 'solid', colour: '#a63603' }, // Oranges 8
  'history-not-recorded': { kind: 'solid', colour: PALETTE.grey },
  'not-a-party': { kind: 'stripes', background: PALETTE.none, foreground: '#c6c6c6', angle: -45 },
};

export const catPatternId = (situation: CatSituation) => `cat-${situation}`;

/** The patterns the CAT map needs (for StatusPatterns.svelte). */
export const CAT_PATTERNS = CAT_SITUATIONS.map((s) => ({ id: catPatternId(s), paint: CAT_SITUATION_PAINT[s] }));

/** The SVG fill of a situation; null (outside the selection) is white, as on the status maps. */
export const situationFill = (situation: CatSituation | null): string =>
  situation === null ? PALETTE.none : paintFill(CAT_SITUATION_PAINT[situation], catPatternId(situation));

/** The map's key: every situation, in order, with its count (zeros included). */
export function situationLegend(counts: Partial<Record<CatSituation, number>>, t: TFunction): LegendEntry[] {
  return CAT_SITUATIONS.map((s) => ({ key: s, label: t(`catReporting.situation.${s}`), fill: situationFill(s), count: counts[s] ?? 0 }));
}

// ---------------------------------------------------------------------------------------------
// The page's query: date, the API's state filters, "overdue only"

export const CAT_FILTER_KEYS = ['region', 'group', 'ldc', 'sids'] as const;
export type CatFilters = Partial<Record<(typeof CAT_FILTER_KEYS)[number], string>>;

export interface CatQuery {
  asOf: string | null;
  filters: CatFilters;
  /** "true": only states with something established as overdue. */
  overdue: string | null;
}

/** The page's choices from its URL; empty fields ("any") count as absent. The API validates values. */
export function readCatQuery(params: URLSearchParams): CatQuery {
  const filters: CatFilters = {};
  for (const key of CAT_FILTER_KEYS) {
    const value = params.get(key)?.trim();
    if (value) filters[key] = value;
  }
  return { asOf: params.get('asOf')?.trim() || null, filters, overdue: params.get('overdue')?.trim() || null };
}

/** The query string of a view, the same for the page and the API (plus `extra`, e.g. format). */
export const catSearch = ({ asOf, filters, overdue }: CatQuery, extra: Record<string, string | null | undefined> = {}) =>
  toSearch({ asOf, ...Object.fromEntries(CAT_FILTER_KEYS.map((k) => [k, filters[k]])), overdue, ...extra });

export const catFiltered = ({ filters, overdue }: CatQuery) => CAT_FILTER_KEYS.some((k) => !!filters[k]) || !!overdue;

// ---------------------------------------------------------------------------------------------
// Words

/** The translator as the shared words take it. */
const words = (t: TFunction): Pick<CatWording, 't'> => ({ t: (key, values) => t(key, values ?? {}) });

/**
 * The shared words for the API's codes (api/src/messages/cat-reporting.ts, whose English
 * catalogue the page's merges), with the page's translator and Intl dates and lists.
 */
export function catWording({ t, locale }: TextOptions): CatWording {
  return {
    ...words(t),
    date: (iso, precision = 'day') => formatDate(iso, locale, precision),
    list: (items) => formatList(items, locale),
  };
}

/** "1st", "2nd", "23rd" in the page's language. */
export const ordinal = (n: number, t: TFunction): string => ordinalText(n, words(t));

/** A report mid-sentence: "initial report", "2nd periodic report", "5th–6th periodic reports (combined)". */
export const reportName = (number: number, lastNumber: number, t: TFunction): string =>
  sharedReportName({ reportNumber: number, lastReportNumber: lastNumber }, words(t));

/** What an obligation is, on its own: "Initial report", "Follow-up to the concluding observations on the 7th periodic report". */
export function obligationLabel(
  o:
    | { kind: 'report'; reportNumber: number; lastReportNumber: number }
    | { kind: 'follow-up'; reportNumber: number | null; lastReportNumber: number | null },
  t: TFunction,
): string {
  return sharedObligationLabel(o, words(t));
}

/**
 * A due date with how it is known: "28 Jul 2002 (computed)", "in 2002 (recorded)", "not before
 * 9 Nov 2027 (computed)", or "not recorded".
 */
export const dueText = (due: CatDue, options: TextOptions): string =>
  sharedDueText(due, catWording(options)) ?? options.t('common.notRecorded');

/** The rule and the reasons behind a due date, in words; null when there are none. */
export function dueExplanation(due: CatDue, options: TextOptions): { rule: string | null; note: string | null } {
  const wording = catWording(options);
  return { rule: due.ruleId ? ruleText(due.ruleId, wording) : null, note: dueNote(due.reasons, wording) };
}

/** The deadline rules of the API's list answer (its `rules`, keyed by rule id), in the page's language. */
export const ruleTexts = (rules: Record<string, string>, options: TextOptions): string[] =>
  (Object.keys(rules) as CatRuleId[]).map((id) => ruleText(id, catWording(options)));

/** The evidence that an obligation is overdue, in one sentence in the page's language. */
export const overdueBasis = (overdue: NonNullable<CatObligation['overdue']>, options: TextOptions): string =>
  overdueBasisText(overdue.reason, catWording(options));

/** The facts behind a state's situation, in the page's language. */
export const situationBasis = (row: Pick<CatRow, 'situationReason'>, options: TextOptions): string =>
  situationBasisText(row.situationReason, catWording(options));

/** What the completeness record says, or that the state has none. */
export const completenessBasis = (row: Pick<CatRow, 'completenessBasis' | 'completenessBasisCode'>, options: TextOptions): string =>
  completenessBasisText(row.completenessBasisCode === 'recorded' ? row.completenessBasis : null, catWording(options));

/** Why the next report follows its procedure ("List of issues prior to reporting adopted at the 85th session"). */
export const procedureBasis = (o: CatReportObligation, options: TextOptions): string | null =>
  o.procedureReason ? procedureBasisText(o.procedureReason, catWording(options)) : null;

/** "8,669 days", "1 day"; null (the due date is not recorded): "not known". */
export function daysText(days: number | null, { t, locale }: TextOptions): string {
  if (days === null) return t('catReporting.daysUnknown');
  return t('catReporting.days', { count: days, n: new Intl.NumberFormat(locale === 'en' ? 'en-GB' : locale).format(days) });
}

/**
 * One established overdue obligation in one factual sentence: "Initial report due 28 Jul 2002
 * (computed), not recorded as received; established as of 22 Apr 2026."
 */
export function overdueStatement(o: CatObligation, { t, locale }: TextOptions): string {
  const what = obligationLabel(o, t);
  const asOf = o.overdue ? formatDate(o.overdue.establishedAsOf, locale) : t('common.notRecorded');
  const onList = o.overdue?.establishedBy === 'committee-follow-up-list';
  if (o.due.date === null && o.due.notBefore === null) {
    return t(onList ? 'catReporting.statement.listNoDate' : 'catReporting.statement.historyNoDate', { what, asOf });
  }
  return t(onList ? 'catReporting.statement.list' : 'catReporting.statement.history', { what, due: dueText(o.due, { t, locale }), asOf });
}

/** "Botswana: 2nd periodic report due 28 Jul 2026 (computed), simplified procedure". */
export function deadlineText(o: CatObligation, { t, locale }: TextOptions): string {
  const text = t('catReporting.deadline', { what: obligationLabel(o, t), due: dueText(o.due, { t, locale }) });
  return o.kind === 'report' && o.procedure === 'simplified' ? `${text}, ${t('catReporting.procedure.simplified')}` : text;
}

// ---------------------------------------------------------------------------------------------
// The overdue list

export interface OverdueEntry {
  iso3: string;
  region: CatRow['region'];
  unRegionalGroup: CatRow['unRegionalGroup'];
  obligation: CatObligation;
  overdue: NonNullable<CatObligation['overdue']>;
}

/**
 * Every established overdue obligation of the rows, one entry each (a state may owe a report and
 * a follow-up), longest overdue first; entries whose time overdue is not known (the due date is
 * not recorded) last; ties in state-name order, then obligation order.
 */
export function overdueEntries(
  rows: Pick<CatRow, 'iso3' | 'region' | 'unRegionalGroup' | 'establishedOverdue'>[],
  { nameOf, locale }: { nameOf: (iso3: string) => string; locale: string },
): OverdueEntry[] {
  const collator = new Intl.Collator(locale);
  const entries = rows.flatMap((row) =>
    row.establishedOverdue.flatMap((obligation, index) =>
      obligation.overdue
        ? [
            {
              entry: { iso3: row.iso3, region: row.region, unRegionalGroup: row.unRegionalGroup, obligation, overdue: obligation.overdue },
              index,
            },
          ]
        : [],
    ),
  );
  return entries
    .sort((a, b) => {
      const da = a.entry.overdue.daysOverdue;
      const db = b.entry.overdue.daysOverdue;
      if (da !== db) {
        if (da === null) return 1;
        if (db === null) return -1;
        return db - da;
      }
      return collator.compare(nameOf(a.entry.iso3), nameOf(b.entry.iso3)) || a.index - b.index;
    })
    .map(({ entry }) => entry);
}

// ---------------------------------------------------------------------------------------------
// Deadlines in the next months

/** The same day `months` later; a day the month lacks becomes its last day (31 Jan + 1 month -> 28/29 Feb). */
export function addMonths(iso: string, months: number): string {
  const date = new Date(isoToUtc(iso));
  const total = date.getUTCFullYear() * 12 + date.getUTCMonth() + months;
  const year = Math.floor(total / 12);
  const month = total - year * 12;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  return utcToIso(Date.UTC(year, month, Math.min(date.getUTCDate(), lastDay)));
}

export interface UpcomingDeadline {
  iso3: string;
  date: string;
  obligation: CatObligation;
}

/**
 * The next report and latest follow-up of each row that are not yet due and have a due date known
 * to the day within [from, from + months] (both ends included), by date, then state name. Dates
 * known only to the year, or only as "not before", are left out: they cannot be put in a calendar.
 */
export function upcomingDeadlines(
  rows: Pick<CatRow, 'iso3' | 'nextReportDue' | 'latestFollowUp'>[],
  { from, months = 12, nameOf, locale }: { from: string; months?: number; nameOf: (iso3: string) => string; locale: string },
): UpcomingDeadline[] {
  const to = addMonths(from, months);
  const collator = new Intl.Collator(locale);
  const out: UpcomingDeadline[] = [];
  for (const row of rows) {
    for (const obligation of [row.nextReportDue, row.latestFollowUp]) {
      if (!obligation || obligation.status !== 'not-yet-due') continue;
      const { date, precision } = obligation.due;
      if (date === null || precision !== 'day' || date < from || date > to) continue;
      out.push({ iso3: row.iso3, date, obligation });
    }
  }
  return out.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : collator.compare(nameOf(a.iso3), nameOf(b.iso3))));
}

// ---------------------------------------------------------------------------------------------
// Counts

/**
 * "175 states parties on 22 Apr 2026: 8 with a complete recorded reporting history, 123 with a
 * partial one and 44 with none recorded."
 */
export function completenessSentence(
  {
    parties,
    completeness,
    asOf,
    filtered,
  }: { parties: number; completeness: Record<CatCompleteness, number>; asOf: string; filtered: boolean },
  { t, locale }: TextOptions,
): string {
  const list = (['complete', 'partial', 'none'] as const).map((c) => t(`catReporting.completeness.count.${c}`, { count: completeness[c] }));
  return t('catReporting.completeness.sentence', {
    parties: t(filtered ? 'catReporting.completeness.partiesFiltered' : 'catReporting.completeness.parties', { count: parties }),
    date: formatDate(asOf, locale),
    list: formatList(list, locale),
  });
}

/** "On 22 Apr 2026, all 197 states: 14 up to date, 23 with follow-up overdue, … and 22 not parties." */
export function situationSentence(
  { counts, asOf, filtered }: { counts: Partial<Record<CatSituation, number>>; asOf: string; filtered: boolean },
  { t, locale }: TextOptions,
): string {
  const total = CAT_SITUATIONS.reduce((sum, s) => sum + (counts[s] ?? 0), 0);
  const parts = CAT_SITUATIONS.filter((s) => (counts[s] ?? 0) > 0).map((s) => t(`catReporting.situationCount.${s}`, { count: counts[s] }));
  return t('catReporting.map.summary', {
    date: formatDate(asOf, locale),
    scope: t(filtered ? 'map.scopeFiltered' : 'map.scopeAll', { count: total }),
    list: parts.length > 0 ? formatList(parts, locale) : t('map.nobody'),
  });
}

// ---------------------------------------------------------------------------------------------
// The map

export type CatMapRow = Pick<CatRow, 'iso3' | 'situation' | 'completeness' | 'party' | 'nextReportDue' | 'establishedOverdue'>;

/** The lines of a state's tooltip after its name: situation, recorded history, and what is overdue or due next. */
export function situationFacts(row: CatMapRow, { t, locale }: TextOptions): string[] {
  const lines = [t(`catReporting.situation.${row.situation}`)];
  if (!row.party) return lines;
  lines.push(t('catReporting.historyLine', { completeness: t(`catReporting.completenessLabel.${row.completeness}`) }));
  if (row.establishedOverdue.length > 0) {
    lines.push(...row.establishedOverdue.map((o) => overdueStatement(o, { t, locale })));
  } else if (row.nextReportDue) {
    lines.push(t('catReporting.nextLine', { what: deadlineText(row.nextReportDue, { t, locale }) }));
  }
  return lines;
}

/** One map item per shape, coloured by situation; states outside the selection white, as on the status maps. */
export function catMapItems(input: MapItemsInput<CatMapRow>): MapItem<CatSituation>[] {
  const { t, locale } = input;
  return categoryMapItems(
    input,
    (row) => ({
      category: row.situation,
      fill: situationFill(row.situation),
      text: t(`catReporting.situation.${row.situation}`),
      facts: situationFacts(row, { t, locale }),
    }),
    situationFill(null),
  );
}
