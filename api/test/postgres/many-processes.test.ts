import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../src/app.js';
import { loadConfig } from '../../src/config.js';
import { createDb } from '../../src/db/database.js';
import { freshDatabase } from '../databases.js';
import { createUser, signIn } from '../helper.js';

/**
 * Two server processes on one PostgreSQL database, as behind a load balancer: each app here has
 * its own connection pool, caches and counters, as a process would; nothing is shared but the
 * database.
 */
let one: FastifyInstance;
let two: FastifyInstance;
let drop: () => Promise<void>;
const LIMIT = 40;

beforeAll(async () => {
  const database = await freshDatabase(true);
  await database.db.destroy();
  drop = database.drop;
  const config = loadConfig({
    LOG_LEVEL: 'silent',
    DATABASE_URL: database.location,
    WEB_BUILD_DIR: '/nonexistent',
    RATE_LIMIT_PER_MINUTE: String(LIMIT),
  });
  one = await buildApp(config, createDb(database.location));
  two = await buildApp(config, createDb(database.location));
  await Promise.all([one.ready(), two.ready()]);
});
afterAll(async () => {
  await one.close();
  await two.close();
  await drop();
});

type Status = { states: { iso3: string; status: string }[]; statesParties: number };
const opcat = async (app: FastifyInstance) => (await app.inject('/api/instruments/opcat/status')).json<Status>();

describe('two server processes on one PostgreSQL database', () => {
  it('an edit made through one is in the next answer of the other, whose caches held the old answer', async () => {
    const before = await opcat(two);
    // Cached now in `two` (its response cache, keyed on the data version).
    expect((await two.inject('/api/instruments/opcat/status')).statusCode).toBe(200);
    const iso3 = before.states.find((s) => s.status === 'no-action')!.iso3;

    const editor = await createUser(one, { organisation: 'Treaty Watch' });
    const headers = await signIn(one, editor.email);
    const date = new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10);
    const added = await one.inject({
      method: 'POST',
      url: '/api/events',
      headers,
      // Made up for the test: no State's real record is claimed.
      payload: {
        instrumentId: 'opcat',
        stateIso3: iso3,
        kind: 'ratification',
        date,
        attestation: 'depositary',
        documentSymbol: 'C.N.999.2025.TREATIES-IV-9-b',
        sourceUrl: 'https://treaties.un.org/doc/Publication/CN/2025/CN.999.2025-Eng.pdf',
        reason: 'Test: two processes',
      },
    });
    expect(added.statusCode, added.body).toBe(201);

    const after = await opcat(two);
    expect(after.statesParties).toBe(before.statesParties + 1);
    expect(after.states.find((s) => s.iso3 === iso3)!.status).toBe('party');
  });

  it('a session opened through one works through the other, and signing out through the other ends it for both', async () => {
    const user = await createUser(one, { organisation: 'Coalition' });
    const headers = await signIn(one, user.email);
    const onTwo = await two.inject({ url: '/api/auth/session', headers: { cookie: headers.cookie } });
    expect(onTwo.statusCode).toBe(200);
    expect(onTwo.json().user.email).toBe(user.email);
    const out = await two.inject({ method: 'POST', url: '/api/auth/sign-out', headers });
    expect(out.statusCode).toBeLessThan(300);
    expect((await one.inject({ url: '/api/auth/session', headers: { cookie: headers.cookie } })).json().user ?? null).toBeNull();
  });

  it('an address has one allowance, however its requests are shared between the processes', async () => {
    const from = { remoteAddress: '198.51.100.7' };
    const codes: number[] = [];
    for (let i = 0; i < LIMIT + 2; i++) codes.push((await (i % 2 ? two : one).inject({ url: '/api/health', ...from })).statusCode);
    expect(codes.slice(0, LIMIT).every((c) => c === 200)).toBe(true);
    expect(codes.slice(LIMIT)).toEqual([429, 429]);
    // Another address is counted on its own.
    expect((await two.inject({ url: '/api/health', remoteAddress: '198.51.100.8' })).statusCode).toBe(200);
  });
});
