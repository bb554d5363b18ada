import { error } from '@sveltejs/kit';
import { serverT } from '$lib/i18n/server';
import { isResponseFormat } from '@tracker/api/domain';
import { matrixCsv } from '$lib/compare';
import { readBom } from '$lib/downloads';
import { loadCompare } from '$lib/server/compare-data';
import { withErrorBody } from '$lib/server/error-body';
import type { RequestHandler } from './$types';

/**
 * The comparison matrix as a file: CSV (default) or JSON (`format=json`), built from the same
 * API data and the same function as the page, for the same query. `bom=true` starts the CSV with a
 * byte order mark, as the API's CSV answers do. A bad query is a 400 with the API's error body.
 */
export const GET: RequestHandler = ({ fetch, url, locals }) =>
  withErrorBody(async () => {
    const format = url.searchParams.get('format') || 'csv';
    const t = serverT(locals.locale);
    if (!isResponseFormat(format)) error(400, t('error.server.unknownFormat', { format }));
    const bom = readBom(url.searchParams.get('bom'));
    if (bom === 'invalid') error(400, t('error.server.bomInvalid'));
    const data = await loadCompare(fetch, url.searchParams, locals.locale);
    const filename = `compare-${data.family}-${data.asOf}.${format}`;
    const headers = { 'content-disposition': `attachment; filename="${filename}"` };
    if (format === 'json') {
      const { family, query, columns, rows, asOf, dataAsOf, sources, names } = data;
      return Response.json({ family, asOf, filters: query.filters, dataAsOf, columns, rows, names, sources }, { headers });
    }
    const csv = matrixCsv({ columns: data.columns, rows: data.rows, names: data.names, asOf: data.asOf });
    return new Response(bom ? `\uFEFF${csv}` : csv, {
      headers: { ...headers, 'content-type': 'text/csv; charset=utf-8' },
    });
  });
