/**
 * Who may call what: one table, one row per route that writes or needs an account, one expected
 * status per kind of caller. The rows are checked against the OpenAPI document the app serves, so
 * a write route added without a row (or a row left for a route that is gone) fails this test.
 *
 * The callers, and why each is refused or admitted:
 * - anonymous: no credentials;
 * - reader: an anonymous reader who has just flagged something (POST /api/flags, the one public
 *   write), sending whatever that answer gave back: flagging opens nothing else;
 * - editorSession / adminSession: a signed-in browser with its own CSRF token;
 * - wrongCsrf / noCsrf: a session of a user the route admits (an editor, or an admin on admin
 *   routes), with another session's CSRF token or none: refused for writes only;
 * - expiredSession / revokedSession / revokedToken: an admin's session past its expiry, signed out,
 *   or an admin's token (every scope) revoked: an admin passes every other check, so the 401 is the
 *   credential's;
 * - tokenRefused: a valid token the route must refuse: an editor's token with every scope but the
 *   route's (with every scope, on admin routes, which need the admin role);
 * - tokenAllowed: a valid token with the route's scope only (an admin's token, on admin routes).
 *
 * An admitted caller gets the route's real answer to a minimal valid request on fresh data (made
 * for each call), so the table names the exact success status, not just "not 401/403".
 */
import { describe, expect, it } from 'vitest';
import { TOKEN_SCOPES, type TokenScope } from '../src/domain/vocabulary.js';
import { PlanInput } from '../src/schemas/follow-up.js';
import { createFollowUpService } from '../src/services/follow-up.service.js';
import { createUser, setup, signIn } from './helper.js';

type App = Awaited<ReturnType<typeof setup>>['app'];

const CALLERS = [
  'anonymous',
  'reader',
  'editorSession',
  'adminSession',
  'wrongCsrf',
  'noCsrf',
  'expiredSession',
  'revokedSession',
  'revokedToken',
  'tokenRefused',
  'tokenAllowed',
] as const;
type Caller = (typeof CALLERS)[number];
type Expected = Record<Caller, number>;

/** What one call sends (its URL with the fixture's ids filled in, and its body). */
interface Call {
  url: string;
  payload?: object | Buffer;
  /** For a body that is a file rather than JSON. */
  contentType?: string;
}

interface Row {
  /** Who the route admits: anyone, an editor (or admin), or an admin only. */
  access: 'public' | 'editor' | 'admin';
  /** The token scope the route needs (editor routes that write a kind of fact). */
  scope?: TokenScope;
  /** A minimal valid request, on data made fresh for this call. */
  call: (f: Fixtures) => Promise<Call>;
  expected: Expected;
}

// Shorthands for the common rows: every refusal is fixed by the kind of route, only the success status varies.
const refusedWrite = {
  anonymous: 401,
  reader: 401,
  wrongCsrf: 403,
  noCsrf: 403,
  expiredSession: 401,
  revokedSession: 401,
  revokedToken: 401,
};
const scopedWrite = (ok: number): Expected => ({
  ...refusedWrite,
  editorSession: ok,
  adminSession: ok,
  tokenRefused: 403,
  tokenAllowed: ok,
});
const adminWrite = (ok: number): Expected => ({
  ...refusedWrite,
  editorSession: 403,
  adminSession: ok,
  tokenRefused: 403,
  tokenAllowed: ok,
});
// A read needs no CSRF token: a session with a wrong one or none is still that user.
const adminRead: Expected = { ...adminWrite(200), wrongCsrf: 200, noCsrf: 200 };

// Made-up test data: no State's real record is claimed.
const citation = {
  sourceUrl: 'https://example.org/authorization-test-source',
  documentSymbol: null,
  reason: 'Authorization test',
};
const assessment = {
  status: 'partially-implemented',
  assessedOn: '2024-06-01',
  sourceKind: 'other',
  sourceTitle: 'Authorization test source',
  ...citation,
};
// A CAT record's own documentSymbol is the report's, so its citation names the source's sourceDocumentSymbol.
const catCitation = { sourceUrl: citation.sourceUrl, sourceDocumentSymbol: null, reason: citation.reason };
const aYearAgo = () => new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10);

