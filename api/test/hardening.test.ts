import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request as httpRequest, type IncomingMessage } from 'node:http';
import { connect } from 'node:net';
import { gunzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { createDb, sqliteOf } from '../src/db/database.js';
import { dialectOf } from '../src/db/dialect.js';
import { sqlOf } from '../src/db/sql.js';
import { INTERNAL_REQUEST_HEADER, internalRequestToken } from '../src/plugins/internal-requests.js';
import { editorToken, seededImage, setup } from './helper.js';

const assessment = {
  status: 'partially-implemented',
  assessedOn: '2025-06-30',
  sourceKind: 'stakeholder-report',
  sourceTitle: 'Joint NGO mid-term report',
  sourceUrl: 'https://example.org/joint-ngo-mid-term-report.pdf',
  reason: 'Mid-term report received',
};
/** An editor's API token (all scopes) on `app`. */
const editorOf = async (app: Awaited<ReturnType<typeof setup>>['app']) => (await editorToken(app)).headers;

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

/** The seeded database as a file in WAL mode, as the server runs it, behind a real listening server. */
async function listeningServer(env: Record<string, string> = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'tracker-hardening-'));
  const path = join(dir, 'db.sqlite');
  writeFileSync(path, seededImage());
  const db = createDb(path);
  const { config } = await setup({ env });
  const app = await buildApp({ ...config, databasePath: path }, db);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
  cleanups.push(() => app.close());
  return { app, db, port };
}

const firstRecommendationId = async (app: Awaited<ReturnType<typeof setup>>['app']) =>
  (await app.inject('/api/upr/recommendations?state=SVN&pageSize=1')).json().items[0].id as string;

const addAssessment = (
  app: Awaited<ReturnType<typeof setup>>['app'],
  id: string,
  headers: Record<string, string>,
  payload: unknown = assessment,
) =>
  app.inject({
    method: 'POST',
    url: `/api/upr/recommendations/${encodeURIComponent(id)}/assessments`,
    payload: payload as object,
    headers,
  });

describe('a CSV download that is cut short or paused', () => {
  it('leaves the connection free for writes, and later writes are seen', async () => {
    const { app, port } = await listeningServer();
    const id = await firstRecommendationId(app);
    const editor = await editorOf(app);
    // Start the whole export, read its first bytes, then stop reading: the client is paused.
    const response = await new Promise<IncomingMessage>((resolve, reject) =>
      httpRequest({ host: '127.0.0.1', port, path: '/api/upr/recommendations?format=csv' }, resolve).on('error', reject).end(),
    );
    expect(response.statusCode).toBe(200);
    await new Promise((resolve) => response.once('data', resolve));
    response.pause();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const whilePaused = await addAssessment(app, id, editor);
    expect(whilePaused.statusCode, whilePaused.body).toBe(201);
    // The client goes away mid-download.
    response.destroy();
    await new Promise((resolve) => setTimeout(resolve, 50));
    const afterAbort = await addAssessment(app, id, editor, { ...assessment, assessedOn: '2025-07-01' });
    expect(afterAbort.statusCode, afterAbort.body).toBe(201);
    const detail = (await app.inject(`/api/upr/recommendations/${encodeURIComponent(id)}`)).json();
    expect(detail.assessments).toHaveLength(2);
  });

  it('is not compressed for a client that refuses gzip (q=0)', async () => {
    const { app } = await setup({ seed: true });
    const res = await app.inject({
      url: '/api/upr/recommendations?state=SVN&format=csv',
      headers: { 'accept-encoding': 'gzip;q=0, br;q=0' },
    });
    expect(res.headers['content-encoding']).toBeUndefined();
    expect(res.body.startsWith('id,cycle,session')).toBe(true);
  });

  it('still sends every matching row when read to the end, gzipped or not', async () => {
    const { app } = await setup({ seed: true });
    const search = (await app.inject('/api/upr/recommendations?recommendingState=FRA&pageSize=200')).json();
    expect(search.total).toBeGreaterThan(1000); // several chunks
    for (const encoding of ['identity', 'gzip']) {
      const csv = await app.inject({
        url: '/api/upr/recommendations?recommendingState=FRA&format=csv',
        headers: { 'accept-encoding': encoding },
      });
      const body = encoding === 'gzip' ? gunzipSync(csv.rawPayload).toString() : csv.body;
      const rows = parse(body, { columns: true }) as { id: string; recommendingStates: string }[];
      expect(rows).toHaveLength(search.total);
      expect(new Set(rows.map((r) => r.id)).size).toBe(search.total);
      // In the search's order (newest session first).
      expect(rows.slice(0, 200).map((r) => r.id)).toEqual(search.items.map((r: { id: string }) => r.id));
    }
  });
});

