import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { CatReport } from '../src/domain/cat-reporting.js';
import type { EditableCatReport } from '../src/schemas/cat-editing.js';
import type { CatReportingDetail, CatReportingListResponse } from '../src/schemas/cat-reporting.js';
import { editorSession, editorToken, setup } from './helper.js';

type App = Awaited<ReturnType<typeof setup>>['app'];

const detail = async (app: App, iso3: string) => (await app.inject(`/api/cat-reporting/${iso3}`)).json<CatReportingDetail>();
const reportUrl = (id: string) => `/api/cat-reporting/reports/${encodeURIComponent(id)}`;

/** A State whose recorded history is complete and whose initial report is established overdue, read from the data. */
async function stateOverdue(app: App) {
  const list = (await app.inject('/api/cat-reporting')).json<CatReportingListResponse>();
  const row = list.states.find((s) => s.completeness === 'complete' && s.situation === 'initial-report-never-submitted');
  if (!row) throw new Error('no State with a complete history has its initial report established overdue');
  return row.iso3;
}

// The records in these tests are made up for the test: no State's real reporting is claimed.
const citation = {
  sourceUrl: 'https://tbinternet.ohchr.org/_layouts/15/TreatyBodyExternal/countries.aspx',
  sourceDocumentSymbol: null,
  reason: 'Test: the treaty body database lists the report as received',
};
const aMonthAgo = () => new Date(Date.now() - 30 * 86_400_000).toISOString().slice(0, 10);