/**
 * Every route the document lists that writes or needs an account, with the expected answers.
 * The keys are the document's: METHOD and path with {parameters}.
 */
const TABLE: Record<string, Row> = {
  'POST /api/auth/sign-in': {
    access: 'public',
    call: async (f) => ({ url: '/api/auth/sign-in', payload: { email: f.victim.email, password: f.password } }),
    // Anyone may sign in with the right password, whatever else it sends.
    expected: Object.fromEntries(CALLERS.map((c) => [c, 200])) as Expected,
  },
  'GET /api/auth/session': {
    access: 'public',
    call: async () => ({ url: '/api/auth/session' }),
    // Answers everyone (with user null when no live session is sent): checked further below.
    expected: Object.fromEntries(CALLERS.map((c) => [c, 200])) as Expected,
  },
  'POST /api/auth/sign-out': {
    access: 'editor',
    call: async () => ({ url: '/api/auth/sign-out' }),
    // Any live account may call it (a token has no session to end: 200 all the same).
    expected: { ...refusedWrite, editorSession: 200, adminSession: 200, tokenRefused: 200, tokenAllowed: 200 },
  },
  'GET /api/admin/users': { access: 'admin', call: async () => ({ url: '/api/admin/users' }), expected: adminRead },
  'POST /api/admin/users': {
    access: 'admin',
    call: async (f) => ({
      url: '/api/admin/users',
      payload: { email: `new-${f.next()}@example.org`, name: 'New editor', organisation: 'Test NGO', role: 'editor', password: f.password },
    }),
    expected: adminWrite(201),
  },
  'PATCH /api/admin/users/{id}': {
    access: 'admin',
    call: async (f) => ({ url: `/api/admin/users/${f.victim.id}`, payload: { name: `Renamed ${f.next()}` } }),
    expected: adminWrite(200),
  },
  'POST /api/admin/users/{id}/revoke-sessions': {
    access: 'admin',
    call: async (f) => ({ url: `/api/admin/users/${f.victim.id}/revoke-sessions` }),
    expected: adminWrite(200),
  },
  'GET /api/admin/tokens': { access: 'admin', call: async () => ({ url: '/api/admin/tokens' }), expected: adminRead },
  'POST /api/admin/tokens': {
    access: 'admin',
    call: async (f) => ({ url: '/api/admin/tokens', payload: { userId: f.victim.id, name: 'import', scopes: ['cat-reporting'] } }),
    expected: adminWrite(201),
  },
  'POST /api/admin/tokens/{id}/revoke': {
    access: 'admin',
    call: async (f) => {
      const made = await f.app.accounts.createToken(
        { userId: f.victim.id, name: 'to revoke', scopes: ['cat-reporting'], expiresAt: null },
        'test',
      );
      return { url: `/api/admin/tokens/${made!.token.id}/revoke` };
    },
    expected: adminWrite(200),
  },
  'POST /api/upr/recommendations/{id}/assessments': {
    access: 'editor',
    scope: 'upr-assessments',
    call: async (f) => ({ url: `/api/upr/recommendations/${encodeURIComponent(f.recommendationId)}/assessments`, payload: assessment }),
    expected: scopedWrite(201),
  },
  'PUT /api/upr/assessments/{id}': {
    access: 'editor',
    scope: 'upr-assessments',
    call: async (f) => ({ url: `/api/upr/assessments/${await f.newAssessment()}`, payload: { ...assessment, status: 'not-implemented' } }),
    expected: scopedWrite(200),
  },
  'POST /api/upr/assessments/{id}/retract': {
    access: 'editor',
    scope: 'upr-assessments',
    call: async (f) => ({ url: `/api/upr/assessments/${await f.newAssessment()}/retract`, payload: citation }),
    expected: scopedWrite(200),
  },
  'POST /api/events': {
    access: 'editor',
    scope: 'participation-events',
    call: async (f) => ({ url: '/api/events', payload: f.newEventInput() }),
    expected: scopedWrite(201),
  },
  'PUT /api/events/{id}': {
    access: 'editor',
    scope: 'participation-events',
    call: async (f) => {
      const id = await f.newEvent();
      return { url: `/api/events/${encodeURIComponent(id)}`, payload: { date: aYearAgo(), attestation: 'depositary', ...citation } };
    },
    expected: scopedWrite(200),
  },
  'POST /api/events/{id}/retract': {
    access: 'editor',
    scope: 'participation-events',
    call: async (f) => ({ url: `/api/events/${encodeURIComponent(await f.newEvent())}/retract`, payload: citation }),
    expected: scopedWrite(200),
  },
  'POST /api/cat-reporting/reports': {
    access: 'editor',
    scope: 'cat-reporting',
    call: async (f) => ({ url: '/api/cat-reporting/reports', payload: await f.newCatReportInput() }),
    expected: scopedWrite(201),
  },
  'PUT /api/cat-reporting/reports/{id}': {
    access: 'editor',
    scope: 'cat-reporting',
    call: async (f) => ({
      url: `/api/cat-reporting/reports/${encodeURIComponent(await f.newCatReport())}`,
      payload: { documents: 'Authorization test record, corrected', ...catCitation },
    }),
    expected: scopedWrite(200),
  },
  'POST /api/cat-reporting/reports/{id}/retract': {
    access: 'editor',
    scope: 'cat-reporting',
    call: async (f) => ({ url: `/api/cat-reporting/reports/${encodeURIComponent(await f.newCatReport())}/retract`, payload: catCitation }),
    expected: scopedWrite(200),
  },
  'GET /api/follow-up/plans': {
    access: 'public',
    call: async () => ({ url: '/api/follow-up/plans?state=SVN' }),
    // A public read; credentials that are sent must be good ones.
    expected: {
      ...Object.fromEntries(CALLERS.map((c) => [c, 200])),
      expiredSession: 401,
      revokedSession: 401,
      revokedToken: 401,
    } as Expected,
  },
  'GET /api/follow-up/plans/{id}': {
    access: 'public',
    call: async (f) => ({ url: `/api/follow-up/plans/${(await f.newPlan()).id}` }),
    // A draft of the callers' organisation: theirs to see, and nobody else's (404, as if it did not exist).
    expected: {
      ...Object.fromEntries(CALLERS.map((c) => [c, 200])),
      anonymous: 404,
      reader: 404,
      expiredSession: 401,
      revokedSession: 401,
      revokedToken: 401,
    } as Expected,
  },
  'POST /api/follow-up/plans': {
    access: 'editor',
    scope: 'follow-up',
    call: async () => ({
      url: '/api/follow-up/plans',
      payload: { reviewId: 'SVN-48', title: 'Authorization test plan', clusterBy: 'none' },
    }),
    expected: scopedWrite(201),
  },
  'POST /api/follow-up/plans/{id}/actions': {
    access: 'editor',
    scope: 'follow-up',
    call: async (f) => {
      const plan = await f.newPlan();
      return { url: `/api/follow-up/plans/${plan.id}/actions`, payload: { itemId: plan.itemId, description: 'Authorization test action' } };
    },
    expected: scopedWrite(201),
  },
  'POST /api/follow-up/plans/{id}/updates': {
    access: 'editor',
    scope: 'follow-up',
    call: async (f) => {
      const plan = await f.newPlan();
      const update = {
        itemId: plan.itemId,
        status: 'in-progress',
        date: aYearAgo(),
        narrative: 'Authorization test update',
        sourceUrl: citation.sourceUrl,
      };
      return { url: `/api/follow-up/plans/${plan.id}/updates`, payload: update };
    },
    expected: scopedWrite(201),
  },
  'POST /api/follow-up/plans/{id}/publish': {
    access: 'editor',
    scope: 'follow-up',
    call: async (f) => ({ url: `/api/follow-up/plans/${(await f.newPlan()).id}/publish`, payload: { reason: 'Authorization test' } }),
    expected: scopedWrite(200),
  },
  'POST /api/follow-up/plans/{id}/indicators': {
    access: 'editor',
    scope: 'follow-up',
    call: async (f) => {
      const plan = await f.newPlan();
      return {
        url: `/api/follow-up/plans/${plan.id}/indicators`,
        payload: { itemId: plan.itemId, description: 'Authorization test indicator' },
      };
    },
    expected: scopedWrite(201),
  },
  'POST /api/follow-up/plans/{id}/clusters': {
    access: 'editor',
    scope: 'follow-up',
    call: async (f) => ({
      url: `/api/follow-up/plans/${(await f.newPlan()).id}/clusters`,
      payload: { title: 'Authorization test cluster' },
    }),
    expected: scopedWrite(201),
  },
  'PUT /api/follow-up/plans/{id}/clusters/{clusterId}': {
    access: 'editor',
    scope: 'follow-up',
    call: async (f) => {
      const plan = await f.newPlan();
      return { url: `/api/follow-up/plans/${plan.id}/clusters/${plan.clusterId}`, payload: { title: 'Authorization test, renamed' } };
    },
    expected: scopedWrite(200),
  },
  'PUT /api/follow-up/plans/{id}/items/{itemId}': {
    access: 'editor',
    scope: 'follow-up',
    call: async (f) => {
      const plan = await f.newPlan();
      return { url: `/api/follow-up/plans/${plan.id}/items/${plan.itemId}`, payload: { clusterId: plan.clusterId } };
    },
    expected: scopedWrite(200),
  },
  'POST /api/follow-up/plans/{id}/items/{itemId}/remove': {
    access: 'editor',
    scope: 'follow-up',
    call: async (f) => {
      const plan = await f.newPlan();
      return { url: `/api/follow-up/plans/${plan.id}/items/${plan.itemId}/remove`, payload: { reason: 'Authorization test' } };
    },
    expected: scopedWrite(201),
  },
  'POST /api/follow-up/plans/{id}/recommendations': {
    access: 'editor',
    scope: 'follow-up',
    call: async (f) => {
      const plan = await f.newPlan();
      const payload = {
        mechanism: 'CAT',
        documentSymbol: 'CAT/C/SVN/CO/4',
        text: 'Authorization test recommendation',
        clusterId: plan.clusterId,
      };
      return { url: `/api/follow-up/plans/${plan.id}/recommendations`, payload };
    },
    expected: scopedWrite(201),
  },
  'POST /api/follow-up/plans/{id}/import': {
    access: 'editor',
    scope: 'follow-up',
    call: async (f) => {
      const plan = await f.newPlan();
      const file = Buffer.from(`Paragraph,Action\r\n${plan.paragraph},Authorization test action\r\n`);
      return { url: `/api/follow-up/plans/${plan.id}/import?dryRun=true`, payload: file, contentType: 'text/csv' };
    },
    expected: scopedWrite(200),
  },
  'GET /api/follow-up/deadlines': {
    access: 'public',
    call: async () => ({ url: '/api/follow-up/deadlines?days=30' }),
    // A public read; credentials that are sent must be good ones.
    expected: {
      ...Object.fromEntries(CALLERS.map((c) => [c, 200])),
      expiredSession: 401,
      revokedSession: 401,
      revokedToken: 401,
    } as Expected,
  },
  'POST /api/follow-up/bodies': {
    access: 'editor',
    scope: 'follow-up',
    call: async () => ({ url: '/api/follow-up/bodies', payload: { stateIso3: 'SVN', name: `Authorization test body ${++bodyCount}` } }),
    expected: scopedWrite(201),
  },
  'POST /api/flags': {
    access: 'public',
    call: async () => ({ url: '/api/flags', payload: { pageUrl: '/states/KEN', message: 'Authorization test: a reader flags this page' } }),
    // The one write open to every reader, whoever else it is.
    expected: Object.fromEntries(CALLERS.map((c) => [c, 201])) as Expected,
  },
  'GET /api/review-queue': {
    access: 'editor',
    scope: 'review-queue',
    call: async () => ({ url: '/api/review-queue' }),
    expected: { ...scopedWrite(200), wrongCsrf: 200, noCsrf: 200 },
  },
  'POST /api/review-queue/reports/{eventId}/confirm': {
    access: 'editor',
    scope: 'review-queue',
    call: async (f) => ({
      url: `/api/review-queue/reports/${encodeURIComponent(await f.newEvent('unverified'))}/confirm`,
      payload: { notificationSymbol: 'C.N.999.2025.TREATIES-IV.9.b', reason: citation.reason },
    }),
    expected: scopedWrite(200),
  },
  'POST /api/review-queue/reports/{eventId}/reject': {
    access: 'editor',
    scope: 'review-queue',
    call: async (f) => ({
      url: `/api/review-queue/reports/${encodeURIComponent(await f.newEvent('unverified'))}/reject`,
      payload: citation,
    }),
    expected: scopedWrite(200),
  },
  'POST /api/review-queue/flags/{id}/resolve': {
    access: 'editor',
    scope: 'review-queue',
    call: async (f) => ({ url: `/api/review-queue/flags/${await f.newFlag()}/resolve`, payload: { reason: citation.reason } }),
    expected: scopedWrite(200),
  },
  'POST /api/review-queue/flags/{id}/reject': {
    access: 'editor',
    scope: 'review-queue',
    call: async (f) => ({ url: `/api/review-queue/flags/${await f.newFlag()}/reject`, payload: { reason: citation.reason } }),
    expected: scopedWrite(200),
  },
};