describe('the cost of one search is bounded', () => {
  it('refuses more than ten words or phrases, and a text with no letter or digit', async () => {
    const { app } = await setup({ seed: true });
    const many = await app.inject(`/api/upr/recommendations?q=${encodeURIComponent('a b c d e f g h i j k')}`);
    expect(many.statusCode).toBe(400);
    expect(many.json()).toMatchObject({ error: 'Bad Request', message: expect.stringContaining('at most 10') });
    const noWord = await app.inject(`/api/upr/recommendations?q=${encodeURIComponent('"*" -- ()')}`);
    expect(noWord.statusCode).toBe(400);
    expect(noWord.json().message).toContain('at least one letter or digit');
  });

  it('matches a word of one or two letters whole, not as a prefix of every longer word', async () => {
    const { app } = await setup({ seed: true });
    const total = async (q: string) =>
      (await app.inject(`/api/upr/recommendations?pageSize=1&q=${encodeURIComponent(q)}`)).json().total as number;
    // "un" as a prefix would also match "universal", "under", "unconditionally"...
    expect(await total('un')).toBeLessThan(await total('uni'));
    expect(await total('un')).toBeGreaterThan(0);
  });

  it('caches on the validated query: unknown parameters and another order reuse one entry', async () => {
    const { app } = await setup({ seed: true });
    const first = await app.inject('/api/instruments/opcat/status?asOf=2026-02-03&group=african');
    const size = app.responseCacheSize();
    for (let i = 0; i < 20; i++) {
      const res = await app.inject({
        url: `/api/instruments/opcat/status?group=african&junk${i}=${i}&asOf=2026-02-03`,
        headers: { 'accept-encoding': 'br' },
      });
      expect(res.statusCode).toBe(200);
      expect(res.headers.etag).toBe(first.headers.etag);
    }
    expect(app.responseCacheSize()).toBe(size);
  });
});

describe('absolute links come from PUBLIC_URL, never from the Host header', () => {
  it('gives every reader the configured address, whatever Host the first one sent', async () => {
    const { app } = await setup({ seed: true, env: { PUBLIC_URL: 'https://tracker.example.org' } });
    const poisoned = await app.inject({ url: '/api/cat-reporting/calendar.ics', headers: { host: 'evil.example' } });
    expect(poisoned.statusCode).toBe(200);
    expect(poisoned.body).not.toContain('evil.example');
    const next = await app.inject('/api/cat-reporting/calendar.ics');
    expect(next.body).toContain('URL:https://tracker.example.org/states/');
    expect(next.body).not.toContain('evil.example');
  });

  it('answers a request with a malformed Host header', async () => {
    const { app } = await setup({ seed: true });
    const res = await app.inject({ url: '/api/cat-reporting/calendar.ics?state=NGA', headers: { host: 'a b' } });
    expect(res.statusCode).toBe(200);
  });
});

describe('web addresses are http(s) only', () => {
  it.each(['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>', 'JavaScript:alert(1)', 'ftp://example.org/x'])(
    'refuses %s as an assessment source',
    async (sourceUrl) => {
      const { app } = await setup({ seed: true });
      const res = await addAssessment(app, await firstRecommendationId(app), await editorOf(app), { ...assessment, sourceUrl });
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toContain('http:// or https://');
    },
  );

  it('accepts an https address', async () => {
    const { app } = await setup({ seed: true });
    const res = await addAssessment(app, await firstRecommendationId(app), await editorOf(app), {
      ...assessment,
      sourceUrl: 'https://example.org/report.pdf',
    });
    expect(res.statusCode).toBe(201);
  });
});

