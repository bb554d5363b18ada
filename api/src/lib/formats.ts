import { stringify } from 'csv-stringify/sync';
import type { FastifyReply } from 'fastify';
import { CSV_WRITE_OPTIONS } from './csv-cell.js';
import type { CsvTable } from './csv-tables.js';

/** Options of every CSV the API serves: a header row, and the tracker's CSV rules (lib/csv-cell.ts). */
export const CSV_OPTIONS = { ...CSV_WRITE_OPTIONS, header: true };

/** Sends rows as CSV with a header row (RFC 4180, CRLF line ends), named so a browser saves it; with `bom`, after a byte order mark. */
export function sendCsv<Row>(reply: FastifyReply, { filename, columns, rows }: CsvTable<Row>, { bom }: { bom: boolean }): FastifyReply {
  const csv = stringify(rows, { ...CSV_OPTIONS, columns, bom });
  return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${filename}"`).send(csv);
}
