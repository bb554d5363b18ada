import { stringify } from 'csv-stringify/sync';
import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { CSV_WRITE_OPTIONS } from './csv-cell.js';
import type { CsvTable } from './csv-tables.js';

/**
 * `?format=json|csv`: every list the API serves is also available as CSV; `?bom=true` starts the CSV
 * with a byte order mark (U+FEFF, by which Excel recognises UTF-8 instead of assuming the system's
 * code page), so that Excel shows "Côte d'Ivoire" instead of "CÃ´te d'Ivoire". Without
 * it the file is unchanged: scripts that read the CSV byte for byte keep working.
 */
export const FormatQuery = z.object({
  format: z.enum(['json', 'csv']).default('json').describe('Response format; csv gives the list as a spreadsheet'),
  bom: z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .optional()
    .transform((value) => value === 'true')
    .describe('true: start a CSV answer with a UTF-8 byte order mark (U+FEFF), so that Excel reads it as UTF-8. Default false; ignored for JSON'),
});

/** Options of every CSV the API serves: a header row, and the tracker's CSV rules (lib/csv-cell.ts). */
export const CSV_OPTIONS = { ...CSV_WRITE_OPTIONS, header: true };

/** Sends rows as CSV with a header row (RFC 4180, CRLF line ends), named so a browser saves it; with `bom`, after a byte order mark. */
export function sendCsv<Row>(
  reply: FastifyReply,
  { filename, columns, rows }: CsvTable<Row>,
  { bom }: { bom: boolean },
): FastifyReply {
  const csv = stringify(rows, { ...CSV_OPTIONS, columns, bom });
  return reply
    .type('text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${filename}"`)
    .send(csv);
}