describe('bad input gets a clear 400, never a 500 or a silent guess', () => {
  it('answers a timeline that ends before the instrument was adopted with 400', async () => {
    const { app } = await setup({ seed: true });
    const res = await app.inject('/api/instruments/rome-statute/timeline?to=1990-01-01');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ error: 'Bad Request', message: expect.stringContaining('1998-07-17') });
  });

  it.each(['page=0x10', 'page=1e3', 'pageSize=%205', 'pageSize=5%20', 'page=%2B5', 'page=1.0', 'page=-1', 'cycle=0x2', 'page=0'])(
    'refuses %s: numbers are plain decimal digits',
    async (query) => {
      const { app } = await setup({ seed: true });
      const res = await app.inject(`/api/upr/recommendations?${query}`);
      expect(res.statusCode).toBe(400);
      expect(res.json().details[0].path).toMatch(/^querystring\.(page|pageSize|cycle)$/);
    },
  );

  it('accepts ordinary page numbers', async () => {
    const { app } = await setup({ seed: true });
    const res = await app.inject('/api/upr/recommendations?page=2&pageSize=5&cycle=4');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ page: 2, pageSize: 5 });
  });

  it('says what is wrong with a recommendation id of 101 to 200 characters and one too long', async () => {
    const { app } = await setup({ seed: true });
    const missing = await app.inject(`/api/upr/recommendations/${'x'.repeat(150)}`);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().message).toContain('No UPR recommendation');
    const long = await app.inject(`/api/upr/recommendations/${'x'.repeat(250)}`);
    expect(long.statusCode).toBe(400);
    expect(long.json().details[0].path).toBe('params.id');
  });

  it.each([
    [{ assessedOn: '0000-01-01' }, 'assessedOn'],
    [{ assessedOn: '2007-12-31' }, 'assessedOn'],
    [{ reason: '\u0000\u0000\u0000' }, 'reason'],
    [{ reason: '   ' }, 'reason'],
    [{ sourceTitle: 'Report\u0007' }, 'sourceTitle'],
    [{ reason: 'fuzz \ud800 test' }, 'reason'],
    [{ evidence: 'Budget line\ud83d' }, 'evidence'],
    [{ documentSymbol: 'C.N.<script>' }, 'documentSymbol'],
    [{ sourceUrl: null }, 'sourceUrl'],
  ])('refuses an assessment with %o', async (change, field) => {
    const { app } = await setup({ seed: true });
    const res = await addAssessment(app, await firstRecommendationId(app), await editorOf(app), { ...assessment, ...change });
    expect(res.statusCode).toBe(400);
    expect(res.json().details.map((d: { path: string }) => d.path)).toContain(`body.${field}`);
  });

  it('answers a broken %-escape in the path with the uniform error body', async () => {
    const { app } = await setup({ seed: true });
    const res = await app.inject('/api/states/%ZZ');
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual({ error: 'Bad Request', message: expect.stringContaining('%') });
  });

  it('answers an HTTP/1.1 request without Host with 400 and the uniform error body', async () => {
    const { port } = await listeningServer();
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => socket.write('GET /api/health HTTP/1.1\r\nConnection: close\r\n\r\n'));
      let data = '';
      socket
        .on('data', (chunk: Buffer) => (data += chunk.toString()))
        .on('close', () => resolve(data))
        .on('error', reject);
    });
    expect(raw).toMatch(/^HTTP\/1\.1 400 /);
    expect(JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4))).toEqual({ error: 'Bad Request', message: expect.stringContaining('Host') });
  });

  it('answers headers that are too large with 431 and the uniform error body', async () => {
    const { port } = await listeningServer();
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () =>
        socket.write(`GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`),
      );
      let data = '';
      socket
        .on('data', (chunk: Buffer) => (data += chunk.toString()))
        .on('close', () => resolve(data))
        .on('error', reject);
    });
    expect(raw).toMatch(/^HTTP\/1\.1 431 /);
    const body = JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4));
    expect(body).toEqual({ error: 'Request Header Fields Too Large', message: expect.stringContaining('too large') });
  });
});

