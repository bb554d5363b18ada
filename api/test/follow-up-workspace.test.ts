import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { unfold } from '../src/domain/ics.js';
import { readSpreadsheet, XLSX_TYPE } from '../src/lib/spreadsheet.js';
import type { FollowUpPlan, ImportPreview } from '../src/schemas/follow-up.js';
import { editorToken, setup } from './helper.js';

/**
 * The follow-up workspace on the seeded database, through the API as an organisation uses it:
 * Slovenia's 48th-session review (254 recommendations), clustered, assigned to bodies, updated
 * twice, published, exported to XLSX and imported again. Actions and updates are made up for the
 * test; no State's real progress is claimed.
 */
const NHRI = 'Human Rights Ombudsman (test)';
const NGO = 'NGO coalition (test)';
const isoDay = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

async function workspace() {
  const { app } = await setup({ seed: true });
  const owner = await editorToken(app, ['follow-up'], { organisation: NHRI });
  const other = await editorToken(app, ['follow-up'], { organisation: NGO });
  const created = await app.inject({
    method: 'POST',
    url: '/api/follow-up/plans',
    payload: { reviewId: 'SVN-48', title: 'Follow-up of the 4th cycle (test)' },
    headers: owner.headers,
  });
  expect(created.statusCode, created.body).toBe(201);
  const plan = created.json<FollowUpPlan>();
  const url = `/api/follow-up/plans/${plan.id}`;
  const send = async (method: 'POST' | 'PUT', path: string, payload: unknown, who = owner) =>
    app.inject({ method, url: `${url}${path}`, payload: payload as object, headers: who.headers });
  const read = async (who: typeof owner | null = owner, query = '') =>
    (await app.inject({ url: `${url}${query}`, headers: who?.headers ?? {} })).json<FollowUpPlan>();
  const find = (p: FollowUpPlan, paragraph: string) => p.clusters.flatMap((c) => c.recommendations).find((r) => r.paragraph === paragraph)!;
  const importFile = (file: Buffer, type: string, query: string) =>
    app.inject({ method: 'POST', url: `${url}/import?${query}`, payload: file, headers: { ...owner.headers, 'content-type': type } });
  return { app, owner, other, plan, url, send, read, find, importFile };
}