interface Fixtures {
  app: App;
  password: string;
  /** A user the admin routes act on (renamed, its sessions ended, tokens made for it). */
  victim: { id: number; email: string };
  recommendationId: string;
  next: () => number;
  /** A new assessment's id (made with a fixture token). */
  newAssessment: () => Promise<number>;
  /** A valid new event for a State that has done nothing under OPCAT (another State each time). */
  newEventInput: () => object;
  /** A new event's id; 'unverified': a report no depositary notification attests yet. */
  newEvent: (attestation?: 'depositary' | 'unverified') => Promise<string>;
  /** A new reader flag's id. */
  newFlag: () => Promise<number>;
  /** A valid new CAT report record: the next report number of one State. */
  newCatReportInput: () => Promise<object>;
  newCatReport: () => Promise<string>;
  /** A new draft follow-up plan of the callers' organisation (two recommendations of Slovenia's 48th-session review), and one of its items. */
  newPlan: () => Promise<{ id: string; itemId: string; clusterId: string; paragraph: string | null }>;
}

/** Each responsible body made by a call is new: names are unique per State. */
let bodyCount = 0;

/** Each request from its own address: the per-address write and failure limits never answer for the rules. */
let address = 0;
const nextAddress = () => {
  const n = ++address;
  return `10.77.${(n >> 8) & 255}.${n & 255}`;
};