describe('editing CAT reporting records', () => {
  it('record ids are the State and report numbers, as in the bundled records', () => {
    const reports = JSON.parse(readFileSync(new URL('../../data/seed/cat-reports.json', import.meta.url), 'utf8')) as CatReport[];
    expect(reports.length).toBeGreaterThan(10);
    for (const r of reports)
      expect(r.id).toBe(r.lastNumber > r.number ? `${r.stateIso3}:${r.number}-${r.lastNumber}` : `${r.stateIso3}:${r.number}`);
  });

  it('records a received report with a token: due dates are computed, the situation moves, and a retraction moves it back', async () => {
    const { app } = await setup({ seed: true });
    const { headers, user } = await editorToken(app, ['cat-reporting'], { organisation: 'Torture Watch' });
    const iso3 = await stateOverdue(app);
    const before = await detail(app, iso3);
    const next = Math.max(...before.records.map((r) => r.lastNumber)) + 1;
    const body = {
      stateIso3: iso3,
      number: next,
      receivedOn: { date: aMonthAgo(), precision: 'day' },
      documents: 'Test record',
      ...citation,
    };

    const added = await app.inject({ method: 'POST', url: '/api/cat-reporting/reports', payload: body, headers });
    expect(added.statusCode, added.body).toBe(201);
    const record = added.json<CatReport>();
    expect(record).toMatchObject({ id: `${iso3}:${next}`, number: next, lastNumber: next, receivedOn: body.receivedOn });
    expect(record.sourceId).toMatch(/^cited-/);
    // Its due date follows from the record before it, by the rules (a periodic report after the initial one).
    expect(record.due.basis).not.toBeNull();

    // A later report received shows the State did report: the initial report is no longer established as never submitted.
    const after = await detail(app, iso3);
    expect(before.summary.situation).toBe('initial-report-never-submitted');
    expect(after.summary.situation).not.toBe('initial-report-never-submitted');
    expect(after.records.map((r) => r.id)).toContain(record.id);
    expect(after.sources.map((s) => s.id)).toContain(record.sourceId);

    expect((await app.inject({ method: 'POST', url: '/api/cat-reporting/reports', payload: body, headers })).statusCode).toBe(409);

    const retraction = { reason: 'Test: recorded against the wrong State', sourceUrl: citation.sourceUrl };
    const retracted = await app.inject({ method: 'POST', url: `${reportUrl(record.id)}/retract`, payload: retraction, headers });
    expect(retracted.statusCode, retracted.body).toBe(200);
    expect(retracted.json().retractedAt).toEqual(expect.any(String));
    const back = await detail(app, iso3);
    expect(back.summary.situation).toBe(before.summary.situation);
    expect(back.reports).toEqual(before.reports);
    expect(back.records).toEqual(before.records);
    expect((await app.inject({ method: 'POST', url: `${reportUrl(record.id)}/retract`, payload: retraction, headers })).statusCode).toBe(
      409,
    );
    const { stateIso3: _s, number: _n, ...correctable } = body;
    expect((await app.inject({ method: 'PUT', url: reportUrl(record.id), payload: correctable, headers })).statusCode).toBe(409);

    const audit = await app.db
      .selectFrom('auditLog')
      .selectAll()
      .where('entity', '=', 'catReport')
      .where('entityId', '=', record.id)
      .orderBy('id')
      .execute();
    expect(audit.map((a) => a.action)).toEqual(['insert', 'retract']);
    for (const a of audit)
      expect(a).toMatchObject({ actor: user.name, organisation: 'Torture Watch', instrumentId: 'uncat', stateIso3: iso3 });
    expect(audit.map((a) => a.reason)).toEqual([body.reason, retraction.reason]);
    expect(JSON.parse(audit[0]!.after!)).toEqual(record);
    expect(audit[1]!.before).toBe(audit[0]!.after);
    expect(audit[1]!.after).toBeNull();
    expect(audit.every((a) => a.sourceId?.startsWith('cited-'))).toBe(true);

    // Recording it again reinstates the retracted id.
    expect((await app.inject({ method: 'POST', url: '/api/cat-reporting/reports', payload: body, headers })).statusCode).toBe(201);
    expect((await detail(app, iso3)).summary.situation).toBe(after.summary.situation);
  });

  it('corrects a record with a signed-in session; refuses anonymous callers, other scopes and identity changes', async () => {
    const { app } = await setup({ seed: true });
    const iso3 = await stateOverdue(app);
    const before = await detail(app, iso3);
    const initial = before.records.find((r) => r.number === 1)!;
    const { id: _i, stateIso3: _s, number: _n, lastNumber: _l, due: _d, followUpDue: _f, sourceId: _src, asOf: _a, ...fields } = initial;
    const correction = {
      ...fields,
      consideredWithoutReport: false,
      receivedOn: { date: aMonthAgo(), precision: 'day' },
      latenessAsStatedByCommittee: null,
      ...citation,
    };
    const url = reportUrl(initial.id);
    expect((await app.inject({ method: 'PUT', url, payload: correction })).statusCode).toBe(401);
    const other = await editorToken(app, ['participation-events']);
    expect((await app.inject({ method: 'PUT', url, payload: correction, headers: other.headers })).statusCode).toBe(403);
    const { headers } = await editorSession(app, { organisation: 'Coalition' });
    expect((await app.inject({ method: 'PUT', url, payload: correction, headers: { cookie: headers.cookie } })).statusCode).toBe(403);
    const identity = await app.inject({ method: 'PUT', url, payload: { ...correction, number: 2 }, headers });
    expect(identity.statusCode).toBe(400);
    expect(identity.json().message).toContain('number');

    const corrected = await app.inject({ method: 'PUT', url, payload: correction, headers });
    expect(corrected.statusCode, corrected.body).toBe(200);
    expect(corrected.json()).toMatchObject({ id: initial.id, receivedOn: correction.receivedOn, consideredWithoutReport: false });
    const after = await detail(app, iso3);
    expect(after.summary.situation).not.toBe('initial-report-never-submitted');
    expect(after.reports.find((r) => r.reportNumber === 1)!.status).not.toBe('overdue');

    const [entry] = await app.db
      .selectFrom('auditLog')
      .selectAll()
      .where('entity', '=', 'catReport')
      .where('entityId', '=', initial.id)
      .where('action', '=', 'correct')
      .execute();
    expect(entry).toMatchObject({ organisation: 'Coalition', reason: citation.reason, instrumentId: 'uncat', stateIso3: iso3 });
    expect(JSON.parse(entry!.before!)).toEqual(initial);
    expect(JSON.parse(entry!.after!)).toEqual(corrected.json());
  });

  it('reads one record as stored, with its source and history, so a form can correct it and put it back', async () => {
    const { app } = await setup({ seed: true });
    const iso3 = await stateOverdue(app);
    const initial = (await detail(app, iso3)).records.find((r) => r.number === 1)!;
    const read = await app.inject(reportUrl(initial.id));
    expect(read.statusCode, read.body).toBe(200);
    const stored = read.json<EditableCatReport>();
    const { source, retractedAt, history, ...record } = stored;
    expect(record).toEqual(initial);
    expect(source.id).toBe(initial.sourceId);
    expect(retractedAt).toBeNull();
    const imported = history.length;

    // What the dashboard's form does: the stored fields, one changed, with a citation and a reason.
    const { id: _i, stateIso3: _s, number: _n, lastNumber: _l, due: _d, followUpDue: _f, sourceId: _src, asOf: _a, ...fields } = record;
    const { headers, user } = await editorSession(app, { organisation: 'Torture Watch' });
    const correction = { ...fields, otherEvents: 'Test: a note added by an editor', ...citation };
    expect((await app.inject({ method: 'PUT', url: reportUrl(initial.id), payload: correction, headers })).statusCode).toBe(200);
    const after = (await app.inject(reportUrl(initial.id))).json<EditableCatReport>();
    expect(after.otherEvents).toBe(correction.otherEvents);
    expect(after.history).toHaveLength(imported + 1);
    expect(after.history.at(-1)).toMatchObject({
      action: 'correct',
      actor: user.name,
      organisation: 'Torture Watch',
      reason: citation.reason,
    });
    expect(after.history.at(-1)!.before).toEqual(initial);
    expect(after.history.at(-1)!.source?.url).toBe(citation.sourceUrl);

    // A retracted record stays readable, marked.
    const retraction = { reason: 'Test: recorded against the wrong State', sourceUrl: citation.sourceUrl };
    expect((await app.inject({ method: 'POST', url: `${reportUrl(initial.id)}/retract`, payload: retraction, headers })).statusCode).toBe(
      200,
    );
    const retracted = (await app.inject(reportUrl(initial.id))).json<EditableCatReport>();
    expect(retracted.retractedAt).toEqual(expect.any(String));
    expect(retracted.history.at(-1)).toMatchObject({ action: 'retract', after: null });

    expect((await app.inject(reportUrl(`${iso3}:99`))).statusCode).toBe(404);
    const bad = await app.inject(reportUrl('not an id'));
    expect(bad.statusCode).toBe(400);
    expect(bad.json().message).toContain('id');
  });

  it('refuses bad input with a 400 that names the field, and unknown records with 404', async () => {
    const { app } = await setup({ seed: true });
    const { headers } = await editorToken(app, ['cat-reporting']);
    const iso3 = await stateOverdue(app);
    const body = { stateIso3: iso3, number: 9, receivedOn: { date: aMonthAgo(), precision: 'day' }, documents: 'Test record', ...citation };
    const refusals: [object, string][] = [
      [{ ...body, sourceUrl: null }, 'cite a source'],
      [{ ...body, reason: '' }, 'reason'],
      [{ ...body, stateIso3: 'XXX' }, 'stateIso3'],
      [{ ...body, number: 0 }, 'number'],
      [{ ...body, lastNumber: 8 }, 'lastNumber'],
      [{ ...body, receivedOn: { date: '2025-02-30', precision: 'day' } }, 'receivedOn'],
      [{ ...body, receivedOn: { date: '2999-01-01', precision: 'day' } }, 'future'],
      [{ ...body, documents: undefined }, 'documents'],
      [{ ...body, due: null }, 'due'],
    ];
    for (const [payload, named] of refusals) {
      const res = await app.inject({ method: 'POST', url: '/api/cat-reporting/reports', payload, headers });
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().message).toContain(named);
    }
    const missing = `${iso3}:99`;
    const { stateIso3: _s, number: _n, ...correctable } = body;
    expect((await app.inject({ method: 'PUT', url: reportUrl(missing), payload: correctable, headers })).statusCode).toBe(404);
    expect(
      (
        await app.inject({
          method: 'POST',
          url: `${reportUrl(missing)}/retract`,
          payload: { reason: 'Test', sourceUrl: citation.sourceUrl },
          headers,
        })
      ).statusCode,
    ).toBe(404);
  });
});
