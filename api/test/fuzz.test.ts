/**
 * Fuzzing every route of the OpenAPI document the app serves (so a new route is covered without
 * touching this file): path and query parameters filled with valid values from the data and the
 * document's enums mixed with bad dates, huge and odd strings, FTS5 syntax, numbers in every
 * notation and repeated parameters; request bodies for the write routes, with and without the
 * API token; and raw-header cases, some over a real socket.
 *
 * Every response must hold: no 5xx; every 4xx has the uniform `{ error, message, details? }`
 * JSON body; a value the document does not allow is refused with 400 (numbers must be plain
 * decimal digits, a single-valued parameter must not be repeated); a documented route never
 * answers "No route"; a search text has a letter or digit; a GET writes nothing; a write needs the
 * token, a valid body, readable text, and stores what was sent. At the end the databases hold
 * exactly what they held before (the writing app: plus what its 201 answers created).
 *
 * Failures are collected, grouped into classes and minimised (query parameters, headers and body
 * properties the failure does not need are dropped), and each test prints its list.
 * FUZZ_SEED=<n> runs with another seed; FUZZ_RUNS=<factor> scales the number of runs.
 */
import { TOKEN_SCOPES } from '../src/domain/vocabulary.js';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { createDb, sqliteOf } from '../src/db/database.js';
import {
  acceptedEncodings,
  bodyText,
  enumValuesOf,
  errorBodyProblem,
  FailureLog,
  ftsTables,
  injectOptions,
  jsonViolation,
  type FuzzRequest,
  type JsonSchema,
  type KnownValues,
  type OpenApiDocument,
  type Operation,
  operationsOf,
  pathCandidates,
  rawHttp,
  readsBackExactly,
  receivedUrl,
  requestArbitrary,
  snapshot,
  TODAY,
  totalChanges,
  unreadableText,
  violation,
} from './fuzz-support.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20_260_523);
const RUNS = Number(process.env.FUZZ_RUNS ?? 1);
/** An admin's API token with every scope (made in beforeAll): it may call every write route. */
let TOKEN = '';
let BEARER = '';
/**
 * Requests that carry this header are sent with a live admin session and its CSRF token instead
 * (send() puts them in): a fuzzed write may end the session (sign-out, a password change, ending
 * the user's sessions), so the session is checked and, if it ended, replaced before each request.
 */
const SESSION_MARK = 'x-fuzz-session';
let session: { cookie: string; 'x-csrf-token': string; token: string } | undefined;
let sessionUsers = 0;
/** The tables a write may change; every other table must stay as it was. */
const WRITABLE = [
  'uprAssessment',
  'uprRecommendation',
  'source',
  'user',
  'apiToken',
  'session',
  'participationEvent',
  'readerFlag',
  'auditLog',
];

type App = Awaited<ReturnType<typeof buildApp>>;
interface Server {
  app: App;
  sqlite: ReturnType<typeof sqliteOf>;
  before: Record<string, number | string>;
  created: number;
  /** Writes answered 2xx: each must add one audit entry and move the data version once. */
  audited: number;
}

/** A fresh copy of the seeded database (test/global-setup.ts), as test/helper.ts makes one. */
async function start(env: Record<string, string> = {}): Promise<Server> {
  const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_PATH: ':memory:', WEB_BUILD_DIR: '/nonexistent', ...env });
  const db = createDb(readFileSync(inject('seededImagePath')));
  const app = await buildApp(config, db);
  await app.ready();
  const sqlite = sqliteOf(db);
  return { app, sqlite, before: snapshot(sqlite), created: 0, audited: 0 };
}

/** Each request comes from its own address, so per-address rate limits never hide an answer. */
let sent = 0;
/** Requests fast-check generated (the rest are fixed cases, minimising and follow-up reads). */
let generated = 0;
const nextAddress = () => {
  const n = ++sent;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
};

let read: Server;
let write: Server;
/** The writes with a session go to their own app: an admin session may revoke the token or disable its admin. */
let sessioned: Server;
let doc: OpenApiDocument;
let operations: Operation[];
let known: KnownValues;

beforeAll(async () => {
  console.log(`fuzz: seed ${SEED} (set FUZZ_SEED to change it), runs ×${RUNS}`);
  read = await start();
  write = await start();
  sessioned = await start();
  const admin = await write.app.accounts.createUser(
    {
      email: 'fuzz-admin@example.org',
      name: 'Fuzz admin',
      organisation: 'Fuzz test',
      role: 'admin',
      password: 'a long enough fuzz passphrase',
    },
    'test',
  );
  const token = await write.app.accounts.createToken(
    {
      userId: admin.user!.id,
      name: 'fuzz',
      scopes: TOKEN_SCOPES,
      expiresAt: null,
    },
    'test',
  );
  TOKEN = token!.secret;
  BEARER = `Bearer ${TOKEN}`;
  write.before = snapshot(write.sqlite);
  const served = await read.app.inject('/api/openapi.json');
  expect(served.statusCode).toBe(200);
  doc = served.json();
  operations = operationsOf(doc);
  const search = await read.app.inject('/api/upr/recommendations?pageSize=12&facets=true');
  const svn = await read.app.inject('/api/upr/recommendations?state=SVN&pageSize=4');
  const items = (res: LightMyRequestResponse) => (res.statusCode === 200 ? (res.json().items as { id: string }[]).map((i) => i.id) : []);
  known = {
    enums: enumValuesOf(doc),
    recommendationIds: [...items(search), ...items(svn)],
    live: {},
    themes:
      search.statusCode === 200
        ? (search.json().facets?.theme ?? []).slice(0, 8).map((t: { value: string }) => t.value)
        : ['Death penalty'],
  };
  if (!known.themes.length) known.themes = ['Death penalty'];
  // The path values each route knows: every schema-valid value of the pools, tried once (not counted as fuzzing).
  for (const op of operations.filter((o) => o.method === 'GET')) {
    for (const p of op.params.filter((q) => q.in === 'path')) {
      const live: string[] = [];
      for (const value of pathCandidates(op, p, known)) {
        const url = op.path.replace(/\{([^}]+)\}/g, (_, name: string) =>
          encodeURIComponent(name === p.name ? value : (known.live[`${op.id} ${name}`]?.[0] ?? value)),
        );
        if ((await read.app.inject({ url, remoteAddress: '10.255.255.254' })).statusCode === 200) live.push(value);
      }
      known.live[`${op.id} ${p.name}`] = live;
      // The write routes under a read route take its live values (a recommendation's assessments).
      for (const w of operations.filter((o) => o.method !== 'GET' && o.path.startsWith(`${op.path}/`)))
        known.live[`${w.id} ${p.name}`] ??= live;
    }
  }
  sent += 3;
}, 60_000);