/** The documented routes that write or need an account: every non-GET, and every GET that may answer 401. */
function routesNeedingRules(doc: { paths: Record<string, Record<string, { responses?: Record<string, unknown>; security?: unknown[] }>> }) {
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops)
      .filter(([method, op]) => method !== 'get' || op.responses?.['401'] !== undefined || (op.security?.length ?? 0) > 0)
      .map(([method]) => `${method.toUpperCase()} ${path}`),
  );
}

async function fixtures(app: App): Promise<Fixtures> {
  const password = 'a long enough test passphrase';
  const victim = await createUser(app, { role: 'editor', organisation: 'Victim NGO' });
  const owner = await createUser(app, { role: 'admin', organisation: 'Fixture NGO' });
  const made = await app.accounts.createToken({ userId: owner.id, name: 'fixtures', scopes: TOKEN_SCOPES, expiresAt: null }, 'test');
  const fixtureHeaders = { authorization: `Bearer ${made!.secret}` };
  const recommendationId = (await app.inject('/api/upr/recommendations?state=SVN&pageSize=1')).json().items[0].id as string;
  const status = (await app.inject('/api/instruments/opcat/status')).json() as { states: { iso3: string; status: string }[] };
  const freeStates = status.states.filter((s) => s.status === 'no-action').map((s) => s.iso3);
  let n = 0;
  const next = () => ++n;
  const newEventInput = (attestation: 'depositary' | 'unverified' = 'depositary') => {
    const stateIso3 = freeStates.shift();
    if (!stateIso3) throw new Error('no State without an OPCAT action left for a new test event');
    return { instrumentId: 'opcat', stateIso3, kind: 'ratification', date: aYearAgo(), attestation, ...citation };
  };
  // CAT records: the next numbers of the first State the list has (any State will do; the numbers are what must be new).
  const catState = ((await app.inject('/api/cat-reporting')).json() as { states: { iso3: string }[] }).states[0]?.iso3;
  let catNumber = 0;
  const newCatReportInput = async () => {
    if (!catState) throw new Error('the CAT reporting list names no State');
    if (catNumber === 0) {
      const records = ((await app.inject(`/api/cat-reporting/${catState}`)).json() as { records: { lastNumber: number }[] }).records;
      catNumber = Math.max(0, ...records.map((r) => r.lastNumber));
    }
    return { stateIso3: catState, number: ++catNumber, documents: 'Authorization test record', ...catCitation };
  };
  const fixtureWrite = async (url: string, payload: object) => {
    const res = await app.inject({ method: 'POST', url, payload, headers: fixtureHeaders, remoteAddress: nextAddress() });
    if (res.statusCode !== 201) throw new Error(`fixture ${url}: ${res.statusCode} ${res.body}`);
    return res.json<{ id: number | string }>().id;
  };
  return {
    app,
    password,
    victim,
    recommendationId,
    next,
    newAssessment: async () =>
      Number(await fixtureWrite(`/api/upr/recommendations/${encodeURIComponent(recommendationId)}/assessments`, assessment)),
    newEventInput,
    newEvent: async (attestation = 'depositary') => String(await fixtureWrite('/api/events', newEventInput(attestation))),
    newFlag: async () =>
      Number(await fixtureWrite('/api/flags', { pageUrl: '/states/KEN', message: 'Authorization test: a flag to close' })),
    newCatReportInput,
    newCatReport: async () => String(await fixtureWrite('/api/cat-reporting/reports', await newCatReportInput())),
    newPlan: async () => {
      // Owned by the callers' organisation (createUser's default), made directly: the route's own row tests the route.
      const plan = await createFollowUpService(app.db).create(
        PlanInput.parse({ reviewId: 'SVN-48', title: 'Authorization test plan', clusterBy: 'none' }),
        { name: 'Fixture', organisation: 'Test NGO' },
      );
      const [cluster] = plan.clusters;
      return {
        id: plan.id,
        itemId: cluster!.recommendations[0]!.itemId,
        clusterId: cluster!.id,
        paragraph: cluster!.recommendations[0]!.paragraph,
      };
    },
  };
}

