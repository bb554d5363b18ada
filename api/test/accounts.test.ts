import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import { describe, expect, it } from 'vitest';
import { loadConfig, retiredSettingWarnings } from '../src/config.js';
import { createDb } from '../src/db/database.js';
import { AUTH_FAILURES_ALLOWED } from '../src/plugins/auth.js';
import { createUser, editorSession, editorToken, setup, signIn, TEST_PASSWORD } from './helper.js';

type App = Awaited<ReturnType<typeof setup>>['app'];
const signInRequest = (app: App, email: string, password: string) =>
  app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password } });
const session = (app: App, headers: Record<string, string> = {}) => app.inject({ url: '/api/auth/session', headers });

describe('signing in', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie for 12 hours and returns the CSRF token', async () => {
    const { app } = await setup();
    const user = await createUser(app, { organisation: 'Ombudsman' });
    const res = await signInRequest(app, user.email.toUpperCase(), TEST_PASSWORD);
    expect(res.statusCode).toBe(200);
    const cookie = res.cookies.find((c) => c.name === 'tracker_session')!;
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/', maxAge: 12 * 3600 });
    expect(cookie.secure).toBeUndefined();
    expect(res.json()).toMatchObject({ user: { email: user.email, organisation: 'Ombudsman', role: 'editor' } });
    const me = await session(app, { cookie: `tracker_session=${cookie.value}` });
    expect(me.headers['cache-control']).toBe('no-store');
    expect(me.json().csrfToken).toBe(res.json().csrfToken);
    expect((await session(app)).json()).toEqual({ user: null, csrfToken: null });
  });

  it('marks the cookie Secure when the tracker is served over https', async () => {
    const { app } = await setup({ env: { PUBLIC_URL: 'https://tracker.example.org' } });
    const user = await createUser(app);
    const res = await signInRequest(app, user.email, TEST_PASSWORD);
    expect(res.cookies.find((c) => c.name === 'tracker_session')!.secure).toBe(true);
  });

  it('answers a wrong password and an unknown address alike, and locks an address out after repeated failures', async () => {
    const { app } = await setup();
    const user = await createUser(app);
    const wrong = await signInRequest(app, user.email, 'not the password at all');
    const unknown = await signInRequest(app, 'nobody@example.org', 'not the password at all');
    expect([wrong.statusCode, unknown.statusCode]).toEqual([401, 401]);
    expect(wrong.json().message).toBe(unknown.json().message);
    for (let i = 2; i < AUTH_FAILURES_ALLOWED; i++) expect((await signInRequest(app, user.email, `wrong ${i}`)).statusCode).toBe(401);
    const locked = await signInRequest(app, user.email, TEST_PASSWORD);
    expect(locked.statusCode).toBe(429);
    expect(locked.json().message).toMatch(/try again in \d+ minutes/);
  });

  it('ends a session on sign-out, on expiry, and when the user is disabled', async () => {
    const { app, db } = await setup();
    const { user, headers } = await editorSession(app);
    expect((await session(app, headers)).json().user.id).toBe(user.id);
    const out = await app.inject({ method: 'POST', url: '/api/auth/sign-out', headers });
    expect(out.statusCode).toBe(200);
    expect(out.cookies.find((c) => c.name === 'tracker_session')!.value).toBe('');
    expect((await session(app, headers)).json().user).toBeNull();
    const afterSignOut = await app.inject({ method: 'POST', url: '/api/auth/sign-out', headers });
    expect(afterSignOut.statusCode).toBe(401);
    expect(afterSignOut.json().message).toMatch(/session has ended/);

    const again = await signIn(app, user.email);
    await db.updateTable('session').set({ expiresAt: '2000-01-01T00:00:00.000Z' }).where('revokedAt', 'is', null).execute();
    expect((await session(app, again)).json().user).toBeNull();

    const admin = await editorSession(app, { role: 'admin' });
    const third = await signIn(app, user.email);
    const disabled = await app.inject({
      method: 'PATCH',
      url: `/api/admin/users/${user.id}`,
      payload: { disabled: true },
      headers: admin.headers,
    });
    expect(disabled.statusCode).toBe(200);
    expect(disabled.json().disabledAt).not.toBeNull();
    expect((await session(app, third)).json().user).toBeNull();
    expect((await signInRequest(app, user.email, TEST_PASSWORD)).statusCode).toBe(401);
  });

  it('refuses a session write without its CSRF token, or with another session’s', async () => {
    const { app } = await setup();
    const a = await editorSession(app, { role: 'admin' });
    const b = await editorSession(app, { role: 'admin' });
    const url = '/api/admin/tokens';
    const body = { userId: a.user.id, name: 'import', scopes: ['cat-reporting'] };
    const without = await app.inject({ method: 'POST', url, payload: body, headers: { cookie: a.headers.cookie } });
    expect(without.statusCode).toBe(403);
    expect(without.json().message).toMatch(/CSRF/);
    const crossed = await app.inject({
      method: 'POST',
      url,
      payload: body,
      headers: { ...a.headers, 'x-csrf-token': b.headers['x-csrf-token'] },
    });
    expect(crossed.statusCode).toBe(403);
    expect((await app.inject({ method: 'POST', url, payload: body, headers: a.headers })).statusCode).toBe(201);
  });
});