describe('access to writes', () => {
  it('is checked before the body: an anonymous caller learns nothing of the schema', async () => {
    const { app } = await setup({ seed: true });
    const res = await addAssessment(app, await firstRecommendationId(app), {}, { nonsense: true });
    expect(res.statusCode).toBe(401);
    expect(res.json().details).toBeUndefined();
    expect(res.body).not.toContain('status');
  });

  it('refuses raw non-ASCII bytes of the right length with 401, not 500', async () => {
    const { port, app } = await listeningServer();
    const id = await firstRecommendationId(app);
    const status = await new Promise<number>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => {
        const body = JSON.stringify(assessment);
        const head = `POST /api/upr/recommendations/${encodeURIComponent(id)}/assessments HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${body.length}\r\nAuthorization: Bearer `;
        socket.write(Buffer.concat([Buffer.from(head), Buffer.alloc(47, 0xe9), Buffer.from(`\r\nConnection: close\r\n\r\n${body}`)]));
      });
      let data = '';
      socket
        .on('data', (c: Buffer) => (data += c.toString()))
        .on('close', () => resolve(Number(data.slice(9, 12))))
        .on('error', reject);
    });
    expect(status).toBe(401);
  });

  it('refuses malformed Authorization headers and near-misses of a real token with 401, never a 5xx', async () => {
    const { app, db } = await setup({ seed: true });
    const id = await firstRecommendationId(app);
    const { headers } = await editorToken(app);
    const secret = headers.authorization.slice('Bearer '.length);
    // Only the token's hash is stored: the secret itself is nowhere in the table.
    const stored = await db.selectFrom('apiToken').selectAll().execute();
    expect(JSON.stringify(stored)).not.toContain(secret);
    const malformed = [
      'Bearer',
      'Bearer ',
      'Bearer  ',
      `bearer ${secret}`,
      `Bearer ${secret} `,
      `Bearer ${secret.slice(0, -1)}`,
      `Bearer ${secret}x`,
      `Bearer ${secret.toUpperCase()}`,
      `Basic ${Buffer.from(`a:${secret}`).toString('base64')}`,
      secret,
      'Bearer é',
      `Bearer ${'a'.repeat(10_000)}`,
      'Bearer \u0000',
    ];
    for (const [i, authorization] of malformed.entries()) {
      const res = await app.inject({
        method: 'POST',
        url: `/api/upr/recommendations/${encodeURIComponent(id)}/assessments`,
        payload: assessment,
        headers: { authorization },
        // Each from its own address, so the failure lockout does not answer for them.
        remoteAddress: `10.9.0.${i + 1}`,
      });
      expect(res.statusCode, JSON.stringify(authorization.slice(0, 40))).toBe(401);
      expect(res.json()).toMatchObject({ error: 'Unauthorized', message: expect.any(String) });
    }
    expect((await addAssessment(app, id, headers)).statusCode).toBe(201);
  });

  it('locks out an address after ten failed attempts, even for the right token', async () => {
    const { app } = await setup({ seed: true });
    const id = await firstRecommendationId(app);
    const editor = await editorOf(app);
    for (let i = 0; i < 10; i++) expect((await addAssessment(app, id, { authorization: `Bearer wrong-${i}` })).statusCode).toBe(401);
    const eleventh = await addAssessment(app, id, { authorization: 'Bearer wrong-again' });
    expect(eleventh.statusCode).toBe(429);
    expect(eleventh.json()).toMatchObject({ error: 'Too Many Requests', message: expect.stringContaining('try again') });
    expect((await addAssessment(app, id, editor)).statusCode).toBe(429);
  });

  it('limits writes per address, whatever their outcome', async () => {
    const { app } = await setup({ seed: true });
    const editor = await editorOf(app);
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await addAssessment(app, 'no-such-recommendation', editor)).statusCode);
    expect(statuses.slice(0, 30).every((s) => s === 404)).toBe(true);
    expect(statuses[30]).toBe(429);
  });
});

describe('rate limits on reading', () => {
  it('answer 429 with the uniform body past the configured limit, and not at all with 0', async () => {
    const { app } = await setup({ seed: true, env: { RATE_LIMIT_PER_MINUTE: '5' } });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) statuses.push((await app.inject('/api/instruments')).statusCode);
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    expect((await app.inject('/api/instruments')).json()).toMatchObject({ error: 'Too Many Requests' });

    // The dashboard's own in-process calls carry the process's secret and are not counted; a guess is.
    const { app: dashboard } = await setup({ seed: true, env: { RATE_LIMIT_PER_MINUTE: '5' } });
    for (let i = 0; i < 10; i++) {
      expect(
        (await dashboard.inject({ url: '/api/instruments', headers: { [INTERNAL_REQUEST_HEADER]: internalRequestToken } })).statusCode,
      ).toBe(200);
    }
    const guesses = [];
    for (let i = 0; i < 6; i++)
      guesses.push(
        (
          await dashboard.inject({
            url: '/api/instruments',
            headers: { [INTERNAL_REQUEST_HEADER]: 'x'.repeat(internalRequestToken.length) },
          })
        ).statusCode,
      );
    expect(guesses.at(-1)).toBe(429);

    const { app: unlimited } = await setup({ seed: true, env: { RATE_LIMIT_PER_MINUTE: '0' } });
    for (let i = 0; i < 20; i++) expect((await unlimited.inject('/api/instruments')).statusCode).toBe(200);
  });
});