describe('the authorization table', () => {
  it('names every route of the OpenAPI document that writes or needs an account, and no other', async () => {
    const { app } = await setup();
    const doc = (await app.inject('/api/openapi.json')).json();
    const documented = new Set(
      Object.entries(doc.paths as Record<string, object>).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${p}`)),
    );
    const needing = routesNeedingRules(doc);
    expect(needing.length).toBeGreaterThan(10);
    expect(
      needing.filter((r) => !(r in TABLE)),
      'routes without a row in TABLE',
    ).toEqual([]);
    expect(
      Object.keys(TABLE).filter((r) => !documented.has(r)),
      'rows for routes the document does not list',
    ).toEqual([]);
  });

  // One test per route, so a failure names it; the callers are made fresh for each (a sign-out ends its session).
  it.each(Object.keys(TABLE))(
    '%s answers each caller as the table says',
    async (route) => {
      const row = TABLE[route]!;
      const { app, db } = await setup({ seed: true });
      const f = await fixtures(app);
      const method = route.split(' ')[0]!;
      const routeRole = row.access === 'admin' ? 'admin' : 'editor';

      // The callers' credentials.
      const editor = await createUser(app, { role: 'editor' });
      const admin = await createUser(app, { role: 'admin' });
      const csrfUser = routeRole === 'admin' ? await createUser(app, { role: 'admin' }) : await createUser(app, { role: 'editor' });
      const expiredUser = await createUser(app, { role: 'admin' });
      const revokedUser = await createUser(app, { role: 'admin' });
      const otherScopes = TOKEN_SCOPES.filter((s) => s !== row.scope);
      const token = async (userId: number, scopes: readonly TokenScope[]) =>
        (await app.accounts.createToken({ userId, name: 'caller', scopes, expiresAt: null }, 'test'))!;
      const revoked = await token(revokedUser.id, TOKEN_SCOPES);
      await app.accounts.revokeToken(revoked.token.id, 'test');
      const refusedToken = await token(editor.id, routeRole === 'admin' ? TOKEN_SCOPES : otherScopes);
      const allowedToken =
        routeRole === 'admin' ? await token(admin.id, ['cat-reporting']) : await token(editor.id, row.scope ? [row.scope] : TOKEN_SCOPES);
      const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });

      const expiredSession = await signIn(app, expiredUser.email);
      await db.updateTable('session').set({ expiresAt: '2000-01-01T00:00:00.000Z' }).where('userId', '=', expiredUser.id).execute();
      const revokedSession = await signIn(app, revokedUser.email);
      expect(
        (await app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: revokedSession, remoteAddress: nextAddress() })).statusCode,
      ).toBe(200);
      const csrfSession = await signIn(app, csrfUser.email);
      const otherSession = await signIn(app, admin.email);

      // The reader flags something, if the tracker takes flags, and keeps whatever cookie it was given.
      let readerHeaders: Record<string, string> = {};
      if (TABLE['POST /api/flags']) {
        const flagged = await app.inject({ method: 'POST', ...(await TABLE['POST /api/flags'].call(f)), remoteAddress: nextAddress() });
        expect(flagged.statusCode, flagged.body).toBe(201);
        const cookies = flagged.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
        if (cookies) readerHeaders = { cookie: cookies };
      }

      const headersOf = async (caller: Caller): Promise<Record<string, string>> => {
        switch (caller) {
          case 'anonymous':
            return {};
          case 'reader':
            return readerHeaders;
          case 'editorSession':
            return signIn(app, editor.email);
          case 'adminSession':
            return signIn(app, admin.email);
          case 'wrongCsrf':
            return { cookie: csrfSession.cookie, 'x-csrf-token': otherSession['x-csrf-token'] };
          case 'noCsrf':
            return { cookie: csrfSession.cookie };
          case 'expiredSession':
            return expiredSession;
          case 'revokedSession':
            return revokedSession;
          case 'revokedToken':
            return bearer(revoked.secret);
          case 'tokenRefused':
            return bearer(refusedToken.secret);
          case 'tokenAllowed':
            return bearer(allowedToken.secret);
        }
      };

      const got: Partial<Record<Caller, number>> = {};
      const bodies: Partial<Record<Caller, string>> = {};
      for (const caller of CALLERS) {
        const { contentType, ...call } = await row.call(f);
        const headers = { ...(await headersOf(caller)), ...(contentType ? { 'content-type': contentType } : {}) };
        const res = await app.inject({ method: method as 'GET', ...call, headers, remoteAddress: nextAddress() });
        got[caller] = res.statusCode;
        bodies[caller] = res.body;
        if (res.statusCode === 401 || res.statusCode === 403) {
          // A refusal says why, in the uniform error body, and is never kept by a cache.
          expect(res.json(), `${route} ${caller}`).toMatchObject({ message: expect.any(String) });
          expect(res.headers['cache-control'], `${route} ${caller}`).toBe('no-store');
        }
        if (route === 'GET /api/auth/session') {
          const live = ['editorSession', 'adminSession', 'wrongCsrf', 'noCsrf'].includes(caller);
          expect(res.json().user === null, `${route} ${caller}: user ${live ? 'expected' : 'null expected'}`).toBe(!live);
        }
      }
      expect(got, JSON.stringify(bodies, null, 1).slice(0, 4000)).toEqual(row.expected);
    },
    60_000,
  );
});
