import { stringify } from 'csv-stringify/sync';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { CsvTable } from './csv-tables.js';

/** `?format=json|csv`: every list the API serves is also available as CSV. */
export const FormatQuery = z.object({
  format: z.enum(['json', 'csv']).default('json').describe('Response format; csv gives the list as a spreadsheet'),
});

/**
 * A spreadsheet runs a cell that begins with =, +, -, @, a tab or a carriage return as a formula, so
 * a recommendation's text or a source title could carry one into a reader's spreadsheet. As OWASP
 * recommends, such a cell is prefixed with a single quote: the spreadsheet shows it as text.
 */
export const neutraliseFormula = (value: string): string => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/** csv-stringify options every CSV the API serves uses: header row, CRLF (RFC 4180), no formulas. */
export const CSV_OPTIONS = {
  header: true,
  record_delimiter: '\r\n',
  cast: { boolean: (b: boolean) => String(b), string: neutraliseFormula },
} as const;

/** Sends rows as CSV with a header row (RFC 4180, CRLF line ends), named so a browser saves it. */
export function sendCsv<Row>(
  reply: FastifyReply,
  { filename, columns, rows }: CsvTable<Row>,
): FastifyReply {
  const csv = stringify(rows, { ...CSV_OPTIONS, columns });
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .send(csv);
}