describe('GET /api/health', () => {
  it('reads real data and reports the data version and the last import', async () => {
    const { app } = await setup({ seed: true });
    const res = await app.inject('/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'ok',
      database: { states: 197, dataVersion: expect.any(Number), lastImportAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) },
    });
  });

  it('answers 503 when the data cannot be read', async () => {
    const { app, db } = await setup({ seed: true });
    const { app: other, db: otherDb, config } = await setup({ seed: true });
    let broken = other;
    if (dialectOf(db) === 'sqlite') {
      // Damage the states' table as a bad disk would: its root page overwritten with junk.
      const sqlite = sqliteOf(db);
      const root = (sqlite.prepare("select rootpage from sqlite_master where name = 'state'").get() as { rootpage: number }).rootpage;
      const pageSize = sqlite.pragma('page_size', { simple: true }) as number;
      const image = sqlite.serialize();
      image.fill(0x5a, (root - 1) * pageSize, root * pageSize);
      broken = await buildApp(config, createDb(image));
      cleanups.push(() => broken.close());
    } else {
      // PostgreSQL keeps its own files: the table is taken away instead, as a mistaken manual change would.
      await sqlOf(otherDb).run('alter table state rename to stateGone');
    }
    const res = await broken.inject('/api/health');
    expect(res.statusCode).toBe(503);
    expect(res.json()).toEqual({ error: 'Service Unavailable', message: expect.stringContaining('database') });
    expect((await app.inject('/api/health')).statusCode).toBe(200);
  });
});

describe('CSV exports neutralise spreadsheet formulas', () => {
  it('prefixes cells that begin with = + - @ with a quote and quotes line breaks, in every CSV', async () => {
    const { app, db } = await setup({ seed: true });
    const q = sqlOf(db);
    const svn = "where stateUnderReviewIso3 = 'SVN'";
    await q.run(`update source set title = ? where id = (select sourceId from uprRecommendation ${svn} limit 1)`, [
      '=HYPERLINK("http://evil.example","x")',
    ]);
    await q.run(`update uprRecommendation set text = ? where seq = (select min(seq) from uprRecommendation ${svn})`, ['@SUM(1+1)']);
    await q.run("update state set nameEn = ? where iso3 = 'SVN'", ['+cmd|calc']);
    await q.run(`update uprRecommendation set text = ? where seq = (select max(seq) from uprRecommendation ${svn})`, [
      'line one\nline two',
    ]);
    await q.run('update dataVersion set version = version + 1');

    const uprCsv = (await app.inject('/api/upr/recommendations?state=SVN&format=csv')).body;
    // Quoted, so that spreadsheets that split rows at any line feed keep the row whole.
    expect(uprCsv).toContain(',"line one\nline two",');
    const upr = parse(uprCsv, { columns: true }) as Record<string, string>[];
    expect(upr.some((r) => r.text === "'@SUM(1+1)")).toBe(true);
    expect(upr.some((r) => r.source!.startsWith("'=HYPERLINK"))).toBe(true);
    expect(upr.every((r) => r.stateUnderReview === "'+cmd|calc")).toBe(true);
    // A lone line feed inside a text is quoted: the row stays one row.
    expect(upr.some((r) => r.text === 'line one\nline two')).toBe(true);
    expect(upr).toHaveLength((await app.inject('/api/upr/recommendations?state=SVN&pageSize=1')).json().total);

    const states = parse((await app.inject('/api/states?format=csv')).body, { columns: true }) as Record<string, string>[];
    expect(states.find((s) => s.iso3 === 'SVN')!.nameEn).toBe("'+cmd|calc");
    for (const [name, body] of Object.entries({ upr, states })) {
      for (const row of body) for (const cell of Object.values(row)) expect(/^[=+\-@]/.test(cell), `${name}: ${cell}`).toBe(false);
    }
  });
});