afterAll(async () => {
  await read?.app.close();
  await write?.app.close();
  await sessioned?.app.close();
});

// ---------------------------------------------------------------------------------------------
// The checks
// ---------------------------------------------------------------------------------------------

interface Broken {
  rule: string;
  where: string;
  affects: string;
  expected: string;
}

const serverOf = (r: FuzzRequest) => (r.target === 'read' ? read : r.headers[SESSION_MARK] !== undefined ? sessioned : write);
/** A valid credential: the token of every scope, or a live admin session with its CSRF token. */
const hasValidToken = (r: FuzzRequest) =>
  r.target === 'write' &&
  (r.headers.authorization === BEARER || (r.headers[SESSION_MARK] !== undefined && r.headers.authorization === undefined));

/** A write open to every reader (a flag): the document lists no 401 for it, and it is not signing in or out. */
const isPublicWrite = (op: Operation) =>
  op.method !== 'GET' &&
  !op.path.startsWith('/api/auth/') &&
  (doc.paths as Record<string, Record<string, { responses?: Record<string, unknown> }>>)[op.path]?.[op.method.toLowerCase()]?.responses?.[
    '401'
  ] === undefined;

/** A live admin session on the writing app: the current one, or a new admin's if it has ended. */
async function liveSession() {
  if (session && (await sessioned.app.accounts.sessionPrincipal(session.token))) return session;
  const email = `fuzz-session-${++sessionUsers}@example.org`;
  const password = 'a long enough fuzz passphrase';
  await sessioned.app.accounts.createUser(
    { email, name: 'Fuzz session admin', organisation: 'Fuzz test', role: 'admin', password },
    'test',
  );
  // Creating a user is an audited change like any other.
  sessioned.audited++;
  const res = await sessioned.app.inject({
    method: 'POST',
    url: '/api/auth/sign-in',
    payload: { email, password },
    remoteAddress: '10.255.255.253',
  });
  if (res.statusCode !== 200) throw new Error(`fuzz sign-in: ${res.statusCode} ${res.body}`);
  const token = res.cookies.find((c) => c.name === 'tracker_session')!.value;
  session = { cookie: `tracker_session=${token}`, 'x-csrf-token': res.json<{ csrfToken: string }>().csrfToken, token };
  return session;
}

