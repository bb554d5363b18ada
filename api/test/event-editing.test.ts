import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { eventIdOf } from '../src/domain/event-id.js';
import { applyEventImport } from '../src/services/event-import.js';
import type { ParticipationEvent } from '../src/domain/types.js';
import type { InstrumentStatusResponse } from '../src/schemas/instrument.js';
import type { StateDetail } from '../src/schemas/state-detail.js';
import { editorSession, editorToken, setup } from './helper.js';

type App = Awaited<ReturnType<typeof setup>>['app'];

const status = async (app: App, instrumentId: string) =>
  (await app.inject(`/api/instruments/${instrumentId}/status`)).json<InstrumentStatusResponse>();
const profile = async (app: App, iso3: string) => (await app.inject(`/api/states/${iso3}`)).json<StateDetail>();
const eventUrl = (id: string) => `/api/events/${encodeURIComponent(id)}`;

/** A day a year ago: long enough for any 30-day entry into force to have passed. */
const aYearAgo = () => new Date(Date.now() - 365 * 86_400_000).toISOString().slice(0, 10);

/** A State that has done nothing under OPCAT in the bundled data, read from the status answer. */
async function stateWithoutAction(app: App) {
  const row = (await status(app, 'opcat')).states.find((s) => s.status === 'no-action');
  if (!row) throw new Error('every State has acted under OPCAT');
  return row.iso3;
}

// The events in these tests are made up for the test: no State's real record is claimed.
const citation = {
  documentSymbol: 'C.N.999.2025.TREATIES-IV-9-b',
  sourceUrl: 'https://treaties.un.org/doc/Publication/CN/2025/CN.999.2025-Eng.pdf',
  reason: 'Test: the depositary notification records the deposit',
};

describe('participation event ids', () => {
  it('are derived as the importers derive them: every bundled event has its derived id (or that id numbered :2, :3)', () => {
    const events = JSON.parse(readFileSync(new URL('../../data/seed/events.json', import.meta.url), 'utf8')) as ParticipationEvent[];
    expect(events.length).toBeGreaterThan(100);
    const wrong = events.filter((e) => e.id !== eventIdOf(e) && !new RegExp(`^${escape(eventIdOf(e))}:\\d+$`).test(e.id));
    expect(wrong.map((e) => e.id)).toEqual([]);
  });
});

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

