import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { InstrumentStatusResponse, ReviewQueue } from '../src/schemas/index.js';
import { editorSession, editorToken, setup } from './helper.js';

type App = Awaited<ReturnType<typeof setup>>['app'];
const seededEvents = JSON.parse(readFileSync(new URL('../../data/seed/events.json', import.meta.url), 'utf8')) as {
  id: string;
  attestation: string;
}[];
const statusOf = async (app: App, instrument: string, iso3: string, asOf: string) => {
  const body = (await app.inject(`/api/instruments/${instrument}/status?asOf=${asOf}`)).json<InstrumentStatusResponse>();
  return body.states.find((s) => s.iso3 === iso3)!;
};
const queue = async (app: App, headers: Record<string, string>) =>
  (await app.inject({ url: '/api/review-queue', headers })).json<ReviewQueue>();

const BFA_WITHDRAWAL = 'rome-statute:BFA:withdrawal-notified:2026-06-24';
const HUN_REVOCATION = 'rome-statute:HUN:withdrawal-revoked:2026-05-29';

describe('the review queue', () => {
  it('lists every unconfirmed report in the data, with what confirming it would change; editors only', async () => {
    const { app } = await setup({ seed: true });
    expect((await app.inject('/api/review-queue')).statusCode).toBe(401);
    const flagsOnly = await editorToken(app, ['upr-assessments']);
    expect((await app.inject({ url: '/api/review-queue', headers: flagsOnly.headers })).statusCode).toBe(403);
    const { headers } = await editorToken(app, ['review-queue']);
    const res = await app.inject({ url: '/api/review-queue', headers });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const body = res.json<ReviewQueue>();
    const unverified = seededEvents.filter((e) => e.attestation === 'unverified').map((e) => e.id);
    expect(body.counts.unconfirmedReports).toBe(unverified.length);
    expect(body.unconfirmedReports.map((r) => r.event.id).sort()).toEqual([...unverified].sort());
    const bfa = body.unconfirmedReports.find((r) => r.event.id === BFA_WITHDRAWAL)!;
    expect(bfa).toMatchObject({ stateName: 'Burkina Faso', instrumentName: 'Rome Statute' });
    // Art. 127: a withdrawal takes effect one year after the notification is received.
    expect(bfa.ifConfirmed).toEqual([
      { from: '2026-06-24', status: 'withdrawal-pending' },
      { from: '2027-06-24', status: 'withdrawn' },
    ]);
  });

  it('confirming a report with its depositary notification changes the map from its date', async () => {
    const { app } = await setup({ seed: true });
    const { headers } = await editorSession(app, { organisation: 'Coalition for the ICC' });
    expect((await statusOf(app, 'rome-statute', 'BFA', '2027-06-24')).status).toBe('party');
    const url = `/api/review-queue/reports/${encodeURIComponent(BFA_WITHDRAWAL)}/confirm`;
    const badSymbol = await app.inject({
      method: 'POST',
      url,
      headers,
      payload: { notificationSymbol: 'CN 123', reason: 'Notification received' },
    });
    expect(badSymbol.statusCode).toBe(400);
    expect(badSymbol.json().details[0].path).toBe('body.notificationSymbol');
    const payload = {
      notificationSymbol: 'C.N.999.2026.TREATIES-XVIII.10',
      sourceUrl: 'https://example.org/test-notification.pdf',
      reason: 'Depositary notification received (test)',
    };
    const future = await app.inject({ method: 'POST', url, headers, payload: { ...payload, date: '2999-01-01' } });
    expect(future.statusCode).toBe(400);
    expect(future.json().message).toContain('date');
    const res = await app.inject({ method: 'POST', url, headers, payload });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ attestation: 'depositary', notificationSymbol: payload.notificationSymbol });
    expect((await statusOf(app, 'rome-statute', 'BFA', '2026-12-04')).status).toBe('withdrawal-pending');
    expect((await statusOf(app, 'rome-statute', 'BFA', '2027-06-24')).status).toBe('withdrawn');
    expect((await statusOf(app, 'rome-statute', 'BFA', '2026-06-23')).status).toBe('party');
    expect((await queue(app, headers)).unconfirmedReports.map((r) => r.event.id)).not.toContain(BFA_WITHDRAWAL);
    expect((await app.inject({ method: 'POST', url, headers, payload })).statusCode).toBe(409);

    const changes = await app.db
      .selectFrom('auditLog')
      .selectAll()
      .where('entityId', '=', BFA_WITHDRAWAL)
      .where('action', '=', 'confirm')
      .execute();
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      organisation: 'Coalition for the ICC',
      reason: payload.reason,
      instrumentId: 'rome-statute',
      stateIso3: 'BFA',
    });
    expect(JSON.parse(changes[0]!.before!).attestation).toBe('unverified');
  });

  it('rejecting a report retracts it: the status stays, the report leaves the queue and the status answer', async () => {
    const { app } = await setup({ seed: true });
    const { headers } = await editorToken(app, ['review-queue']);
    const before = await statusOf(app, 'rome-statute', 'HUN', '2026-12-04');
    expect(before.unconfirmedReports).toContain(HUN_REVOCATION);
    const url = `/api/review-queue/reports/${encodeURIComponent(HUN_REVOCATION)}/reject`;
    expect((await app.inject({ method: 'POST', url, headers, payload: { reason: 'No notification' } })).statusCode).toBe(400);
    const res = await app.inject({
      method: 'POST',
      url,
      headers,
      payload: { reason: 'No such notification on the depositary’s site (test)', sourceUrl: 'https://example.org/checked' },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().retractedAt).not.toBeNull();
    const after = await statusOf(app, 'rome-statute', 'HUN', '2026-12-04');
    expect(after.status).toBe(before.status);
    expect(after.unconfirmedReports).not.toContain(HUN_REVOCATION);
    expect((await queue(app, headers)).unconfirmedReports.map((r) => r.event.id)).not.toContain(HUN_REVOCATION);
    const event = (await app.inject(`/api/events/${encodeURIComponent(HUN_REVOCATION)}`)).json();
    expect(event.retractedAt).not.toBeNull();
    expect(event.history.at(-1)).toMatchObject({ action: 'reject' });
    // An attested event is no report: it cannot be rejected (or confirmed) here, nor a rejected one again.
    const attested = seededEvents.find((e) => e.attestation !== 'unverified')!.id;
    for (const id of [attested, HUN_REVOCATION]) {
      const notAReport = await app.inject({
        method: 'POST',
        url: `/api/review-queue/reports/${encodeURIComponent(id)}/reject`,
        headers,
        payload: { reason: 'test', sourceUrl: 'https://example.org/x' },
      });
      expect(notAReport.statusCode, id).toBe(409);
    }
    expect(
      (
        await app.inject({
          method: 'POST',
          url: `/api/review-queue/reports/${encodeURIComponent('rome-statute:KEN:withdrawal-notified:2026-01-02')}/reject`,
          headers,
          payload: { reason: 'test', sourceUrl: 'https://example.org/x' },
        })
      ).statusCode,
    ).toBe(404);
  });
});

