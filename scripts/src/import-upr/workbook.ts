/**
 * Excel workbooks (.xlsx) for the table formats: the first sheet, read with read-excel-file, as the
 * header and rows the CSV reader gives (upr/common.ts `CsvTable`), each row with its row number in
 * the sheet, which is what someone with the workbook open looks for in an error message. Cells as
 * the sheet holds them: numbers as written (no rounding through floating point), date cells as
 * YYYY-MM-DD, empty cells as ''. Empty rows are left out, as empty lines of a CSV are.
 */
import { readSheet } from 'read-excel-file/node';
import type { CsvLine, CsvTable } from '../upr/common.js';

/** Why a workbook could not be read (the caller adds the file's path). */
export class WorkbookError extends Error {}

type Cell = string | number | boolean | Date | null;

function cellText(value: Cell): string {
  if (value === null) return '';
  if (value instanceof Date) {
    // A date cell is a day; a time of day, when there is one, is kept.
    const iso = value.toISOString();
    return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
  }
  return String(value);
}

export async function readWorkbookTable(bytes: Buffer): Promise<CsvTable> {
  let sheet: Cell[][];
  try {
    // parseNumber keeps a number's digits as written in the file.
    sheet = (await readSheet(bytes, { trim: false, parseNumber: (digits: string) => digits })) as Cell[][];
  } catch (error) {
    throw new WorkbookError(`not a readable .xlsx workbook (${error instanceof Error ? error.message : String(error)})`);
  }
  const lines: CsvLine[] = [];
  sheet.forEach((row, i) => {
    const cells = row.map(cellText);
    if (cells.some((c) => c !== '')) lines.push({ line: i + 1, cells });
  });
  const [header, ...rows] = lines;
  if (!header) throw new WorkbookError('its first sheet is empty');
  // The sheet is as wide as its widest row; columns past the header's last name that are empty
  // everywhere in a row (formatting, a deleted column) are not the row's.
  const width = header.cells.findLastIndex((c) => c !== '') + 1;
  const fitted = (l: CsvLine): CsvLine =>
    l.cells.slice(width).every((c) => c === '') ? { line: l.line, cells: l.cells.slice(0, width) } : l;
  return { header: fitted(header), rows: rows.map(fitted) };
}
