/**
 * Readers while an editor writes, against the built product (run `pnpm build` first):
 *
 *   npx --yes pnpm@10 -F @tracker/scripts bench:editing [-- --seconds 60 --readers 50 --write-every 100]
 *
 * 1. A fresh database: the first admin is made with the user:create command (as an operator
 *    makes it), then the built server starts on that database; the admin signs in and, through
 *    the admin API, creates an editor and an API token for it (scope upr-assessments).
 * 2. For --seconds, --readers concurrent readers loop over the status answer, a UPR search, three
 *    pages and the written recommendation, while the editor's script writes every --write-every
 *    ms: it records an implementation assessment on one recommendation, then retracts it, and so on.
 * 3. Printed: per endpoint requests, errors, p50/p95/p99; writes done. Exits non-zero on any
 *    error (an answer other than 2xx, or none) or any broken invariant.
 *
 * The invariant readers check, cheap and exact: the written recommendation's answer never shows a
 * half-applied write. Its `implementation` is the latest of its assessments not retracted (null
 * when there is none), and, as the writer only ever has one of its assessments standing, at most
 * one is standing. An answer that showed the new assessment in the list but not as the
 * implementation, or a retraction half done, breaks it.
 *
 * The write limit is per address (30 a minute: a person records a few at a time), and a script
 * writing every 100 ms is over it by design. So the server trusts a proxy on loopback
 * (TRUST_PROXY=127.0.0.1) and each write comes "through" it from its own address; the readers'
 * limit is turned off (RATE_LIMIT_PER_MINUTE=0), as in the other benches.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { benchArgs } from './args.js';
import { createFirstAdmin, signInAs, startBuiltServer, type BuiltServer } from './built-server.js';

const { values } = parseArgs({
  args: benchArgs(),
  options: {
    seconds: { type: 'string', default: '60' },
    readers: { type: 'string', default: '50' },
    'write-every': { type: 'string', default: '100' },
    port: { type: 'string', default: '3294' },
  },
});
const seconds = Number(values.seconds);
const readers = Number(values.readers);
const writeEvery = Number(values['write-every']);

const ADMIN = { email: 'bench-admin@example.org', name: 'Bench admin', organisation: 'Bench', password: 'a long enough bench passphrase' };
const EDITOR = {
  email: 'bench-editor@example.org',
  name: 'Bench editor',
  organisation: 'Bench NGO',
  role: 'editor',
  password: ADMIN.password,
};

// 1. The database and its first admin, before the server starts.
const dataDir = mkdtempSync(join(tmpdir(), 'bench-editing-'));
const databasePath = join(dataDir, 'db.sqlite');
try {
  createFirstAdmin(databasePath, ADMIN);
} catch (error) {
  rmSync(dataDir, { recursive: true, force: true });
  throw error;
}

let server: BuiltServer | undefined;
let base = '';

async function json<T>(path: string, init: RequestInit = {}): Promise<{ status: number; body: T; headers: Headers }> {
  const res = await fetch(`${base}${path}`, {
    ...init,
    headers: { 'content-type': 'application/json', ...(init.headers as Record<string, string>) },
  });
  return { status: res.status, body: (await res.json()) as T, headers: res.headers };
}
const expectStatus = (what: string, got: { status: number; body: unknown }, status: number) => {
  if (got.status !== status) throw new Error(`${what}: ${got.status} ${JSON.stringify(got.body)}`);
};

let exitCode = 0;
try {
  server = await startBuiltServer({
    port: values.port,
    name: 'editing',
    env: { DATABASE_PATH: databasePath, TRUST_PROXY: '127.0.0.1', RATE_LIMIT_PER_MINUTE: '0' },
  });
  base = server.base;
  // The admin signs in and makes the editor and its token through the admin API.
  const adminHeaders = await signInAs(base, ADMIN);
  const editor = await json<{ id: number }>('/api/admin/users', { method: 'POST', headers: adminHeaders, body: JSON.stringify(EDITOR) });
  expectStatus('create the editor', editor, 201);
  const token = await json<{ secret: string }>('/api/admin/tokens', {
    method: 'POST',
    headers: adminHeaders,
    body: JSON.stringify({ userId: editor.body.id, name: 'bench writer', scopes: ['upr-assessments'] }),
  });
  expectStatus('create the token', token, 201);
  const bearer = `Bearer ${token.body.secret}`;

  const search = await json<{ items: { id: string }[] }>('/api/upr/recommendations?q=torture&pageSize=1');
  expectStatus('find a recommendation', search, 200);
  const recommendationId = search.body.items[0]!.id;
  const recommendationPath = `/api/upr/recommendations/${encodeURIComponent(recommendationId)}`;

  const ENDPOINTS = [
    '/api/instruments/rome-statute/status',
    '/api/upr/recommendations?q=torture',
    '/',
    '/maps/opcat',
    '/states/KEN',
    recommendationPath,
  ];
  interface Stats {
    latencies: number[];
    errors: number;
    failures: number;
    firstError?: string;
  }
  const stats = new Map<string, Stats>(ENDPOINTS.map((e) => [e, { latencies: [], errors: 0, failures: 0 }]));
  const broken: string[] = [];
  let invariantChecks = 0;

  interface Assessment {
    id: number;
    status: string;
    assessedOn: string;
    retractedAt: string | null;
  }
  /** The reader's check of the written recommendation: see the header comment. */
  const checkInvariant = (body: { implementation: Assessment | null; assessments: Assessment[] }) => {
    invariantChecks++;
    const standing = body.assessments.filter((a) => a.retractedAt === null);
    const latest = [...standing].sort((a, b) => a.assessedOn.localeCompare(b.assessedOn) || a.id - b.id).at(-1) ?? null;
    if (standing.length > 1) broken.push(`${standing.length} assessments standing at once`);
    if ((latest?.id ?? null) !== (body.implementation?.id ?? null))
      broken.push(`implementation ${body.implementation?.id ?? 'null'} but latest standing assessment ${latest?.id ?? 'none'}`);
  };

  const until = performance.now() + seconds * 1000;
  let running = true;

  async function reader(n: number) {
    for (let i = n; performance.now() < until; i++) {
      const path = ENDPOINTS[i % ENDPOINTS.length]!;
      const s = stats.get(path)!;
      const started = performance.now();
      try {
        const res = await fetch(`${base}${path}`, { headers: { 'accept-encoding': 'gzip, br' } });
        const text = await res.text();
        s.latencies.push(performance.now() - started);
        if (res.status < 200 || res.status >= 300) {
          s.errors++;
          s.firstError ??= `${res.status} ${text.slice(0, 200)}`;
        } else if (path === recommendationPath) checkInvariant(JSON.parse(text) as Parameters<typeof checkInvariant>[0]);
      } catch (err) {
        s.failures++;
        s.firstError ??= String(err);
      }
    }
  }

  // The editor's script: add, retract, add, ... every writeEvery ms, each from its own forwarded address.
  const writes = { added: 0, retracted: 0, errors: 0, latencies: [] as number[], firstError: undefined as string | undefined };
  async function writer() {
    let standing: number | null = null;
    let n = 0;
    while (running && performance.now() < until) {
      const next = performance.now() + writeEvery;
      n++;
      const headers = { authorization: bearer, 'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}` };
      const citation = { sourceUrl: 'https://example.org/bench-source', reason: `Bench write ${n}` };
      const started = performance.now();
      try {
        const res: { status: number; body: Assessment } =
          standing === null
            ? await json<Assessment>(`${recommendationPath}/assessments`, {
                method: 'POST',
                headers,
                body: JSON.stringify({
                  status: n % 4 === 1 ? 'partially-implemented' : 'not-implemented',
                  assessedOn: '2024-06-01',
                  sourceKind: 'other',
                  sourceTitle: 'Bench source',
                  ...citation,
                }),
              })
            : await json<Assessment>(`/api/upr/assessments/${standing}/retract`, {
                method: 'POST',
                headers,
                body: JSON.stringify(citation),
              });
        writes.latencies.push(performance.now() - started);
        if (standing === null && res.status === 201) {
          standing = res.body.id;
          writes.added++;
        } else if (standing !== null && res.status === 200) {
          standing = null;
          writes.retracted++;
        } else {
          writes.errors++;
          writes.firstError ??= `${res.status} ${JSON.stringify(res.body).slice(0, 200)}`;
        }
      } catch (err) {
        writes.errors++;
        writes.firstError ??= String(err);
      }
      await new Promise((r) => setTimeout(r, Math.max(0, next - performance.now())));
    }
  }

  console.log(`bench:editing: ${readers} readers for ${seconds} s while an editor writes every ${writeEvery} ms`);
  await Promise.all([writer(), ...Array.from({ length: readers }, (_, n) => reader(n))]);
  running = false;

  // 3. The table.
  const pct = (sorted: number[], p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]! : NaN);
  const rows = [
    ...[...stats].map(([path, s]) => ({ name: `GET ${path === recommendationPath ? '/api/upr/recommendations/{written}' : path}`, ...s })),
    { name: 'writes (add / retract)', latencies: writes.latencies, errors: writes.errors, failures: 0, firstError: writes.firstError },
  ];
  const width = Math.max(...rows.map((r) => r.name.length));
  const line = (cells: string[]) =>
    `${cells[0]!.padEnd(width)}  ${cells
      .slice(1)
      .map((c) => c.padStart(9))
      .join('  ')}`;
  console.log(line(['endpoint', 'requests', 'req/s', 'errors', 'p50 ms', 'p95 ms', 'p99 ms']));
  let requests = 0;
  let errors = 0;
  for (const r of rows) {
    const sorted = [...r.latencies].sort((a, b) => a - b);
    requests += sorted.length + r.failures;
    errors += r.errors + r.failures;
    console.log(
      line([
        r.name,
        String(sorted.length + r.failures),
        (sorted.length / seconds).toFixed(1),
        String(r.errors + r.failures),
        pct(sorted, 0.5).toFixed(1),
        pct(sorted, 0.95).toFixed(1),
        pct(sorted, 0.99).toFixed(1),
      ]),
    );
    if (r.firstError) console.log(`  first error: ${r.firstError}`);
  }
  console.log(
    `total: ${requests} requests, ${errors} errors; writes: ${writes.added} added, ${writes.retracted} retracted; ` +
      `invariant checked on ${invariantChecks} answers, broken ${broken.length} times`,
  );
  for (const b of [...new Set(broken)].slice(0, 10)) console.log(`  broken: ${b}`);
  if (errors > 0 || broken.length > 0 || writes.added === 0 || invariantChecks === 0) exitCode = 1;
} catch (err) {
  console.error(err);
  exitCode = 1;
} finally {
  server?.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(exitCode);
