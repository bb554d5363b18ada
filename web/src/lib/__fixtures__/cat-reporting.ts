/**
 * Real API answers for the dashboard's tests, on the data date 2026-04-22: GET /api/cat-reporting
 * (13 of the states) and GET /api/cat-reporting/{ESP,NGA}. cat-reporting.json is generated, and
 * checked against what the API answers today, by api/test/cat-reporting.test.ts; regenerate it with
 *   cd api && npx vitest run test/cat-reporting.test.ts -u
 */
import type { CatReportingDetail, CatReportingRow } from '$lib/api-types';
import fixture from './cat-reporting.json';

const answers = fixture as unknown as {
  list: { asOf: string; dataAsOf: string; states: CatReportingRow[] };
  spain: CatReportingDetail;
  nigeria: CatReportingDetail;
};

export const LIST_2026_04_22 = answers.list;
export const SPAIN_2026_04_22 = answers.spain;
export const NIGERIA_2026_04_22 = answers.nigeria;
