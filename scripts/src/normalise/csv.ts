import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { rawPath, repoRelative } from './paths.js';

/** One CSV record with the file and the line it started on, so errors can point at the row. */
export interface CsvRow {
  file: string;
  line: number;
  get(column: string): string;
  /** The trimmed value, or null when the cell is empty. */
  opt(column: string): string | null;
}

/**
 * Reads a CSV file under data/raw/ into rows keyed by header. Asking for a column the file does
 * not have throws, so a renamed column upstream fails loudly instead of reading as empty.
 */
export function readCsv(relativeToRaw: string): CsvRow[] {
  const path = rawPath(relativeToRaw);
  const file = repoRelative(path);
  const records = parse<{ record: Record<string, string>; info: { lines: number } }>(readFileSync(path, 'utf8'), {
    columns: true,
    bom: true,
    info: true,
    skip_empty_lines: true,
  });
  return records.map(({ record, info }) => ({
    file,
    // info.lines is the line the record ends on; multi-line cells make the start line more useful.
    line: info.lines - countNewlines(record),
    get(column: string): string {
      const value = record[column];
      if (value === undefined) throw new Error(`${file}: no column "${column}"`);
      return value;
    },
    opt(column: string): string | null {
      const value = this.get(column).trim();
      return value === '' ? null : value;
    },
  }));
}

function countNewlines(record: Record<string, string>): number {
  let n = 0;
  for (const value of Object.values(record)) n += value.split('\n').length - 1;
  return n;
}