describe('editing participation events', () => {
  it('adds, corrects and retracts with a token; the status and profile follow each write; the history keeps every change', async () => {
    const { app } = await setup({ seed: true });
    const { headers, user } = await editorToken(app, ['participation-events'], { organisation: 'Treaty Watch', name: 'Ana Editor' });
    const iso3 = await stateWithoutAction(app);
    const partiesBefore = (await status(app, 'opcat')).statesParties;
    const date = aYearAgo();
    const body = { instrumentId: 'opcat', stateIso3: iso3, kind: 'ratification', date, attestation: 'depositary', ...citation };

    const added = await app.inject({ method: 'POST', url: '/api/events', payload: body, headers });
    expect(added.statusCode, added.body).toBe(201);
    const event = added.json();
    expect(event.id).toBe(`opcat:${iso3}:ratification:${date}`);
    expect(event.notificationSymbol).toBe(citation.documentSymbol);
    expect(event.sourceUrl).toBe(citation.sourceUrl);
    expect(event.source.url).toBe(citation.sourceUrl);
    expect(event.retractedAt).toBeNull();

    // Status answers move on at once: the cache keys on the data version the write moved.
    const after = await status(app, 'opcat');
    const row = after.states.find((s) => s.iso3 === iso3)!;
    expect(row.status).toBe('party');
    expect(row.consent).toMatchObject({ kind: 'ratification', date });
    expect(after.statesParties).toBe(partiesBefore + 1);
    const state = await profile(app, iso3);
    expect(state.instruments.find((i) => i.instrumentId === 'opcat')!.status).toBe('party');
    expect(state.events.map((e) => e.id)).toContain(event.id);

    // The same event again is a conflict.
    const again = await app.inject({ method: 'POST', url: '/api/events', payload: body, headers });
    expect(again.statusCode).toBe(409);

    // A correction changes the event in place; identity fields cannot be corrected.
    const { instrumentId: _i, stateIso3: _s, kind: _k, ...correctable } = body;
    const corrected = await app.inject({
      method: 'PUT',
      url: eventUrl(event.id),
      payload: { ...correctable, note: 'Deposit confirmed by the depositary', reason: 'Test: add the note', documentSymbol: null },
      headers,
    });
    expect(corrected.statusCode).toBe(200);
    expect(corrected.json()).toMatchObject({ id: event.id, note: 'Deposit confirmed by the depositary', sourceUrl: citation.sourceUrl });
    const identity = await app.inject({ method: 'PUT', url: eventUrl(event.id), payload: { ...correctable, kind: 'accession' }, headers });
    expect(identity.statusCode).toBe(400);
    expect(identity.json().message).toContain('kind');

    // Retraction: the event stays readable, marked, and stops counting.
    const retraction = { reason: 'Test: entered against the wrong State', sourceUrl: 'https://treaties.un.org/' };
    const retracted = await app.inject({ method: 'POST', url: `${eventUrl(event.id)}/retract`, payload: retraction, headers });
    expect(retracted.statusCode).toBe(200);
    expect(retracted.json().retractedAt).not.toBeNull();
    expect((await status(app, 'opcat')).states.find((s) => s.iso3 === iso3)!.status).toBe('no-action');
    expect((await status(app, 'opcat')).statesParties).toBe(partiesBefore);
    expect((await profile(app, iso3)).events.map((e) => e.id)).not.toContain(event.id);
    expect((await app.inject({ method: 'POST', url: `${eventUrl(event.id)}/retract`, payload: retraction, headers })).statusCode).toBe(409);
    expect((await app.inject({ method: 'PUT', url: eventUrl(event.id), payload: correctable, headers })).statusCode).toBe(409);

    const stored = await app.inject(eventUrl(event.id));
    expect(stored.statusCode).toBe(200);
    const detail = stored.json();
    expect(detail.retractedAt).not.toBeNull();
    expect(detail.history.map((h: { action: string }) => h.action)).toEqual(['insert', 'correct', 'retract']);
    for (const h of detail.history) expect(h).toMatchObject({ actor: user.name, organisation: 'Treaty Watch' });
    expect(detail.history.map((h: { reason: string }) => h.reason)).toEqual([body.reason, 'Test: add the note', retraction.reason]);
    expect(detail.history[0].before).toBeNull();
    expect(detail.history[0].after).toMatchObject({ id: event.id, date, kind: 'ratification' });
    expect(detail.history[1].before.note).toBeNull();
    expect(detail.history[1].after.note).toBe('Deposit confirmed by the depositary');
    expect(detail.history[2].after).toBeNull();
    expect(detail.history[0].source).toMatchObject({ url: citation.sourceUrl });
    expect(detail.history[2].source).toMatchObject({ url: retraction.sourceUrl });

    // The audit log holds the same, filed under the instrument and State for the change feed.
    const audit = await app.db.selectFrom('auditLog').selectAll().where('entityId', '=', event.id).orderBy('id').execute();
    expect(audit.map((a) => [a.entity, a.instrumentId, a.stateIso3])).toEqual(
      Array.from({ length: 3 }, () => ['participationEvent', 'opcat', iso3]),
    );

    // Adding it again reinstates the retracted id, and it counts again.
    const reinstated = await app.inject({ method: 'POST', url: '/api/events', payload: body, headers });
    expect(reinstated.statusCode).toBe(201);
    expect(reinstated.json().retractedAt).toBeNull();
    expect((await status(app, 'opcat')).states.find((s) => s.iso3 === iso3)!.status).toBe('party');
  });

  it('takes a signed-in session with its CSRF token, and refuses anonymous callers, other scopes and missing CSRF', async () => {
    const { app } = await setup({ seed: true });
    const iso3 = await stateWithoutAction(app);
    const body = { instrumentId: 'opcat', stateIso3: iso3, kind: 'signature', date: aYearAgo(), attestation: 'depositary', ...citation };
    expect((await app.inject({ method: 'POST', url: '/api/events', payload: body })).statusCode).toBe(401);
    const other = await editorToken(app, ['upr-assessments', 'cat-reporting']);
    expect((await app.inject({ method: 'POST', url: '/api/events', payload: body, headers: other.headers })).statusCode).toBe(403);
    const { headers } = await editorSession(app, { organisation: 'Coalition' });
    const noCsrf = await app.inject({ method: 'POST', url: '/api/events', payload: body, headers: { cookie: headers.cookie } });
    expect(noCsrf.statusCode).toBe(403);
    const added = await app.inject({ method: 'POST', url: '/api/events', payload: body, headers });
    expect(added.statusCode).toBe(201);
    expect((await status(app, 'opcat')).states.find((s) => s.iso3 === iso3)!.status).toBe('signatory');
    const retracted = await app.inject({
      method: 'POST',
      url: `${eventUrl(added.json().id)}/retract`,
      payload: { reason: 'Test: no such signature', documentSymbol: 'C.N.999.2025.TREATIES-IV-9-b' },
      headers,
    });
    expect(retracted.statusCode).toBe(200);
    expect(retracted.json().history.at(-1)).toMatchObject({ action: 'retract', organisation: 'Coalition' });
  });

  it('refuses bad input with a 400 that names the field, and unknown ids with 404', async () => {
    const { app } = await setup({ seed: true });
    const { headers } = await editorToken(app, ['participation-events']);
    const iso3 = await stateWithoutAction(app);
    const body = { instrumentId: 'opcat', stateIso3: iso3, kind: 'ratification', date: aYearAgo(), attestation: 'depositary', ...citation };
    const post = (payload: object) => app.inject({ method: 'POST', url: '/api/events', payload, headers });
    const refusals: [object, string][] = [
      [{ ...body, sourceUrl: null, documentSymbol: null }, 'cite a source'],
      [{ ...body, reason: undefined }, 'reason'],
      [{ ...body, instrumentId: 'geneva' }, 'instrumentId'],
      [{ ...body, stateIso3: 'XXX' }, 'stateIso3'],
      [{ ...body, kind: 'ratified' }, 'kind'],
      [{ ...body, date: '2025-02-30' }, 'date'],
      [{ ...body, date: '2999-01-01' }, 'in the future'],
      [{ ...body, attestation: 'rumour' }, 'attestation'],
      [{ ...body, sourceUrl: 'javascript:alert(1)' }, 'sourceUrl'],
      [{ ...body, status: 'party' }, 'status'],
    ];
    for (const [payload, named] of refusals) {
      const res = await post(payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
      expect(res.json().message).toContain(named);
    }
    expect((await status(app, 'opcat')).states.find((s) => s.iso3 === iso3)!.status).toBe('no-action');
    const missing = 'opcat:XXX:ratification:2020-01-01';
    expect((await app.inject(eventUrl(missing))).statusCode).toBe(404);
    const { instrumentId: _i, stateIso3: _s, kind: _k, ...correctable } = body;
    expect((await app.inject({ method: 'PUT', url: eventUrl(missing), payload: correctable, headers })).statusCode).toBe(404);
    expect(
      (await app.inject({ method: 'POST', url: `${eventUrl(missing)}/retract`, payload: { ...citation, reason: 'Test' }, headers }))
        .statusCode,
    ).toBe(404);
  });

  it('shows a bundled event with its source and its seed history', async () => {
    const { app } = await setup({ seed: true });
    const [first] = (await profile(app, 'ZAF')).events;
    const res = await app.inject(eventUrl(first!.id));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ id: first!.id, source: first!.source, retractedAt: null });
    expect(res.json().history.map((h: { actor: string }) => h.actor)).toEqual(['seed']);
  });
});

