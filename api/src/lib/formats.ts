import { stringify } from 'csv-stringify/sync';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { CSV_WRITE_OPTIONS } from './csv-cell.js';
import type { CsvTable } from './csv-tables.js';

/** `?format=json|csv`: every list the API serves is also available as CSV. */
export const FormatQuery = z.object({
  format: z.enum(['json', 'csv']).default('json').describe('Response format; csv gives the list as a spreadsheet'),
});

/** Options of every CSV the API serves: a header row, and the tracker's CSV rules (lib/csv-cell.ts). */
export const CSV_OPTIONS = { ...CSV_WRITE_OPTIONS, header: true };

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
