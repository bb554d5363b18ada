import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { EditableCatReport } from '@tracker/api/schemas';
import { catReportBody, catReportCorrectionBody, catReportFormValues, catReportHref, newCatReportHref } from './cat-report-form';

/** Bundled records, as the database stores them (data/seed/cat-reports.json). */
const bundled = JSON.parse(readFileSync(new URL('../../../data/seed/cat-reports.json', import.meta.url), 'utf8')) as EditableCatReport[];
const record = (id: string) => {
  const found = bundled.find((r) => r.id === id);
  if (!found) throw new Error(`no bundled record ${id}`);
  return {
    ...found,
    source: { id: found.sourceId, title: 't', url: null, asOf: found.asOf },
    retractedAt: null,
    history: [],
  } as EditableCatReport;
};
/** What a correction sends back of a record: everything but its identity, computed dues, source and as-of date. */
const correctable = (r: EditableCatReport) => {
  const {
    id: _i,
    stateIso3: _s,
    number: _n,
    lastNumber: _l,
    due: _d,
    followUpDue: _f,
    sourceId: _src,
    asOf: _a,
    source: _so,
    retractedAt: _r,
    history: _h,
    ...fields
  } = r;
  return fields;
};
const citation = { sourceUrl: 'https://tbinternet.ohchr.org/', sourceDocumentSymbol: null, reason: 'Test reason' };

describe('CAT report record forms', () => {
  // Nigeria's initial report was considered without a report (a review in the absence of a report),
  // and Bahrain's 2nd periodic report has every kind of field: dates with a precision, spans, a follow-up receipt.
  for (const id of ['NGA:1', 'BHR:2']) {
    it(`sends ${id} back unchanged when the editor changes nothing but the citation`, () => {
      const r = record(id);
      const values = { ...catReportFormValues(r), ...citation };
      expect(catReportCorrectionBody(values)).toEqual({ ...correctable(r), ...citation });
    });
  }

  it('sends a changed field and keeps the rest', () => {
    const r = record('NGA:1');
    const values = {
      ...catReportFormValues(r),
      'receivedOn.date': '2025-03-01',
      'receivedOn.precision': null,
      dialogueSession: '73',
      ...citation,
    };
    const body = catReportCorrectionBody(values);
    expect(body.receivedOn).toEqual({ date: '2025-03-01', precision: 'day' });
    expect(body.dialogueSession).toBe(73);
    expect(body.concludingObservationsSymbol).toBe('CAT/C/NGA/COAR/1');
    expect(body.consideredWithoutReport).toBe(true);
  });

  it('clears what the editor empties, and completes a one-day span', () => {
    const r = record('BHR:2');
    const values = {
      ...catReportFormValues(r),
      consideredWithoutReport: null,
      'followUpReceived.on': null,
      'followUpReceived.by': null,
      'followUpReceived.asStated': null,
      'dialogueDates.to': null,
      label: null,
      ...citation,
    };
    const body = catReportCorrectionBody(values);
    expect(body.followUpReceived).toBeNull();
    expect(body.dialogueDates).toEqual({ from: '2017-04-21', to: '2017-04-21', precision: 'day' });
    expect('label' in body).toBe(false);
  });

  it('passes a number that is not one on as typed, so that the API names the field', () => {
    expect(catReportCorrectionBody({ dialogueSession: 'seventy' }).dialogueSession).toBe('seventy');
    expect(catReportBody({ stateIso3: ' nga ', number: '2', lastNumber: '3' })).toMatchObject({
      stateIso3: 'NGA',
      number: 2,
      lastNumber: 3,
    });
    expect('lastNumber' in catReportBody({ stateIso3: 'NGA', number: '2' })).toBe(false);
  });

  it('links record pages by id, with the colon encoded', () => {
    expect(catReportHref('ALB:3-4')).toBe('/cat-reporting/reports/ALB%3A3-4');
    expect(newCatReportHref('NGA', 2)).toBe('/cat-reporting/reports/new?state=NGA&number=2');
    expect(newCatReportHref('NGA')).toBe('/cat-reporting/reports/new?state=NGA');
  });
});
