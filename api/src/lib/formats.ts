import { stringify } from 'csv-stringify/sync';
import type { FastifyReply } from 'fastify';
import { CSV_WRITE_OPTIONS } from './csv-cell.js';
import type { CsvTable } from './csv-tables.js';

/** Options of every CSV the API serves: a header row, and the tracker's CSV rules (lib/csv-cell.ts). */
export const CSV_OPTIONS = { ...CSV_WRITE_OPTIONS, header: true };

/** Sends rows as CSV with a header row (RFC 4180, CRLF line ends), named so a browser saves it; with `bom`, after a byte order mark. */
export function sendCsv<Row>(reply: FastifyReply, { filename, columns, rows }: CsvTable<Row>, { bom }: { bom: boolean }): FastifyReply {
  const csv = stringify(rows, { ...CSV_OPTIONS, columns, bom });
  return citeAs(reply).type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${filename}"`).send(csv);
}

/**
 * How to cite a file: its own address (RFC 8574 `cite-as`, at the configured public address) and the
 * dataset version it was made from, so a spreadsheet passed on can be traced to the data behind it.
 */
export function citeAs(reply: FastifyReply): FastifyReply {
  return reply
    .header('link', `<${reply.server.config.publicUrl}${reply.request.url}>; rel="cite-as"`)
    .header('x-dataset-version', String(reply.server.repos.meta.dataVersion()));
}

/**
 * Sends a file the API built (a workbook, a document) as a download with its name; `inline` for
 * one a browser shows in place (a map image), still named for saving.
 */
export function sendFile(
  reply: FastifyReply,
  file: { type: string; filename: string; body: Buffer | string; inline?: boolean },
): FastifyReply {
  return citeAs(reply)
    .type(file.type)
    .header('content-disposition', `${file.inline ? 'inline' : 'attachment'}; filename="${file.filename}"`)
    .send(file.body);
}

/** Sends an RFC 5545 calendar, shown inline so calendar clients can subscribe to the address. */
export function sendCalendar(reply: FastifyReply, file: { filename: string; body: string }): FastifyReply {
  return citeAs(reply)
    .type('text/calendar; charset=utf-8')
    .header('content-disposition', `inline; filename="${file.filename}"`)
    .send(file.body);
}