/** What a write may move, read before and after it: the data version, the audit log and the writable tables' rows. */
function writeState(server: Server) {
  const one = (sql: string) => server.sqlite.prepare<[], { n: number }>(sql).get()?.n ?? -1;
  return {
    version: one('select version as n from dataVersion where id = 1'),
    audit: one('select count(*) as n from auditLog'),
    rows: Object.fromEntries(WRITABLE.filter((t) => t !== 'auditLog').map((t) => [t, one(`select count(*) as n from "${t}"`)])) as Record<
      string,
      number
    >,
  };
}
type WriteState = ReturnType<typeof writeState>;
/** No raw value that changes the URL's structure (a raw "#", "&", "?" or "/"). */
const structureIntact = (r: FuzzRequest) =>
  ![...Object.values(r.pathValues), ...r.query.map((q) => q.value)].some((v) => v.raw && /[#&?/]/.test(v.value));
const exact = (v: FuzzRequest['query'][number]['value'], inPath = false) =>
  readsBackExactly(v, inPath) || (v.raw && /^[A-Za-z0-9._~-]+$/.test(v.value) && !(inPath && /^\.\.?$/.test(v.value)));
const textProperties = (schema: JsonSchema) =>
  Object.entries(schema.properties ?? {})
    .filter(([, s]) => [s, ...(s.anyOf ?? [])].some((x) => x.type === 'string' && !x.enum && !x.format && !x.pattern))
    .map(([name]) => name);

/** Answers per route and status, and invalid values sent per kind: what the run exercised. */
const statuses = new Map<string, number>();
const exercisedInvalid = new Map<string, number>();
const tally = (map: Map<string, number>, key: string) => map.set(key, (map.get(key) ?? 0) + 1);

async function send(r: FuzzRequest) {
  const server = serverOf(r);
  const isWrite = !['GET', 'HEAD', 'OPTIONS'].includes(r.method);
  const options = injectOptions(r, nextAddress());
  if (r.headers[SESSION_MARK] !== undefined) {
    const { [SESSION_MARK]: _, ...headers } = options.headers as Record<string, string>;
    const live = await liveSession();
    options.headers = { ...headers, cookie: live.cookie, 'x-csrf-token': live['x-csrf-token'] };
  }
  const stateBefore = isWrite ? writeState(server) : undefined;
  const changesBefore = totalChanges(server.sqlite);
  const res = await server.app.inject(options);
  const changed = totalChanges(server.sqlite) - changesBefore;
  const effect = stateBefore ? { before: stateBefore, after: writeState(server) } : undefined;
  if (res.statusCode === 201) server.created++;
  // Every write that succeeds is recorded by the audit writer (signing in and out open and close sessions, not data).
  if (
    !['GET', 'HEAD', 'OPTIONS'].includes(r.method) &&
    res.statusCode >= 200 &&
    res.statusCode < 300 &&
    !r.op.path.startsWith('/api/auth/')
  )
    server.audited++;
  tally(
    statuses,
    `${r.method} ${r.op.path}${r.method === r.op.method ? '' : ` (documented ${r.op.method})`}${r.target === 'write' ? (r.headers.authorization === BEARER ? ' [token]' : ' [no valid token]') : ''} → ${res.statusCode}`,
  );
  return { res, changed, text: bodyText(res), effect };
}

/** Every rule the answer to `r` breaks. */
async function judge(
  r: FuzzRequest,
  res: LightMyRequestResponse,
  text: string,
  changed: number,
  effect?: { before: WriteState; after: WriteState },
): Promise<Broken[]> {
  const broken: Broken[] = [];
  const { op } = r;
  const status = res.statusCode;

  // A write is all or nothing: on success the data version moves once and the audit log records it;
  // on a refusal neither moves and no writable table gains or loses a row (no half-applied write).
  // Signing in and out open and close sessions, which are not data: no audit, no new data version.
  if (effect) {
    const { before, after } = effect;
    const ok = status >= 200 && status < 300;
    const account = op.path.startsWith('/api/auth/');
    const rowsMoved = Object.keys(before.rows).filter((t) => before.rows[t] !== after.rows[t] && !(account && t === 'session'));
    const versionMoved = after.version - before.version;
    const audited = after.audit - before.audit;
    const fault = ok
      ? account
        ? versionMoved !== 0 || audited !== 0 || rowsMoved.length > 0
          ? `a sign-in or sign-out moved the data version by ${versionMoved}, the audit log by ${audited}, rows of ${rowsMoved.join(', ') || 'no table'}`
          : null
        : versionMoved !== 1 || audited < 1
          ? `a successful write moved the data version by ${versionMoved} and added ${audited} audit entries (rows of ${rowsMoved.join(', ') || 'no table'})`
          : null
      : versionMoved !== 0 || audited !== 0 || rowsMoved.length > 0
        ? `a refused write (${status}) moved the data version by ${versionMoved}, the audit log by ${audited}, rows of ${rowsMoved.join(', ') || 'no table'}`
        : null;
    if (fault)
      broken.push({
        rule: 'partial write',
        where: op.id,
        affects: `${op.id} → ${ok ? '2xx' : '4xx'}`,
        expected: `${fault}; expected all or nothing`,
      });
  }
  const contentType = String(res.headers['content-type'] ?? '');
  const intact = structureIntact(r);
  const message = (() => {
    try {
      return String(JSON.parse(text).message ?? '');
    } catch {
      return '';
    }
  })();

  if (status >= 500)
    broken.push({ rule: 'server error', where: op.id, affects: op.id, expected: 'never a 5xx: a 4xx naming what is wrong, or the answer' });
  if (status >= 400 && status < 500 && r.method !== 'HEAD') {
    const problem = errorBodyProblem(status, contentType, text);
    if (problem)
      broken.push({
        rule: 'error body not uniform',
        where: problem,
        affects: `${op.id} → ${status}`,
        expected: 'the ErrorBody shape: JSON { error: <HTTP status text>, message, details?: [{ path, message }] }',
      });
  }

  // The route exists: with well-formed path values it is reached and answers for itself.
  const pathExact = Object.values(r.pathValues).every((v) => exact(v, true) && v.value !== '');
  const pathValid = op.params.every(
    (p) => p.in !== 'path' || (r.pathValues[p.name] !== undefined && violation(p.schema, r.pathValues[p.name]!.value) === null),
  );
  const noRoute = status === 404 && /^No route/.test(message);
  if (intact && pathExact && (r.method === op.method || (r.method === 'HEAD' && op.method === 'GET')) && noRoute) {
    const lengths = Object.entries(r.pathValues)
      .map(([n, v]) => `${n} of ${[...v.value].length} characters`)
      .join(', ');
    broken.push({
      rule: 'documented route answers "No route"',
      where: op.id,
      affects: `${op.id} (${lengths})`,
      expected: 'the route answers: 404 "No <thing> ..." for a well-formed value, 400 for a value its schema refuses',
    });
  }
  // A path value the document allows reaches the route: the router may not refuse it as too long.
  if (intact && pathExact && pathValid && r.method === op.method && status === 414) {
    const lengths = Object.entries(r.pathValues)
      .map(([n, v]) => `${n} of ${[...v.value].length} characters`)
      .join(', ');
    broken.push({
      rule: 'a path value the document allows is refused as too long',
      where: op.id,
      affects: `${op.id} (${lengths})`,
      expected: 'the route answers (404 "No <thing> ..." for an unknown id): the document allows this length',
    });
  }

  // What the document does not allow is refused with 400.
  const invalid: { affects: string; reason: string; alsoOk?: number[] }[] = [];
  // A write without the token may be refused before anything else is read; a path part too long
  // for the router may be refused as a whole (414) before the query is read.
  const pathTooLong = Object.values(r.pathValues).some((v) => v.value.length > 100);
  const refusedFirst = [...(r.method !== 'GET' && !hasValidToken(r) ? [401, 403, 429] : []), ...(pathTooLong ? [414] : [])];
  // A body the server cannot read at all (a media type it does not take, too large) is refused before the path is validated.
  const unreadableBody = r.body?.raw !== undefined ? [413, 415] : [];
  // A method the path does not have is not routed: nothing reads its path values (404 or 405).
  const otherMethod = r.method !== op.method && !(r.method === 'HEAD' && op.method === 'GET') ? [404, 405] : [];
  if (intact && pathExact) {
    for (const p of op.params.filter((p) => p.in === 'path')) {
      const v = r.pathValues[p.name];
      if (!v || !exact(v, true) || v.value === '') continue;
      const reason = violation(p.schema, v.value);
      // A path part longer than the router reads may be refused as a whole: 414.
      if (reason)
        invalid.push({ affects: `${op.id} {${p.name}}`, reason, alsoOk: [414, ...refusedFirst, ...otherMethod, ...unreadableBody] });
    }
    for (const p of op.params.filter((p) => p.in === 'query')) {
      const given = r.query.filter((q) => q.name === p.name);
      if (!given.length || !given.every((q) => exact(q.value))) continue;
      if (given.length > 1 && p.schema.type !== 'array') {
        invalid.push({ affects: `${op.id} ?${p.name}`, reason: 'a single-valued parameter given more than once', alsoOk: refusedFirst });
        continue;
      }
      const value = given[0]!.value.value;
      const reason = violation(p.schema, value);
      if (reason) invalid.push({ affects: `${op.id} ?${p.name}`, reason, alsoOk: refusedFirst });
      else if (p.name === 'q' && !/[\p{L}\p{N}]/u.test(value))
        invalid.push({ affects: `${op.id} ?q`, reason: 'a search text with no letter or digit', alsoOk: refusedFirst });
    }
  }
  for (const i of invalid) tally(exercisedInvalid, `${i.affects}: ${i.reason}`);
  if (status < 500) {
    for (const i of invalid) {
      if (status !== 400 && !i.alsoOk?.includes(status)) {
        broken.push({
          rule: 'invalid value not refused with 400',
          where: i.reason,
          affects: i.affects,
          expected: `400 with the uniform error body naming the parameter (${i.reason})`,
        });
      }
    }
  }

  if (status === 200 && r.method !== 'HEAD' && /^application\/json/.test(contentType)) {
    try {
      JSON.parse(text);
    } catch {
      broken.push({ rule: 'answer is not JSON', where: op.id, affects: op.id, expected: 'a JSON body, as Content-Type says' });
    }
  }
  const format = r.query.filter((q) => q.name === 'format');
  if (
    status === 200 &&
    format.length === 1 &&
    format[0]!.value.value === 'csv' &&
    exact(format[0]!.value) &&
    !/^text\/csv/.test(contentType)
  ) {
    broken.push({ rule: 'format=csv not answered as CSV', where: op.id, affects: op.id, expected: 'Content-Type text/csv' });
  }
  const encoding = res.headers['content-encoding'];
  const acceptEncoding = r.headers['accept-encoding'] ?? '';
  // x-gzip is gzip (RFC 9110); a malformed q-value is left to the server's judgement.
  const accepted = acceptedEncodings(acceptEncoding.replace(/\bx-gzip\b/g, 'gzip'));
  if (typeof encoding === 'string' && !accepted.has(encoding) && !/q=(?![01](\.\d*)?\s*(,|$))/.test(acceptEncoding)) {
    broken.push({
      rule: 'compressed with an encoding the client refused',
      where: `${encoding} sent although Accept-Encoding gives it q=0 or omits it`,
      affects: `${op.id} with Accept-Encoding "${acceptEncoding}"`,
      expected: 'an encoding the Accept-Encoding header gives a q > 0, else an uncompressed body',
    });
  }
  if (/evil\.example/.test(r.headers.host ?? '') && text.includes('evil.example')) {
    broken.push({
      rule: 'Host header reflected in the answer',
      where: op.id,
      affects: op.id,
      expected: 'links built from the configured public address, never from Host (answers are cached and served to everyone)',
    });
  }

  if ((r.method === 'GET' || r.method === 'HEAD') && changed !== 0) {
    broken.push({
      rule: 'a GET wrote to the database',
      where: op.id,
      affects: op.id,
      expected: 'GET routes never write (total_changes() moved)',
    });
  }

  if (r.method !== 'GET' && r.method !== 'HEAD' && status < 300 && status >= 200 && !hasValidToken(r) && !isPublicWrite(op)) {
    broken.push({
      rule: 'write accepted without a valid token',
      where: op.id,
      affects: op.id,
      expected: r.target === 'read' ? '403: editing is disabled' : '401: the token is missing or wrong',
    });
  }

  // Writes with the token: a valid body, readable text, no date in the future; what is stored is what was sent.
  if (
    op.body &&
    hasValidToken(r) &&
    intact &&
    pathExact &&
    pathValid &&
    !noRoute &&
    status !== 414 &&
    status < 500 &&
    r.body &&
    r.body.json !== undefined &&
    !r.body.raw
  ) {
    const body = r.body.json;
    const problem = jsonViolation(op.body, body);
    // The schema is checked first (400); a rule on the meaning of a field may come after the lookup (404).
    const expectBad = (where: string, affects: string, why: string, alsoOk: number[] = []) => {
      if (status !== 400 && !alsoOk.includes(status))
        broken.push({ rule: 'invalid body not refused with 400', where, affects, expected: `400 naming the field (${why})` });
    };
    if (problem) expectBad(problem, `${op.id} ${problem.split(':')[0]}`, problem);
    else if (body && typeof body === 'object' && !Array.isArray(body)) {
      const record = body as Record<string, unknown>;
      for (const name of textProperties(op.body)) {
        const v = record[name];
        if (typeof v !== 'string') continue;
        const why = unreadableText(v.trim());
        // A password may be any characters a person can type, punctuation only included.
        if (why && !(name === 'password' && why === 'has no letter or digit'))
          expectBad(`text that ${why}`, `${op.id} body.${name}`, `${name} ${why}`, [404]);
      }
      if (typeof record.assessedOn === 'string' && record.assessedOn > TODAY)
        expectBad('a date in the future', `${op.id} body.assessedOn`, 'the route refuses dates after today', [404]);
      if (status === 201) {
        let stored: Record<string, unknown> = {};
        try {
          stored = JSON.parse(text);
        } catch {
          /* reported as not JSON elsewhere */
        }
        for (const [name, sentValue] of Object.entries(record)) {
          if (!(name in stored)) continue;
          const expected = typeof sentValue === 'string' ? sentValue.trim() : sentValue;
          if (JSON.stringify(stored[name]) !== JSON.stringify(expected)) {
            broken.push({
              rule: 'stored value differs from the value sent',
              where: `body.${name}`,
              affects: `${op.id} body.${name}`,
              expected: `the value as sent (trimmed): ${JSON.stringify(expected).slice(0, 80)}`,
            });
          }
        }
        // The new assessment shows at once on the recommendation (the response cache is retired by the write).
        const id = r.pathValues.id?.value;
        if (id !== undefined && op.path.endsWith('/assessments') && typeof stored.id === 'number') {
          const detail = await serverOf(r).app.inject({
            url: `${op.path.replace(/\/assessments$/, '').replace('{id}', encodeURIComponent(id))}`,
            remoteAddress: nextAddress(),
          });
          const ids = detail.statusCode === 200 ? (detail.json().assessments as { id: number }[]).map((a) => a.id) : [];
          if (!ids.includes(stored.id)) {
            broken.push({
              rule: 'a write does not show in the next read',
              where: op.id,
              affects: op.id,
              expected: `GET of the recommendation lists assessment ${stored.id} (got ${detail.statusCode})`,
            });
          }
        }
      }
    }
  }
  return broken;
}

const described = (r: FuzzRequest) => {
  const o = injectOptions(r, '');
  return {
    method: r.method,
    url: receivedUrl(r),
    headers: o.headers as Record<string, string>,
    ...(typeof o.payload === 'string' ? { body: o.payload } : {}),
  };
};
const sizeOf = (r: FuzzRequest) =>
  urlOfLength(r) + ((injectOptions(r, '').payload as string | undefined) ?? '').length + JSON.stringify(r.headers).length;
const urlOfLength = (r: FuzzRequest) => receivedUrl(r).length;

/** Drops query parameters, headers and body properties that the failure does not need. */
async function minimise(r: FuzzRequest, b: Broken, status: number): Promise<FuzzRequest> {
  const same = async (c: FuzzRequest) => {
    const { res, changed, text, effect } = await send(c);
    return res.statusCode === status && (await judge(c, res, text, changed, effect)).some((x) => x.rule === b.rule && x.where === b.where);
  };
  let current = r;
  for (let i = current.query.length - 1; i >= 0; i--) {
    const candidate = { ...current, query: current.query.filter((_, j) => j !== i) };
    if (await same(candidate)) current = candidate;
  }
  for (const name of Object.keys(current.headers)) {
    if (name === 'authorization' || name === 'content-type' || name === SESSION_MARK) continue;
    const { [name]: _, ...headers } = current.headers;
    const candidate = { ...current, headers };
    if (await same(candidate)) current = candidate;
  }
  const json = current.body?.json;
  if (json && typeof json === 'object' && !Array.isArray(json)) {
    for (const name of Object.keys(json)) {
      const body = { ...(current.body!.json as Record<string, unknown>) };
      delete body[name];
      const candidate = { ...current, body: { json: body } };
      if (await same(candidate)) current = candidate;
    }
  }
  return current;
}

/** Sends one request, judges the answer, and logs every broken rule with a minimised reproduction. */
async function exercise(r: FuzzRequest, log: FailureLog): Promise<{ res: LightMyRequestResponse; text: string }> {
  const { res, changed, text, effect } = await send(r);
  const broken = await judge(r, res, text, changed, effect);
  for (const b of broken) {
    if (log.known(b, res.statusCode, sizeOf(r))) {
      log.count(b, res.statusCode);
      continue;
    }
    // Header-only failures keep their request: dropping a filter may turn it into a 20 MB export.
    const small = b.rule.startsWith('compressed') ? r : await minimise(r, b, res.statusCode);
    const again = small === r ? { res, text } : await send(small);
    let affects = b.affects;
    if (b.rule === 'server error') {
      const names = [...new Set(small.query.map((q) => q.name))];
      affects = `${small.op.id}${names.length ? ` with ?${names.join('&')}` : ''}${small.body ? ' and a body' : ''}`;
    }
    log.add({ ...b, affects, request: described(small), status: again.res.statusCode, body: again.text, size: sizeOf(small) }, b);
  }
  return { res, text };
}

const runsFor = (op: Operation) => Math.round(RUNS * (40 + 10 * op.params.length));

function finish(log: FailureLog, title: string) {
  const report = log.report(`${title} (seed ${SEED})`);
  console.log(report);
  expect(log.size, report).toBe(0);
}

/** A path value the route answers with 200 (Slovenia and the Rome Statute where the route knows them). */
const validPath = (op: Operation, name: string) => {
  const live = known.live[`${op.id} ${name}`] ?? [];
  return live.find((v) => v === 'SVN' || v === 'rome-statute') ?? live[0] ?? 'x';
};
/** A valid request to a documented route, with these query parameters. */
const request = (op: Operation, query: [string, string][] = []): FuzzRequest => ({
  op,
  method: op.method,
  pathValues: Object.fromEntries(
    op.params.filter((p) => p.in === 'path').map((p) => [p.name, { value: validPath(op, p.name), raw: false }]),
  ),
  query: query.map(([name, value]) => ({ name, value: { value, raw: false } })),
  headers: {},
  target: 'read',
});
const getOps = () => operations.filter((o) => o.method === 'GET');
const byPath = (path: string) => {
  const op = getOps().find((o) => o.path === path);
  if (!op) throw new Error(`the document has no GET ${path}`);
  return op;
};
const get = (path: string, query: [string, string][] = []) => request(byPath(path), query);

// ---------------------------------------------------------------------------------------------
// The tests
// ---------------------------------------------------------------------------------------------

describe('fuzz: every route of the OpenAPI document', () => {
  it('GET routes: no 5xx, uniform 4xx bodies, the documented parameters enforced, nothing written', async () => {
    const log = new FailureLog();
    const gets = operations.filter((op) => op.method === 'GET');
    expect(gets.length).toBeGreaterThan(10);
    for (const [i, op] of gets.entries()) {
      await fc.assert(
        fc.asyncProperty(requestArbitrary(op, known, 'read', fc.constant({})), async (r) => {
          generated++;
          await exercise(r, log);
        }),
        { seed: SEED + i, numRuns: runsFor(op) },
      );
    }
    finish(log, 'GET routes');
  }, 600_000);

  it('write routes without a valid API token (none, missing, wrong or malformed)', async () => {
    const log = new FailureLog();
    const writes = operations.filter((op) => op.method !== 'GET');
    expect(writes.length).toBeGreaterThan(0);
    const wrongAuth = fc.constantFrom<Record<string, string>>(
      {},
      { authorization: 'Bearer wrong' },
      { authorization: `Bearer ${TOKEN} ` },
      { authorization: `bearer ${TOKEN}` },
      { authorization: TOKEN },
      { authorization: `Bearer ${TOKEN.slice(0, -1)}` },
      { authorization: `Bearer ${TOKEN}x` },
      { authorization: `Basic ${Buffer.from(`a:${TOKEN}`).toString('base64')}` },
      { authorization: 'Bearer é' },
      { authorization: `Bearer ${'a'.repeat(10_000)}` },
      { authorization: 'Bearer' },
      { authorization: '' },
    );
    for (const [i, op] of writes.entries()) {
      for (const [j, target] of (['read', 'write'] as const).entries()) {
        await fc.assert(
          fc.asyncProperty(requestArbitrary(op, known, target, wrongAuth), async (r) => {
            generated++;
            await exercise(r, log);
          }),
          { seed: SEED + 100 + i * 2 + j, numRuns: Math.round(RUNS * 60) },
        );
      }
    }
    finish(log, 'Write routes without the token');
  }, 600_000);

  it('write routes with an admin’s API token of every scope: valid bodies stored as sent, everything else refused with 400', async () => {
    const log = new FailureLog();
    for (const [i, op] of operations.filter((op) => op.method !== 'GET').entries()) {
      await fc.assert(
        fc.asyncProperty(requestArbitrary(op, known, 'write', fc.constant({ authorization: BEARER })), async (r) => {
          generated++;
          await exercise(r, log);
        }),
        { seed: SEED + 200 + i, numRuns: Math.round(RUNS * 150) },
      );
    }
    finish(log, 'Write routes with the token');
  }, 600_000);

  it('write routes with an admin’s browser session and its CSRF token: the same rules as with the token', async () => {
    const log = new FailureLog();
    const writes = operations.filter((op) => op.method !== 'GET');
    for (const [i, op] of writes.entries()) {
      await fc.assert(
        fc.asyncProperty(requestArbitrary(op, known, 'write', fc.constant({ [SESSION_MARK]: 'admin' })), async (r) => {
          generated++;
          await exercise(r, log);
        }),
        { seed: SEED + 300 + i, numRuns: Math.round(RUNS * 40) },
      );
    }
    finish(log, 'Write routes with a session');
  }, 600_000);

  it('known problem cases: numbers not in plain digits, search texts of no words, dates before adoption, long ids, broken %-escapes', async () => {
    const log = new FailureLog();
    const withPath = (r: FuzzRequest, name: string, value: string, raw = false): FuzzRequest => ({
      ...r,
      pathValues: { ...r.pathValues, [name]: { value, raw } },
    });
    // The instrument ids: the document lists them as the values of the UPR search's "instrument" filter.
    const instrumentIds = [
      ...new Set(
        getOps().flatMap((o) => o.params.filter((p) => p.name === 'instrument').flatMap((p) => (p.schema.enum ?? []) as string[])),
      ),
    ];
    expect(instrumentIds.length).toBeGreaterThan(0);
    const writeOp = operations.find((o) => o.method === 'POST' && o.path === '/api/upr/recommendations/{id}/assessments');
    const validBody = {
      status: 'partially-implemented',
      assessedOn: '2024-06-01',
      sourceKind: 'other',
      sourceTitle: 'Fuzz test source',
      sourceUrl: 'https://example.org/fuzz-source',
      reason: 'fuzz test',
    };
    const cases: [FuzzRequest, number[]][] = [
      ...['0x10', '1e3', ' 5', '5 ', '+5', '1.5', '-0', '05.0', 'Infinity', '9007199254740993'].flatMap((n): [FuzzRequest, number[]][] => [
        [get('/api/upr/recommendations', [['page', n]]), [400]],
        [get('/api/upr/recommendations', [['pageSize', n]]), [400]],
        [get('/api/upr/calendar', [['session', n]]), [400]],
      ]),
      [
        get('/api/upr/recommendations', [
          ['cycle', '2'],
          ['cycle', '3'],
        ]),
        [400],
      ],
      [
        get('/api/states', [
          ['region', '150'],
          ['region', '002'],
        ]),
        [400],
      ],
      ...['***', '""', '" - ^ :', '-', '^', '(', '*:*', ' \t '].map((q): [FuzzRequest, number[]] => [
        get('/api/upr/recommendations', [['q', q]]),
        [400],
      ]),
      // FTS5 operators and syntax among words are words and punctuation, never a syntax error.
      ...['AND OR NOT (', 'torture NEAR(', '"Rome Statute', 'ratif* -death ^x :y'].map((q): [FuzzRequest, number[]] => [
        get('/api/upr/recommendations', [['q', q]]),
        [200],
      ]),
      ...instrumentIds.flatMap((id): [FuzzRequest, number[]][] => [
        [withPath(get('/api/instruments/{id}/timeline', [['to', '1900-01-01']]), 'id', id), [200, 400]],
        [
          withPath(
            get('/api/instruments/{id}/timeline', [
              ['from', '1800-01-01'],
              ['to', '1900-01-01'],
            ]),
            'id',
            id,
          ),
          [200, 400],
        ],
        [withPath(get('/api/instruments/{id}/status', [['asOf', '0000-01-01']]), 'id', id), [200, 400]],
      ]),
      ...[101, 150, 200].map((n): [FuzzRequest, number[]] => [withPath(get('/api/upr/recommendations/{id}'), 'id', 'a'.repeat(n)), [404]]),
      [withPath(get('/api/upr/recommendations/{id}'), 'id', 'a'.repeat(201)), [400]],
      [withPath(get('/api/states/{iso3}'), 'iso3', '%ZZ', true), [400]],
      [withPath(get('/api/upr/recommendations/{id}'), 'id', '%E0%A4%A', true), [400]],
      [withPath(get('/api/instruments/{id}/status'), 'id', 'opcat%ZZ', true), [400]],
      [withPath(get('/api/upr/recommendations/{id}'), 'id', '%ED%A0%80', true), [400, 404]],
    ];
    if (writeOp) {
      const post = (id: string): FuzzRequest => ({
        ...request(writeOp),
        target: 'write',
        pathValues: { id: { value: id, raw: false } },
        headers: { authorization: BEARER },
        body: { json: validBody },
      });
      cases.push([post('a'.repeat(150)), [404]], [post('a'.repeat(201)), [400]], [post('nope'), [404]]);
      // Text a person could not have meant, and dates that are not real or not yet: refused, never stored.
      const id = known.recommendationIds[0] ?? 'nope';
      for (const change of [
        { sourceTitle: 'Report\u0000 of 2024' },
        { reason: 'fuzz \uD800 test' },
        { sourceTitle: 'Report \uDC00 2024' },
        { evidence: 'Budget line\uD83D' },
        { evidence: '   ' },
        { evidence: '**' },
        { sourceTitle: '\u202E\u202E\u202E' },
        { assessedOn: '2026-02-30' },
        { assessedOn: '99999-01-01' },
        { assessedOn: '2999-01-01' },
        { assessedOn: '' },
        { sourceUrl: 'javascript:alert(1)' },
        { status: 'not-assessed' },
        { extra: 1 },
      ]) {
        cases.push([{ ...post(id), body: { json: { ...validBody, ...change } } }, [400]]);
      }
    }
    for (const [r, expected] of cases) {
      const { res, text } = await exercise(r, log);
      if (!expected.includes(res.statusCode)) {
        log.add({
          rule: 'known problem case answered wrongly',
          where: `expected ${expected.join(' or ')}`,
          affects: `${r.method} ${receivedUrl(r).slice(0, 120)}`,
          expected: 'the status each case names',
          request: described(r),
          status: res.statusCode,
          body: text,
          size: sizeOf(r),
        });
      }
    }
    finish(log, 'Known problem cases');
  }, 120_000);

  it('raw headers and bodies: Host, oversized headers, Accept-Encoding, Content-Type, broken JSON, other methods', async () => {
    const log = new FailureLog();
    const cases: FuzzRequest[] = [];
    const withHeaders = (r: FuzzRequest, headers: Record<string, string>): FuzzRequest => ({ ...r, headers: { ...r.headers, ...headers } });
    // Every GET route with an odd Host (answers are cached and served to everyone: none may echo it).
    for (const op of getOps()) {
      for (const host of ['a b', 'evil.example', 'evil.example:443', '', '[::1]:99999', 'x'.repeat(5_000), 'ex%41mple.org', 'é.example'])
        cases.push(withHeaders(request(op), { host }));
    }
    // Oversized headers (the in-process path has no limit: the real socket test checks 431).
    for (const headers of <Record<string, string>[]>[
      { 'x-big': 'a'.repeat(20_000) },
      { cookie: `a=${'b'.repeat(20_000)}` },
      { 'user-agent': '\u00e9'.repeat(9_000) },
      { referer: `https://example.org/${'%ZZ'.repeat(5_000)}` },
    ]) {
      cases.push(withHeaders(get('/api/states'), headers), withHeaders(get('/api/upr/recommendations', [['q', 'torture']]), headers));
    }
    // Accept-Encoding on large answers, CSV streams, cached answers and errors.
    for (const ae of [
      'br',
      'gzip',
      'gzip, deflate, br',
      'br;q=0, gzip;q=1',
      'gzip;q=0',
      'gzip;q=0, br;q=0',
      '*',
      '*;q=0',
      'identity',
      'identity;q=0',
      'x-gzip',
      'gzip;q=abc',
      ';;;',
      'br'.repeat(5_000),
      'deflate',
      'zstd',
    ]) {
      for (const r of [
        get('/api/states'),
        get('/api/states'),
        get('/api/upr/recommendations', [
          ['state', 'SVN'],
          ['format', 'csv'],
        ]),
        get('/api/instruments/{id}/status', [['format', 'csv']]),
        get('/api/upr/recommendations', [['page', '0']]),
      ]) {
        cases.push(withHeaders(r, { 'accept-encoding': ae }));
      }
    }
    // Conditional requests.
    for (const inm of ['*', '"x"', 'W/"x"', ',,,', '"'.repeat(5_000)])
      cases.push(withHeaders(get('/api/instruments'), { 'if-none-match': inm }));

    // Write routes: bad Content-Type, broken JSON, bodies too large, unusual encodings.
    const valid = {
      status: 'partially-implemented',
      assessedOn: '2024-06-01',
      sourceKind: 'other',
      sourceTitle: 'Fuzz test source',
      sourceUrl: 'https://example.org/fuzz-source',
      reason: 'fuzz test',
    };
    for (const op of operations.filter((o) => o.body)) {
      const id = known.recommendationIds[0] ?? 'nope';
      const post = (body: FuzzRequest['body'], headers: Record<string, string> = {}, target: 'read' | 'write' = 'write'): FuzzRequest => ({
        op,
        method: op.method,
        // A numeric id where the route takes one (an assessment, a user, a token), else a recommendation id.
        pathValues: Object.fromEntries(
          op.params
            .filter((p) => p.in === 'path')
            .map((p) => [p.name, { value: p.schema.pattern?.startsWith('^[0-9]') ? '1' : id, raw: false }]),
        ),
        query: [],
        headers: { authorization: BEARER, ...headers },
        ...(body ? { body } : {}),
        target,
      });
      for (const contentType of [
        'text/plain',
        'application/xml',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=x',
        'application/json; charset=utf-16',
        'application/json; charset=latin1',
        'application/jsonx',
        'json',
        '*/*',
        'application/json, text/plain',
      ]) {
        cases.push(post({ raw: JSON.stringify(valid), contentType }, { 'content-type': contentType }));
      }
      for (const raw of [
        '',
        '{',
        '{"status":',
        'null',
        '[]',
        '"x"',
        '42',
        'true',
        '{"a":1}{"b":2}',
        '\u0000',
        '\uFEFF{}',
        `${'['.repeat(5_000)}${']'.repeat(5_000)}`,
        JSON.stringify({ ...valid, evidence: 'x'.repeat(2_000_000) }),
        '{"__proto__":{"polluted":true}}',
        '{"status":"not-implemented","status":"fully-implemented"}',
        JSON.stringify(valid).replace('{', '{"constructor":{"prototype":{"polluted":true}},'),
      ]) {
        cases.push(post({ raw, contentType: 'application/json' }));
      }
      cases.push(post({ raw: JSON.stringify(valid), contentType: 'application/json' }, { 'content-encoding': 'gzip' }));
      cases.push(post({ raw: JSON.stringify(valid), contentType: 'application/json' }, { 'content-encoding': 'br' }));
      cases.push(post(undefined, {}));
      cases.push(post({ raw: JSON.stringify(valid), contentType: 'application/json' }, { 'x-http-method-override': 'DELETE' }, 'read'));
    }
    // Methods the document does not list, on every documented path.
    for (const op of operations.filter((o) => o.method === 'GET')) {
      for (const method of ['PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE', 'PROPFIND', 'HEAD']) cases.push({ ...request(op), method });
    }

    for (const r of cases) await exercise(r, log);
    // After all those Hosts, the cached answers served to everyone name none of them.
    for (const op of getOps()) {
      const r = request(op);
      const { res, text } = await send(r);
      if (text.includes('evil.example')) {
        log.add({
          rule: 'Host header reflected in a cached answer',
          where: op.id,
          affects: op.id,
          expected: "no trace of an earlier request's Host",
          request: described(r),
          status: res.statusCode,
          body: text,
          size: 0,
        });
      }
    }
    // The one body everyone reads is the same afterwards: no prototype pollution.
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    finish(log, 'Raw headers and bodies');
  }, 600_000);

  it('over a real socket: oversized headers (431), malformed request lines, bad percent-encoding get the uniform body', async () => {
    const log = new FailureLog();
    const server = await start();
    try {
      await server.app.listen({ port: 0, host: '127.0.0.1' });
      const address = server.app.server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      const cases: { name: string; request: string | Buffer; expect: number[] }[] = [
        {
          name: 'a 20 KiB header',
          request: `GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\nConnection: close\r\n\r\n`,
          expect: [431],
        },
        {
          name: 'a 20 KiB cookie',
          request: `GET /api/states HTTP/1.1\r\nHost: x\r\nCookie: a=${'b'.repeat(20_000)}\r\nConnection: close\r\n\r\n`,
          expect: [431],
        },
        {
          name: '400 headers of 100 bytes',
          request: `GET /api/health HTTP/1.1\r\nHost: x\r\n${Array.from({ length: 400 }, (_, i) => `X-H${i}: ${'a'.repeat(100)}\r\n`).join('')}Connection: close\r\n\r\n`,
          expect: [431],
        },
        { name: 'a request line that is not HTTP', request: 'BLAH\r\n\r\n', expect: [400] },
        { name: 'HTTP/9.9', request: 'GET /api/health HTTP/9.9\r\nHost: x\r\n\r\n', expect: [400, 505] },
        {
          name: 'a control character in the path',
          request: 'GET /api/st\u0001ates HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
          expect: [400],
        },
        {
          name: 'a NUL in a header value',
          request: 'GET /api/health HTTP/1.1\r\nHost: x\r\nX-A: a\u0000b\r\nConnection: close\r\n\r\n',
          expect: [400],
        },
        {
          name: 'a space in a header name',
          request: 'GET /api/health HTTP/1.1\r\nHost: x\r\nX A: b\r\nConnection: close\r\n\r\n',
          expect: [400],
        },
        {
          name: 'Content-Length and Transfer-Encoding together',
          request:
            'POST /api/upr/recommendations/x/assessments HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n0\r\n\r\n',
          expect: [400],
        },
        {
          name: 'a bad Content-Length',
          request: 'POST /api/upr/recommendations/x/assessments HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\nConnection: close\r\n\r\n',
          expect: [400],
        },
        {
          name: 'a broken %-escape in the path',
          request: 'GET /api/states/%ZZ HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
          expect: [400],
        },
        {
          name: 'a broken %-escape in a route prefix',
          request: 'GET /api/%ZZ/x HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
          expect: [400, 404],
        },
        {
          name: 'percent-encoded invalid UTF-8 in the path',
          request: 'GET /api/upr/recommendations/%ED%A0%80 HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n',
          expect: [400, 404],
        },
        {
          name: 'a 600-character path part',
          request: `GET /api/upr/recommendations/${'a'.repeat(600)} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
          expect: [400, 414],
        },
        { name: 'Host "a b"', request: 'GET /api/health HTTP/1.1\r\nHost: a b\r\nConnection: close\r\n\r\n', expect: [200, 400] },
        { name: 'no Host at all (HTTP/1.1)', request: 'GET /api/health HTTP/1.1\r\nConnection: close\r\n\r\n', expect: [200, 400] },
        {
          name: 'an absolute-form request to another host',
          request: 'GET http://evil.example/api/health HTTP/1.1\r\nHost: evil.example\r\nConnection: close\r\n\r\n',
          expect: [200, 400, 404],
        },
        {
          name: 'a 20 KB query string',
          request: `GET /api/upr/recommendations?q=${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
          expect: [414, 431],
        },
        {
          name: '1,000 repeated parameters',
          request: `GET /api/states?${'region=150&'.repeat(1_000)} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`,
          expect: [400],
        },
        {
          name: 'bad JSON over the wire',
          request:
            'POST /api/upr/recommendations/x/assessments HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 1\r\nConnection: close\r\n\r\n{',
          // Without credentials the body is never read: 401 before anything else.
          expect: [400, 401],
        },
      ];
      for (const c of cases) {
        const res = await rawHttp(port, c.request);
        sent++;
        const request = {
          method: 'RAW',
          url:
            JSON.stringify(String(c.request).slice(0, 160)) +
            (String(c.request).length > 160 ? ` … (${String(c.request).length} bytes)` : ''),
          headers: {},
        };
        const base = { request, status: res.status, body: res.body || res.raw.slice(0, 300), size: 0 };
        if (res.status === 0) {
          log.add({
            ...base,
            rule: 'connection closed without an answer',
            where: c.name,
            affects: c.name,
            expected: `${c.expect.join(' or ')} with the uniform error body`,
          });
          continue;
        }
        if (res.status >= 500 || !c.expect.includes(res.status)) {
          log.add({
            ...base,
            rule: 'unexpected status over the wire',
            where: c.name,
            affects: c.name,
            expected: `${c.expect.join(' or ')}`,
          });
        }
        if (res.status >= 400) {
          const problem = errorBodyProblem(res.status, res.headers['content-type'] ?? '', res.body);
          if (problem)
            log.add({
              ...base,
              rule: 'error body not uniform (over the wire)',
              where: problem,
              affects: c.name,
              expected: 'the ErrorBody shape: JSON { error: <HTTP status text>, message, details? }',
            });
        }
      }
      if (JSON.stringify(snapshot(server.sqlite)) !== JSON.stringify(server.before)) {
        log.add({
          rule: 'the database changed',
          where: 'real socket',
          affects: 'real socket',
          expected: 'no change',
          request: { method: '-', url: '-', headers: {} },
          status: 0,
          body: '',
          size: 0,
        });
      }
    } finally {
      await server.app.close();
    }
    finish(log, 'Over a real socket');
  }, 120_000);

  it(`sent at least 1,000 requests, and the databases changed only by the writes that answered 201`, () => {
    console.log(
      `fuzz: ${generated} generated requests, ${sent} in all (seed ${SEED}); ${write.created} assessments created with the token`,
    );
    const table = (map: Map<string, number>) =>
      [...map]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, n]) => `  ${String(n).padStart(5)}  ${k}`)
        .join('\n');
    console.log(`Answers by route and status:\n${table(statuses)}`);
    console.log(`Invalid values sent, by route, parameter and kind:\n${table(exercisedInvalid)}`);
    expect(generated).toBeGreaterThanOrEqual(Math.round(RUNS * 1_000));

    // The app without a token: nothing changed but what the public writes (readers' flags) added, each audited.
    {
      const after = snapshot(read.sqlite);
      const grew = (k: string) => Number(after[k]) - Number(read.before[k]);
      expect(grew('(auditLog rows)')).toBe(read.audited);
      expect(grew('(dataVersion.version)')).toBe(read.audited);
      const moved = Object.keys({ ...after, ...read.before }).filter((k) => after[k] !== read.before[k] && !k.startsWith('('));
      expect(moved.filter((k) => k !== 'readerFlag' && k !== 'auditLog')).toEqual([]);
    }

    // The apps that wrote (with the token, with sessions): one audit entry and one data version per
    // successful write, and only the tables a write may touch moved (a refused write moved nothing: see judge()).
    for (const server of [write, sessioned]) {
      const after = snapshot(server.sqlite);
      const fts = ftsTables(server.sqlite);
      const moved = Object.keys({ ...after, ...server.before }).filter((k) => !fts.has(k) && after[k] !== server.before[k]);
      const grew = (k: string) => Number(after[k]) - Number(server.before[k]);
      expect(grew('(auditLog rows)')).toBe(server.audited);
      expect(grew('(dataVersion.version)')).toBe(server.audited);
      expect(moved.filter((k) => !k.startsWith('(') && !WRITABLE.some((t) => k === t || k.startsWith(`${t}.`)))).toEqual([]);
    }
  });
});