describe('readers’ flags', () => {
  const flag = {
    pageUrl: '/states/KEN',
    message: 'The ratification date looks wrong to me',
    stateIso3: 'KEN',
    contact: 'reader@example.org',
  };

  it('are taken without an account, shown to editors with the contact, and in the change feed without it', async () => {
    const { app } = await setup({ seed: true });
    const res = await app.inject({ method: 'POST', url: '/api/flags', payload: flag });
    expect(res.statusCode, res.body).toBe(201);
    const { headers } = await editorToken(app, ['review-queue']);
    const open = (await queue(app, headers)).flags;
    expect(open).toEqual([
      expect.objectContaining({ id: res.json().id, pageUrl: '/states/KEN', contact: 'reader@example.org', status: 'open' }),
    ]);
    const audit = await app.db.selectFrom('auditLog').selectAll().where('entity', '=', 'readerFlag').execute();
    expect(audit).toHaveLength(1);
    expect(audit[0]!.after).not.toContain('reader@example.org');

    const resolve = `/api/review-queue/flags/${res.json().id}/resolve`;
    expect((await app.inject({ method: 'POST', url: resolve, payload: { reason: 'Checked' } })).statusCode).toBe(401);
    const closed = await app.inject({
      method: 'POST',
      url: resolve,
      headers,
      payload: { reason: 'Checked against the depositary: the date stands' },
    });
    expect(closed.statusCode).toBe(200);
    expect(closed.json().status).toBe('resolved');
    expect((await queue(app, headers)).flags).toEqual([]);
    expect((await app.inject({ method: 'POST', url: resolve, headers, payload: { reason: 'again' } })).statusCode).toBe(409);
    expect(
      (await app.inject({ method: 'POST', url: resolve.replace('/resolve', '/reject'), headers, payload: { reason: 'again' } })).statusCode,
    ).toBe(409);
    const closings = await app.db
      .selectFrom('auditLog')
      .selectAll()
      .where('entity', '=', 'readerFlag')
      .where('action', '=', 'resolve')
      .execute();
    expect(closings).toHaveLength(1);
    expect(closings[0]).toMatchObject({ entityId: String(res.json().id), reason: 'Checked against the depositary: the date stands' });
  });

  it('may be rejected by an editor with a reason; an unknown flag is 404 and a bad reason 400', async () => {
    const { app } = await setup({ seed: true });
    const id = (await app.inject({ method: 'POST', url: '/api/flags', payload: flag })).json().id;
    const { headers, user } = await editorSession(app, { organisation: 'Treaty Watch' });
    const reject = `/api/review-queue/flags/${id}/reject`;
    const bad = await app.inject({ method: 'POST', url: reject, headers, payload: { reason: '' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().details[0].path).toBe('body.reason');
    expect(
      (await app.inject({ method: 'POST', url: '/api/review-queue/flags/999999/reject', headers, payload: { reason: 'Not a flag' } }))
        .statusCode,
    ).toBe(404);
    const res = await app.inject({ method: 'POST', url: reject, headers, payload: { reason: 'The fact is right as shown' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().status).toBe('rejected');
    const row = await app.db.selectFrom('readerFlag').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: 'rejected', resolution: 'The fact is right as shown', resolvedBy: `${user.name} (Treaty Watch)` });
    expect(row.resolvedAt).not.toBeNull();
  });

  it('refuse bad input with the field named, and more than five from one address in ten minutes', async () => {
    const { app } = await setup({ seed: true });
    for (const [i, [change, field]] of (
      [
        [{ pageUrl: 'javascript:alert(1)' }, 'body.pageUrl'],
        [{ pageUrl: '//evil.example/x' }, 'body.pageUrl'],
        [{ message: 'bad' }, 'body.message'],
        [{ instrumentId: 'nope' }, 'body.instrumentId'],
        [{ stateIso3: 'ken' }, 'body.stateIso3'],
        [{ extra: 1 }, 'body'],
      ] as const
    ).entries()) {
      // Refused flags count towards the limit too (counted before the body is read): one address each.
      const res = await app.inject({
        method: 'POST',
        url: '/api/flags',
        payload: { ...flag, ...change },
        remoteAddress: `10.9.9.${i}`,
      });
      expect(res.statusCode, JSON.stringify(change)).toBe(400);
      expect(
        res
          .json()
          .details.map((d: { path: string }) => d.path)
          .join(' '),
      ).toContain(field);
    }
    const unknownState = await app.inject({
      method: 'POST',
      url: '/api/flags',
      payload: { ...flag, stateIso3: 'XYZ' },
      remoteAddress: '10.9.9.8',
    });
    expect(unknownState.statusCode).toBe(400);
    const statuses = [];
    for (let i = 0; i < 6; i++)
      statuses.push((await app.inject({ method: 'POST', url: '/api/flags', payload: flag, remoteAddress: '10.1.2.3' })).statusCode);
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
    expect((await app.inject({ method: 'POST', url: '/api/flags', payload: flag, remoteAddress: '10.1.2.4' })).statusCode).toBe(201);
  });
});
