/**
 * Spreadsheets in and out (exceljs for XLSX, csv-parse for CSV): a table becomes a workbook, and
 * a workbook or CSV file becomes header and rows of text, numbered as the spreadsheet numbers them.
 */
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import type { CsvTable } from './csv-tables.js';

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A table as an XLSX workbook of one sheet: a bold, frozen header row, text cells wrapped. */
export async function tableToXlsx<Row>(
  table: CsvTable<Row>,
  { sheet, headers }: { sheet: string; headers?: Partial<Record<keyof Row & string, string>> },
): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Treaty ratification and recommendation tracker';
  const worksheet = workbook.addWorksheet(sheet.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] });
  worksheet.columns = table.columns.map((key) => ({
    header: headers?.[key] ?? key,
    key,
    width: 24,
    style: { alignment: { wrapText: true, vertical: 'top' } },
  }));
  worksheet.getRow(1).font = { bold: true };
  // Every value is written as text: an XLSX string cell is never run as a formula.
  for (const row of table.rows) worksheet.addRow(Object.fromEntries(table.columns.map((key) => [key, cellOf(row[key])])));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A value as the text of a cell: absent values empty, everything else as JSON would write it. */
const cellOf = (value: unknown) => (value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value));

/** A spreadsheet's rows as text; `row` is the number the spreadsheet shows (the header is row 1). */
export interface SheetText {
  headers: string[];
  rows: { row: number; cells: string[] }[];
}

export class SpreadsheetError extends Error {}

/** Reads the first sheet of an XLSX workbook, or a CSV file (UTF-8, with or without a byte order mark). */
export async function readSpreadsheet(file: Buffer, kind: 'xlsx' | 'csv'): Promise<SheetText> {
  const grid = kind === 'xlsx' ? await xlsxGrid(file) : csvGrid(file);
  const [header, ...body] = grid;
  if (!header || header.cells.every((c) => c === '')) throw new SpreadsheetError('the file has no header row');
  return {
    headers: header.cells.map((c) => c.trim()),
    rows: body.filter((r) => r.cells.some((c) => c.trim() !== '')),
  };
}

async function xlsxGrid(file: Buffer) {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw new SpreadsheetError('the file is not an XLSX workbook that can be read');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new SpreadsheetError('the workbook has no sheet');
  const grid: { row: number; cells: string[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (row, number) => {
    const cells: string[] = [];
    for (let col = 1; col <= sheet.columnCount; col++) cells.push(cellText(row.getCell(col).value));
    grid.push({ row: number, cells });
  });
  return grid;
}

/** A cell's value as text: a date as YYYY-MM-DD, a formula as its result, rich text and links as their words. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value !== 'object') return String(value);
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) return cellText((value as ExcelJS.CellFormulaValue).result);
  if ('hyperlink' in value) return String(value.text ?? value.hyperlink);
  if ('error' in value) return '';
  return String(value);
}

function csvGrid(file: Buffer) {
  let records: string[][];
  try {
    records = parse(file, { bom: true, relax_column_count: true, skip_empty_lines: false });
  } catch (error) {
    throw new SpreadsheetError(`the CSV file cannot be read: ${error instanceof Error ? error.message : String(error)}`);
  }
  // A cell the tracker's own CSV neutralised (lib/csv-cell.ts) reads back as its text.
  return records.map((cells, i) => ({ row: i + 1, cells: cells.map((c) => (/^'[=+\-@\t\r]/.test(c) ? c.slice(1) : c)) }));
}