describe('an import after editors changed its events', () => {
  it('keeps what an editor corrected or retracted, lists it, and records no change for it', async () => {
    const { app } = await setup({ seed: true });
    const { headers } = await editorToken(app, ['participation-events'], { organisation: 'Treaty Watch' });
    const bundled = (
      JSON.parse(readFileSync(new URL('../../data/seed/events.json', import.meta.url), 'utf8')) as ParticipationEvent[]
    ).filter((e) => e.instrumentId === 'uncat' && e.sourceId.startsWith('untc-iv-9-'));
    const [corrected, retracted] = bundled.filter((e) => e.date !== null && e.kind === 'accession');
    const correction = { ...citation, date: corrected!.date!.replace(/\d\d$/, '01'), attestation: 'depositary' };
    expect((await app.inject({ method: 'PUT', url: eventUrl(corrected!.id), payload: correction, headers })).statusCode).toBe(200);
    expect((await app.inject({ method: 'POST', url: `${eventUrl(retracted!.id)}/retract`, payload: citation, headers })).statusCode).toBe(
      200,
    );
    const audited = async () =>
      (
        await app.db
          .selectFrom('auditLog')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n;
    const before = await audited();

    // The bundled page's events again, as a re-import of the same page brings them.
    const source = await app.db.selectFrom('source').selectAll().where('id', '=', bundled[0]!.sourceId).executeTakeFirstOrThrow();
    const diff = await applyEventImport(
      app.db,
      { instrumentId: 'uncat', sourceIdPrefix: 'untc-iv-9-', source, events: bundled, actor: 'import:untc' },
      { dryRun: false, allowRemovals: false },
    );
    expect(diff.keptAsEdited.map((e) => e.id).sort()).toEqual([corrected!.id, retracted!.id].sort());
    expect(diff.added).toEqual([]);
    expect(await audited()).toBe(before);
    const stored = (await app.inject(eventUrl(corrected!.id))).json();
    expect(stored).toMatchObject({ date: correction.date, retractedAt: null });
    expect((await app.inject(eventUrl(retracted!.id))).json().retractedAt).toEqual(expect.any(String));
  });
});