describe('the retired EDIT_TOKEN', () => {
  it('is named in a start-up warning and opens nothing', async () => {
    const token = 'an-old-edit-token-from-before-accounts';
    const { app, config } = await setup({ seed: true, env: { EDIT_TOKEN: token } });
    expect(retiredSettingWarnings(config)).toEqual([expect.stringContaining('EDIT_TOKEN is set but no longer used')]);
    expect(retiredSettingWarnings(loadConfig({}))).toEqual([]);
    const res = await app.inject({
      method: 'POST',
      url: '/api/upr/assessments/1/retract',
      payload: {},
      headers: { authorization: `Bearer ${token}` },
    });
    expect(res.statusCode).toBe(401);
  });
});

describe('users and tokens', () => {
  it('lets only admins manage users; an address is one account whatever its case', async () => {
    const { app } = await setup();
    const admin = await editorSession(app, { role: 'admin' });
    const editor = await editorSession(app);
    const body = {
      email: 'New.Editor@Example.org',
      name: 'New Editor',
      organisation: 'Coalition for the ICC',
      role: 'editor',
      password: TEST_PASSWORD,
    };
    expect((await app.inject({ method: 'POST', url: '/api/admin/users', payload: body, headers: editor.headers })).statusCode).toBe(403);
    const created = await app.inject({ method: 'POST', url: '/api/admin/users', payload: body, headers: admin.headers });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ email: 'new.editor@example.org', organisation: 'Coalition for the ICC' });
    expect(created.json()).not.toHaveProperty('passwordHash');
    const again = await app.inject({
      method: 'POST',
      url: '/api/admin/users',
      payload: { ...body, email: 'new.editor@EXAMPLE.org' },
      headers: admin.headers,
    });
    expect(again.statusCode).toBe(409);
    const short = await app.inject({
      method: 'POST',
      url: '/api/admin/users',
      payload: { ...body, email: 'x@example.org', password: 'short' },
      headers: admin.headers,
    });
    expect(short.statusCode).toBe(400);
    expect(short.json().details[0].path).toBe('body.password');
    const list = await app.inject({ url: '/api/admin/users', headers: admin.headers });
    expect(list.body).not.toContain('scrypt$');
    const self = await app.inject({
      method: 'PATCH',
      url: `/api/admin/users/${admin.user.id}`,
      payload: { role: 'editor' },
      headers: admin.headers,
    });
    expect(self.statusCode).toBe(400);
  });

  it('shows a token’s secret once, keeps only its hash, honours its scopes, expiry and revocation', async () => {
    const { app, db } = await setup({ seed: true });
    const admin = await editorSession(app, { role: 'admin' });
    const created = await app.inject({
      method: 'POST',
      url: '/api/admin/tokens',
      payload: { userId: admin.user.id, name: 'UPR follow-up import', scopes: ['upr-assessments'] },
      headers: admin.headers,
    });
    expect(created.statusCode).toBe(201);
    const { secret, id } = created.json();
    expect(secret).toMatch(/^trk_[\w-]{43}$/);
    const stored = await db.selectFrom('apiToken').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(secret.slice(4));
    expect((await app.inject({ url: '/api/admin/tokens', headers: admin.headers })).body).not.toContain(secret.slice(4));

    const past = await app.inject({
      method: 'POST',
      url: '/api/admin/tokens',
      payload: { userId: admin.user.id, name: 'old', scopes: ['cat-reporting'], expiresOn: '2020-01-01' },
      headers: admin.headers,
    });
    expect(past.statusCode).toBe(400);
    const repeated = await app.inject({
      method: 'POST',
      url: '/api/admin/tokens',
      payload: { userId: admin.user.id, name: 'twice', scopes: ['cat-reporting', 'cat-reporting'] },
      headers: admin.headers,
    });
    expect(repeated.statusCode).toBe(400);

    // A token is not a session: it may not manage users, whatever its user's role.
    const asToken = { authorization: `Bearer ${secret}` };
    expect((await app.inject({ url: '/api/admin/users', headers: asToken })).statusCode).toBe(200);
    const revoke = await app.inject({ method: 'POST', url: `/api/admin/tokens/${id}/revoke`, headers: admin.headers });
    expect(revoke.statusCode).toBe(200);
    expect(revoke.json().revokedAt).not.toBeNull();
    const after = await app.inject({ url: '/api/admin/users', headers: asToken });
    expect(after.statusCode).toBe(401);
    expect(after.json().message).toMatch(/revoked/);
    expect((await app.inject({ method: 'POST', url: `/api/admin/tokens/${id}/revoke`, headers: admin.headers })).statusCode).toBe(409);

    const expiring = await editorToken(app, ['upr-assessments']);
    await db.updateTable('apiToken').set({ expiresAt: '2000-01-01T23:59:59.999Z' }).where('id', '=', expiring.tokenId).execute();
    expect(
      (await app.inject({ method: 'POST', url: '/api/upr/assessments/1/retract', payload: {}, headers: expiring.headers })).statusCode,
    ).toBe(401);
  });
});

