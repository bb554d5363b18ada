import { onTestFinished } from 'vitest';
import { buildApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import type { TokenScope } from '../src/domain/vocabulary.js';
import { freshDatabase } from './databases.js';
import { hashPassword } from '../src/lib/passwords.js';
import { createAccountRepository } from '../src/repositories/account.repository.js';

export { seededImage } from './databases.js';

/**
 * A fresh app on a real, migrated database of its own (in-memory SQLite, or a PostgreSQL
 * database when the run is on PostgreSQL: test/databases.ts); closed when the test ends.
 * `seed: true` loads the bundled dataset from data/seed, as the server does on first start;
 * `env` sets configuration variables as the server's environment would.
 */
export async function setup({ seed = false, env = {} }: { seed?: boolean; env?: Record<string, string> } = {}) {
  const config = loadConfig({ LOG_LEVEL: 'silent', DATABASE_PATH: ':memory:', WEB_BUILD_DIR: '/nonexistent', ...env });
  const { db, drop } = await freshDatabase(seed);
  const app = await buildApp(config, db);
  await app.ready();
  onTestFinished(async () => {
    await app.close();
    await drop();
  });
  return { app, db, config };
}

/** An app on a fresh seeded database for a whole file (beforeAll); `close` closes it and drops its database. */
export async function sharedSeededApp() {
  const { db, drop } = await freshDatabase(true);
  const app = await buildApp(loadConfig({ LOG_LEVEL: 'silent', DATABASE_PATH: ':memory:', WEB_BUILD_DIR: '/nonexistent' }), db);
  await app.ready();
  return {
    app,
    close: async () => {
      await app.close();
      await drop();
    },
  };
}

/** A password the test accounts share (long enough for the password rule). */
export const TEST_PASSWORD = 'a long enough test passphrase';

const hashes = new Map<string, Promise<string>>();
/** The scrypt hash of a test password, made once per password and run: each hash costs some 50 ms by design. */
const hashOf = (password: string) => {
  let hash = hashes.get(password);
  if (!hash) hashes.set(password, (hash = hashPassword(password)));
  return hash;
};

/**
 * Creates a user on `app` (editor unless told) and returns it, stored as the accounts service stores
 * one but with the hash of its password made once per run (see hashOf): the tests that create the
 * most users would otherwise spend most of their time hashing the same password. Creating users
 * through the service and the API is tested in accounts.test.ts.
 */
export async function createUser(
  app: Awaited<ReturnType<typeof setup>>['app'],
  {
    role = 'editor',
    organisation = 'Test NGO',
    email = `${role}-${Math.random().toString(36).slice(2)}@example.org`,
    name = `Test ${role}`,
  }: {
    role?: 'admin' | 'editor';
    organisation?: string;
    email?: string;
    name?: string;
  } = {},
) {
  return createAccountRepository(app.db).insertUser({
    email: email.toLowerCase(),
    name,
    organisation,
    role,
    passwordHash: await hashOf(TEST_PASSWORD),
    createdAt: new Date().toISOString(),
  });
}

/** Signs `email` in through the API and returns the headers a browser session's writes send. */
export async function signIn(app: Awaited<ReturnType<typeof setup>>['app'], email: string, password = TEST_PASSWORD) {
  const res = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { email, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  const cookie = res.cookies.find((c) => c.name === 'tracker_session');
  const { csrfToken } = res.json<{ csrfToken: string }>();
  return { cookie: `tracker_session=${cookie!.value}`, 'x-csrf-token': csrfToken };
}

/** A signed-in editor's (or admin's) write headers, in one step. */
export async function editorSession(app: Awaited<ReturnType<typeof setup>>['app'], options: Parameters<typeof createUser>[1] = {}) {
  const user = await createUser(app, options);
  return { user, headers: await signIn(app, user.email) };
}

/** An API token's Authorization header, for a new editor, with `scopes` (all by default). */
export async function editorToken(
  app: Awaited<ReturnType<typeof setup>>['app'],
  scopes: readonly TokenScope[] = ['participation-events', 'cat-reporting', 'upr-assessments', 'review-queue', 'follow-up'],
  options: Parameters<typeof createUser>[1] = {},
) {
  const user = await createUser(app, options);
  const created = await app.accounts.createToken({ userId: user.id, name: 'test token', scopes, expiresAt: null }, 'test');
  return { user, tokenId: created!.token.id, headers: { authorization: `Bearer ${created!.secret}` } };
}
