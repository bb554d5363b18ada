/**
 * Sorting the status table. The sort order lives in the URL (`sort`, `dir`), so a sorted table can
 * be shared and sorting works without JavaScript: each column header is a link.
 */
import { STATUSES, type Status } from '$lib/status';
import type { StatusRow } from '$lib/status-text';

export const SORT_KEYS = ['state', 'status', 'signature', 'consent', 'entryIntoForce'] as const;
export type SortKey = (typeof SORT_KEYS)[number];
export type SortDir = 'asc' | 'desc';

export function readSort(params: URLSearchParams): { key: SortKey; dir: SortDir } {
  const key = params.get('sort');
  const dir = params.get('dir');
  return {
    key: (SORT_KEYS as readonly string[]).includes(key ?? '') ? (key as SortKey) : 'state',
    dir: dir === 'desc' ? 'desc' : 'asc',
  };
}

const statusRank = (status: Status) => STATUSES.indexOf(status);

/** The sortable value of a row for a column: a name, a status rank or a date (null: not recorded). */
function valueOf(row: StatusRow, key: SortKey, name: string): string | number | null {
  switch (key) {
    case 'state':
      return name;
    case 'status':
      return statusRank(row.status);
    case 'signature':
      return row.signature?.date ?? null;
    case 'consent':
      return row.consent?.date ?? null;
    case 'entryIntoForce':
      return row.entryIntoForce?.date ?? null;
  }
}

/**
 * Rows sorted by a column. Missing dates go last in both directions (they are not "earliest");
 * ties keep name order, so the result is stable and predictable.
 */
export function sortRows(
  rows: StatusRow[],
  { key, dir, nameOf, locale }: { key: SortKey; dir: SortDir; nameOf: (iso3: string) => string; locale: string },
): StatusRow[] {
  const collator = new Intl.Collator(locale);
  const sign = dir === 'asc' ? 1 : -1;
  const byName = (a: StatusRow, b: StatusRow) => collator.compare(nameOf(a.iso3), nameOf(b.iso3));
  return [...rows].sort((a, b) => {
    const va = valueOf(a, key, nameOf(a.iso3));
    const vb = valueOf(b, key, nameOf(b.iso3));
    if (va === null || vb === null) return va === vb ? byName(a, b) : va === null ? 1 : -1;
    const order =
      typeof va === 'string' && typeof vb === 'string' && key === 'state' ? collator.compare(va, vb) : va < vb ? -1 : va > vb ? 1 : 0;
    return sign * order || byName(a, b);
  });
}
