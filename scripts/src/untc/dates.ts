/** Date and text helpers for the English UNTC pages ("4 Feb 1985", "4 February 1985"). */

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
};

/** Collapses the page's tabs, non-breaking spaces and runs of spaces into single spaces. */
export function clean(text: string): string {
  return text.replace(/[\s\u00a0]+/g, ' ').trim();
}

/** "4 Feb 1985" or "4 February 1985" to "1985-02-04"; null when the text is not such a date. */
export function parseUntcDate(text: string): string | null {
  const match = /^(\d{1,2}) ([A-Za-z]+)\.? (\d{4})$/.exec(clean(text));
  if (!match) return null;
  const [, day, monthName, year] = match as unknown as [string, string, string, string];
  const month = MONTHS[monthName.toLowerCase()];
  if (!month) return null;
  const iso = `${year}-${String(month).padStart(2, '0')}-${day.padStart(2, '0')}`;
  // Reject impossible days (31 Apr) by round-tripping through UTC.
  const probe = new Date(`${iso}T00:00:00Z`);
  return !Number.isNaN(probe.getTime()) && probe.toISOString().startsWith(iso) ? iso : null;
}

/** Every "d Month yyyy" date in a text, in order, as ISO dates. */
export function findUntcDates(text: string): string[] {
  const found: string[] = [];
  for (const m of clean(text).matchAll(/\b(\d{1,2}) ([A-Z][a-z]+)\.? (\d{4})\b/g)) {
    const iso = parseUntcDate(`${m[1]} ${m[2]} ${m[3]}`);
    if (iso) found.push(iso);
  }
  return found;
}
