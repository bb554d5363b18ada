/**
 * The comparison matrix: states × the instruments of one family, each cell a status (or, for the
 * UNCAT art. 21 and 22 declarations, whether the state made one). Pure, shared by the page and its
 * CSV/JSON download so both always hold the same data.
 */
import { CSV_WRITE_OPTIONS } from '@tracker/api/csv-cell';
import { stringify } from 'csv-stringify/browser/esm/sync';
import type { InstrumentStatusRow } from '$lib/api-types';
import type { InstrumentId, Status } from '$lib/status';

export const FAMILIES = ['rome', 'torture'] as const;
export type Family = (typeof FAMILIES)[number];
export const isFamily = (value: string | null): value is Family => (FAMILIES as readonly (string | null)[]).includes(value);

/** A column: an instrument's status, or a declaration under an UNCAT article. */
export type Column = { id: InstrumentId; kind: 'status' } | { id: `uncat-art${21 | 22}`; kind: 'declaration'; article: '21' | '22' };

export const FAMILY_COLUMNS: Record<Family, Column[]> = {
  rome: [
    { id: 'rome-statute', kind: 'status' },
    { id: 'rs-art8-2010', kind: 'status' },
    { id: 'rs-aggression-2010', kind: 'status' },
    { id: 'rs-art8-2017-biological', kind: 'status' },
    { id: 'rs-art8-2017-fragments', kind: 'status' },
    { id: 'rs-art8-2017-lasers', kind: 'status' },
    { id: 'rs-art8-2019-starvation', kind: 'status' },
    { id: 'rs-art124-2015', kind: 'status' },
    { id: 'apic', kind: 'status' },
  ],
  torture: [
    { id: 'uncat', kind: 'status' },
    { id: 'uncat-art21', kind: 'declaration', article: '21' },
    { id: 'uncat-art22', kind: 'declaration', article: '22' },
    { id: 'opcat', kind: 'status' },
  ],
};

/** The instruments whose status a family's matrix needs (declarations come from UNCAT's rows). */
export const instrumentsOf = (columns: Column[]): InstrumentId[] => [
  ...new Set(columns.map((c) => (c.kind === 'status' ? c.id : 'uncat'))),
];

export type Cell =
  | { kind: 'status'; status: Status; since: string | null }
  /** 'declared' (in force), 'withdrawn' (made, then withdrawn) or 'none' (none recorded). */
  | { kind: 'declaration'; declaration: 'declared' | 'withdrawn' | 'none'; date: string | null };

export interface MatrixRow {
  iso3: string;
  cells: Cell[];
}

type Rows = Pick<InstrumentStatusRow, 'iso3' | 'status' | 'since' | 'declarations'>[];

function declarationCell(row: Rows[number] | undefined, article: string): Cell {
  const made = row?.declarations.find((d) => d.kind === 'declaration' && d.article === article);
  if (!made) return { kind: 'declaration', declaration: 'none', date: null };
  if (made.withdrawn) return { kind: 'declaration', declaration: 'withdrawn', date: made.withdrawn.date };
  return { kind: 'declaration', declaration: 'declared', date: made.date };
}

/**
 * One row per state listed in every instrument's rows (they all carry the same filters), in the
 * order of the first instrument's rows. Throws a TypeError when an instrument's rows are missing.
 */
export function buildMatrix(columns: Column[], rowsByInstrument: Partial<Record<InstrumentId, Rows>>): MatrixRow[] {
  const lookup = new Map<InstrumentId, Map<string, Rows[number]>>();
  for (const id of instrumentsOf(columns)) {
    const rows = rowsByInstrument[id];
    if (!rows) throw new TypeError(`Expected the status rows of "${id}"`);
    lookup.set(id, new Map(rows.map((r) => [r.iso3, r])));
  }
  const first = [...lookup.values()][0] ?? new Map<string, Rows[number]>();
  const iso3s = [...first.keys()].filter((iso3) => [...lookup.values()].every((rows) => rows.has(iso3)));
  return iso3s.map((iso3) => ({
    iso3,
    cells: columns.map((column): Cell => {
      if (column.kind === 'declaration') return declarationCell(lookup.get('uncat')?.get(iso3), column.article);
      const row = lookup.get(column.id)?.get(iso3) as Rows[number];
      return { kind: 'status', status: row.status, since: row.since };
    }),
  }));
}

/**
 * RFC 4180 CSV (CRLF lines, quoted where needed), with spreadsheet formulas neutralised as in every
 * CSV the tracker writes. (The browser build of csv-stringify: this module is also used by the page.)
 */
export function toCsv(rows: (string | number | boolean | null)[][]): string {
  return stringify(rows, CSV_WRITE_OPTIONS);
}

/**
 * The matrix as CSV with machine-readable values (status ids, ISO dates): for each column, its
 * value and the date behind it ("since" for a status, the declaration's date). An empty date means
 * not recorded.
 */
export function matrixCsv({
  columns,
  rows,
  names,
  asOf,
}: {
  columns: Column[];
  rows: MatrixRow[];
  names: Readonly<Record<string, string>>;
  asOf: string;
}): string {
  const header = ['iso3', 'name', 'asOf', ...columns.flatMap((c) => [c.id, `${c.id}.date`])];
  const body = rows.map((row) => [
    row.iso3,
    names[row.iso3] ?? row.iso3,
    asOf,
    ...row.cells.flatMap((cell) => (cell.kind === 'status' ? [cell.status, cell.since] : [cell.declaration, cell.date])),
  ]);
  return toCsv([header, ...body]);
}
