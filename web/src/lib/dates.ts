/**
 * Calendar dates as the API sends them: `YYYY-MM-DD` strings, always read in UTC so a date never
 * shifts by a day with the reader's time zone.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

export type DatePrecision = 'day' | 'month' | 'year';

/** Milliseconds since the epoch at UTC midnight; throws a TypeError for anything but a real date. */
export function isoToUtc(iso: string): number {
  const match = ISO_DATE.exec(iso);
  if (!match) throw new TypeError(`Expected a date as YYYY-MM-DD, got "${iso}"`);
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const time = Date.UTC(y, m - 1, d);
  if (new Date(time).getUTCDate() !== d) throw new TypeError(`Expected a real calendar date, got "${iso}"`);
  return time;
}

export const utcToIso = (time: number): string => new Date(time).toISOString().slice(0, 10);

/** Today's date in UTC, as the API's default `asOf` is. */
export const todayIso = (now = new Date()): string => utcToIso(now.getTime());

export const addDays = (iso: string, days: number): string => utcToIso(isoToUtc(iso) + days * DAY_MS);

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export const daysBetween = (from: string, to: string): number => Math.round((isoToUtc(to) - isoToUtc(from)) / DAY_MS);

export const isIsoDate = (value: string): boolean => {
  try {
    isoToUtc(value);
    return true;
  } catch {
    return false;
  }
};

/**
 * English dates are written day-month-year, as UN documents write them ("27 Oct 2017"): the
 * month-first US order would misread in most of the world.
 */
const formattingLocale = (locale: string) => (locale === 'en' ? 'en-GB' : locale);

const OPTIONS: Record<DatePrecision, Intl.DateTimeFormatOptions> = {
  day: { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' },
  month: { month: 'long', year: 'numeric', timeZone: 'UTC' },
  year: { year: 'numeric', timeZone: 'UTC' },
};

// Building an Intl formatter costs far more than using one, and a map page formats ~2,000 dates.
const formatters = new Map<string, Intl.DateTimeFormat>();

/** A date for people, no more precise than the source: "27 Oct 2017", "October 2017" or "2017". */
export function formatDate(iso: string, locale: string, precision: DatePrecision = 'day'): string {
  const key = `${locale}:${precision}`;
  let formatter = formatters.get(key);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat(formattingLocale(locale), OPTIONS[precision]);
    formatters.set(key, formatter);
  }
  return formatter.format(isoToUtc(iso));
}

/** A list for people in the page's language: "a, b and c". */
export function formatList(items: string[], locale: string): string {
  return new Intl.ListFormat(formattingLocale(locale), { style: 'long', type: 'conjunction' }).format(items);
}

/**
 * The dates the map's play button steps through: the last day of each year after `current`, then
 * `to`. From `to` itself (nothing left to show) it starts again at `from`.
 */
export function playDates({ from, to, current }: { from: string; to: string; current: string }): string[] {
  const start = current >= to ? from : current;
  const dates: string[] = start === from && current >= to ? [from] : [];
  for (let year = Number(start.slice(0, 4)); ; year++) {
    const yearEnd = `${year}-12-31`;
    if (yearEnd >= to) break;
    if (yearEnd > start) dates.push(yearEnd);
  }
  dates.push(to);
  return dates;
}