describe('user:create', () => {
  it('creates the first admin in the configured database, and refuses a short password with the usage', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tracker-user-create-'));
    try {
      const path = join(dir, 'tracker.sqlite');
      copyFileSync(inject('seededImagePath'), path);
      const run = (args: string[], password: string) =>
        spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/user-create.ts', '--', ...args], {
          env: { ...process.env, DATABASE_PATH: path, TRACKER_PASSWORD: password, LOG_LEVEL: 'silent' },
          encoding: 'utf8',
        });
      const ok = run(
        ['--admin', '--email', 'first@example.org', '--name', 'First Admin', '--organisation', 'Test coalition'],
        TEST_PASSWORD,
      );
      expect(ok.stderr).toBe('');
      expect(ok.status).toBe(0);
      expect(ok.stdout).toContain('Created admin first@example.org (Test coalition)');
      const refused = run(['--email', 'second@example.org', '--name', 'Second', '--organisation', 'Test coalition'], 'short');
      expect(refused.status).toBe(2);
      expect(refused.stderr).toContain('at least 12 characters');
      expect(refused.stderr).toContain('Creates a user');
      const twice = run(['--email', 'first@example.org', '--name', 'Again', '--organisation', 'Test coalition'], TEST_PASSWORD);
      expect(twice.status).toBe(2);
      expect(twice.stderr).toContain('already exists');
      const db = createDb(path);
      return db
        .selectFrom('user')
        .select(['email', 'role', 'organisation'])
        .execute()
        .then(async (users) => {
          expect(users).toEqual([{ email: 'first@example.org', role: 'admin', organisation: 'Test coalition' }]);
          await db.destroy();
        });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