describe('the follow-up workspace', () => {
  it('clusters, assigns, updates twice, publishes, exports to XLSX and imports the export again without a change', async () => {
    const { app, owner, other, plan, url, send, read, find, importFile } = await workspace();
    const opcat = find(plan, '140.7');

    // Clusters: a new one, renamed; a recommendation moved into it.
    const cluster = await send('POST', '/clusters', { title: 'Torture preventon' });
    expect(cluster.statusCode, cluster.body).toBe(201);
    const clusterId = cluster.json().id as string;
    expect((await send('PUT', `/clusters/${clusterId}`, { title: 'Torture prevention' })).statusCode).toBe(200);
    expect((await send('PUT', `/items/${opcat.itemId}`, { clusterId })).statusCode).toBe(200);
    expect((await send('PUT', `/items/${opcat.itemId}`, { clusterId: 'cluster-nope' })).json().message).toContain('no cluster');

    // The State's list of bodies; an action names a listed body in any case and is stored as listed.
    const body = await app.inject({
      method: 'POST',
      url: '/api/follow-up/bodies',
      payload: { stateIso3: 'svn', name: 'Ministry of Justice', kind: 'ministry' },
      headers: (await editorToken(app, ['follow-up'], { organisation: NGO })).headers,
    });
    expect(body.statusCode, body.body).toBe(201);
    const again = await app.inject({
      method: 'POST',
      url: '/api/follow-up/bodies',
      payload: { stateIso3: 'SVN', name: 'ministry of justice' },
      headers: owner.headers,
    });
    expect(again.statusCode).toBe(400);
    expect(again.json().message).toContain('already in SVN');
    expect((await app.inject('/api/follow-up/bodies?state=SVN')).json().bodies.map((b: { name: string }) => b.name)).toEqual([
      'Ministry of Justice',
    ]);
    const action = await send('POST', '/actions', {
      itemId: opcat.itemId,
      description: 'Draft the ratification bill (test)',
      responsibleBody: 'MINISTRY OF JUSTICE',
      targetDate: isoDay(20),
    });
    expect(action.json()).toMatchObject({ responsibleBody: 'Ministry of Justice' });
    await send('POST', '/actions', {
      itemId: opcat.itemId,
      description: 'Consult the NPM (test)',
      responsibleBody: 'Human Rights Ombudsman',
    });
    expect(
      (
        await send('POST', '/indicators', {
          itemId: opcat.itemId,
          description: 'Instrument deposited (test)',
          baseline: 'no',
          target: 'yes',
        })
      ).statusCode,
    ).toBe(201);

    // A recommendation of another mechanism, by hand, with its symbol.
    const cat = await send('POST', '/recommendations', {
      mechanism: 'CAT',
      documentSymbol: 'CAT/C/SVN/CO/4',
      paragraph: '12 (a)',
      text: 'Ensure that all detainees are afforded fundamental legal safeguards (test)',
      clusterId,
    });
    expect(cat.statusCode, cat.body).toBe(201);

    // Two updates, the second later; then published. Another organisation reads the publication.
    for (const [status, date] of [
      ['not-started', isoDay(-200)],
      ['in-progress', isoDay(-10)],
    ])
      expect(
        (
          await send('POST', '/updates', {
            itemId: opcat.itemId,
            status,
            date,
            narrative: `Reported ${status} (test)`,
            documentSymbol: 'A/HRC/55/15',
          })
        ).statusCode,
      ).toBe(201);
    expect((await send('POST', '/publish', { reason: 'Mid-term (test)' })).statusCode).toBe(200);
    const published = await read(other);
    const torture = published.clusters.find((c) => c.id === clusterId)!;
    expect(torture.title).toBe('Torture prevention');
    expect(torture.recommendations.map((r) => r.mechanism)).toEqual(['UPR', 'CAT']);
    expect(find(published, '140.7')).toMatchObject({
      progress: { status: 'in-progress' },
      indicators: [{ description: 'Instrument deposited (test)', baseline: 'no', target: 'yes' }],
    });
    expect(find(published, '140.7').updates).toHaveLength(2);
    expect(published.clusters.flatMap((c) => c.recommendations)).toHaveLength(255);

    // The matrix as XLSX: one row per action, the headers an import reads.
    const xlsx = await app.inject(`${url}?format=xlsx`);
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toBe(XLSX_TYPE);
    expect(xlsx.headers['content-disposition']).toMatch(/follow-up-SVN-SVN-48-.*\.xlsx/);
    const sheet = await readSpreadsheet(xlsx.rawPayload, 'xlsx');
    expect(sheet.headers.slice(0, 3)).toEqual(['Recommendation id', 'Paragraph', 'Recommendation']);
    expect(sheet.rows).toHaveLength(256); // 255 recommendations, one of them with two actions
    const opcatRows = sheet.rows.filter((r) => r.cells[1] === '140.7');
    expect(opcatRows.map((r) => r.cells[6])).toEqual(['Draft the ratification bill (test)', 'Consult the NPM (test)']);

    // Imported again into the same plan: every row matched by id, nothing to change.
    const preview = await importFile(xlsx.rawPayload, XLSX_TYPE, 'dryRun=true');
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json<ImportPreview>().summary).toEqual({ rows: 256, matched: 256, toConfirm: 0, refused: 0, changes: 0 });
    const applied = await importFile(xlsx.rawPayload, XLSX_TYPE, 'dryRun=false');
    expect(applied.json<ImportPreview>()).toMatchObject({ applied: true, summary: { changes: 0 } });
    expect(find(await read(), '140.7').actions).toHaveLength(2);

    // The Word report; and a reader of another organisation may not import.
    const docx = await app.inject(`${url}?format=docx&asOf=${isoDay(-100)}`);
    expect(docx.statusCode).toBe(200);
    expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect(
      (
        await importFile(xlsx.rawPayload, XLSX_TYPE, 'dryRun=true').then(() =>
          app.inject({
            method: 'POST',
            url: `${url}/import`,
            payload: xlsx.rawPayload,
            headers: { ...other.headers, 'content-type': XLSX_TYPE },
          }),
        )
      ).statusCode,
    ).toBe(403);
  });

  it('imports a matrix in its own words: previews, refuses by row number, applies whole only when all is matched and confirmed', async () => {
    const { plan, read, find, importFile } = await workspace();
    const hateSpeech = plan.clusters.flatMap((c) => c.recommendations).find((r) => /hate speech/i.test(r.text) && r.paragraph)!;
    const csv = (rows: string[][]) =>
      Buffer.from(
        stringify([
          ['Para.', 'Recommendation', 'Thematic cluster', 'Lead institution', 'Planned action', 'Deadline', 'Progress', 'As of', 'Source'],
          ...rows,
        ]),
      );
    const rows = [
      [
        '140.7',
        '',
        'Torture prevention',
        'Ministry of Justice',
        'Draft the bill (test)',
        isoDay(60),
        'In progress',
        isoDay(-3),
        'https://example.org/e',
      ],
      ['', `${hateSpeech.text.slice(0, -1)} (Canada)`, '', '', 'Train prosecutors (test)', '', '', '', ''],
      ['999.9', 'Abolish something no recommendation says', '', '', '', '', '', '', ''],
    ];
    const preview = (await importFile(csv(rows), 'text/csv', 'dryRun=true')).json<ImportPreview>();
    expect(preview.summary).toEqual({ rows: 3, matched: 2, toConfirm: 1, refused: 1, changes: 5 });
    expect(preview.refused).toEqual([{ row: 4, message: expect.stringContaining('no recommendation of the plan reads like this one') }]);
    const byText = preview.rows.find((r) => r.row === 3)!;
    expect(byText).toMatchObject({ matchedBy: 'text', confirmed: false, itemId: hateSpeech.itemId });
    expect(byText.score).toBeGreaterThanOrEqual(0.6);

    const refused = await importFile(csv(rows), 'text/csv', 'dryRun=false&confirm=3');
    expect(refused.statusCode).toBe(400);
    expect(refused.json().details).toEqual([{ path: 'row 4', message: expect.any(String) }]);
    const unconfirmed = await importFile(csv(rows.slice(0, 2)), 'text/csv', 'dryRun=false');
    expect(unconfirmed.statusCode).toBe(400);
    expect(unconfirmed.json().details).toEqual([{ path: 'row 3', message: expect.stringContaining('confirm') }]);
    expect(find(await read(), '140.7').actions).toEqual([]); // nothing applied

    const applied = await importFile(csv(rows.slice(0, 2)), 'text/csv', 'dryRun=false&confirm=3');
    expect(applied.statusCode, applied.body).toBe(200);
    const after = await read();
    expect(find(after, '140.7')).toMatchObject({
      actions: [{ description: 'Draft the bill (test)', responsibleBody: 'Ministry of Justice', targetDate: isoDay(60) }],
      progress: { status: 'in-progress', date: isoDay(-3), sourceUrl: 'https://example.org/e' },
    });
    expect(after.clusters.find((c) => c.title === 'Torture prevention')!.recommendations.map((r) => r.paragraph)).toEqual(['140.7']);
    expect(after.clusters.flatMap((c) => c.recommendations).find((r) => r.itemId === hateSpeech.itemId)!.actions).toHaveLength(1);

    // Files that cannot be read say why.
    expect((await importFile(Buffer.from('Cluster,Action\nA,B\n'), 'text/csv', '')).json().message).toContain(
      'no column says which recommendation',
    );
    expect((await importFile(Buffer.from('PK\x03\x04garbage'), XLSX_TYPE, '')).json().message).toContain('not an XLSX workbook');
    expect((await importFile(Buffer.from(''), 'text/csv', '')).statusCode).toBe(400);
    const huge = await importFile(Buffer.alloc(11 * 1024 * 1024, 'a'), 'text/csv', '');
    expect(huge.statusCode).toBe(413);
    expect(huge.json()).toMatchObject({ message: expect.any(String) });
  });

  it('lists deadlines and serves them as a calendar, with drafts only for their organisation', async () => {
    const { app, owner, other, plan, send } = await workspace();
    const item = plan.clusters[0]!.recommendations[0]!;
    await send('POST', '/actions', { itemId: item.itemId, description: 'Report to parliament (test)', targetDate: isoDay(10) });
    await send('POST', '/actions', { itemId: item.itemId, description: 'Late already (test)', targetDate: isoDay(-10) });
    await send('POST', '/actions', { itemId: item.itemId, description: 'Far away (test)', targetDate: isoDay(200) });
    const deadlines = async (who: typeof owner | null, query = '') =>
      (await app.inject({ url: `/api/follow-up/deadlines?days=30${query}`, headers: who?.headers ?? {} })).json().deadlines as {
        description: string;
        overdue: boolean;
      }[];
    expect(await deadlines(null)).toEqual([]);
    // Nothing of the draft reaches the public change feed (JSON or Atom) or the search.
    for (const url of ['/api/changes?limit=200', '/api/changes?format=atom&limit=200', '/api/upr/recommendations?q=parliament']) {
      const res = await app.inject(url);
      expect(res.statusCode, url).toBe(200);
      expect(res.body, url).not.toMatch(new RegExp(`${plan.id}|Report to parliament \\(test\\)`));
    }
    expect(await deadlines(other)).toEqual([]);
    expect((await deadlines(owner)).map((d) => [d.description, d.overdue])).toEqual([
      ['Late already (test)', true],
      ['Report to parliament (test)', false],
    ]);
    await send('POST', '/publish', { reason: 'Published (test)' });
    expect(await deadlines(null, `&organisation=${encodeURIComponent(NHRI)}`)).toHaveLength(2);
    expect(await deadlines(null, '&organisation=Nobody')).toEqual([]);
    // Read later, the published plan flags what has fallen overdue since its publication.
    const later = (await app.inject(`/api/follow-up/plans/${plan.id}?asOf=${isoDay(30)}`)).json<FollowUpPlan>();
    const actions = later.clusters.flatMap((c) => c.recommendations).flatMap((r) => r.actions);
    expect(actions.map((a) => [a.description, a.overdue])).toEqual([
      ['Report to parliament (test)', true],
      ['Late already (test)', true],
      ['Far away (test)', false],
    ]);

    const ics = await app.inject('/api/follow-up/deadlines?days=30&format=ics&state=SVN');
    expect(ics.headers['content-type']).toContain('text/calendar');
    const text = unfold(ics.body);
    expect(text.match(/BEGIN:VEVENT/g)).toHaveLength(2);
    expect(text).toContain(`DTSTART;VALUE=DATE:${isoDay(10).replace(/-/g, '')}`);
    expect(text).toMatch(/UID:action-[0-9a-f]{12}@follow-up\.tracker/);
    expect(ics.body.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);

    const csv = parse((await app.inject('/api/follow-up/deadlines?days=30&format=csv')).body, { columns: true }) as Record<
      string,
      string
    >[];
    expect(csv.map((r) => r.description)).toEqual(['Late already (test)', 'Report to parliament (test)']);
    expect((await app.inject('/api/follow-up/deadlines?days=0')).statusCode).toBe(400);
  });

  it('takes a recommendation out with a reason, keeping its row, and refuses bad input', async () => {
    const { plan, send, read } = await workspace();
    const item = plan.clusters[0]!.recommendations[0]!;
    expect((await send('POST', `/items/${item.itemId}/remove`, { reason: 'Out of scope (test)' })).statusCode).toBe(201);
    const after = await read();
    expect(after.clusters.flatMap((c) => c.recommendations).map((r) => r.itemId)).not.toContain(item.itemId);
    expect((await send('POST', `/items/${item.itemId}/remove`, { reason: 'Again (test)' })).json().message).toContain('no recommendation');
    expect(
      (await send('POST', '/recommendations', { mechanism: 'CAT', documentSymbol: 'CAT/C/SVN/CO/4', text: 'x', clusterId: 'c' }))
        .statusCode,
    ).toBe(400);
    expect((await send('POST', '/indicators', { itemId: item.itemId, description: 'Measured' })).statusCode).toBe(400);
    expect((await send('POST', '/clusters', { title: '' })).statusCode).toBe(400);
  });
});
