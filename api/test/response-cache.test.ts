import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { bumpDataVersion } from '../src/repositories/audit.repository.js';
import { setup } from './helper.js';

const url = '/api/instruments/opcat/status?asOf=2026-02-03';

describe('API response cache', () => {
  it('gzips for clients that accept it, with the same body and ETag', async () => {
    const { app } = await setup({ seed: true });
    const plain = await app.inject(url);
    for (let i = 0; i < 2; i++) {
      // First request computes and compresses; the second is served from memory.
      const zipped = await app.inject({ url, headers: { 'accept-encoding': 'gzip' } });
      expect(zipped.headers['content-encoding']).toBe('gzip');
      expect(zipped.headers.etag).toBe(plain.headers.etag);
      expect(gunzipSync(zipped.rawPayload).toString()).toBe(plain.body);
      expect(zipped.rawPayload.length).toBeLessThan(plain.rawPayload.length / 4);
    }
  });

  it('serves the next request from memory with the same headers, and a 304 on a matching ETag', async () => {
    const { app } = await setup({ seed: true });
    const first = await app.inject(`${url}&format=csv`);
    const second = await app.inject(`${url}&format=csv`);
    expect(second.body).toBe(first.body);
    expect(second.headers['content-type']).toBe(first.headers['content-type']);
    expect(second.headers['content-disposition']).toBe(first.headers['content-disposition']);
    const revalidated = await app.inject({ url: `${url}&format=csv`, headers: { 'if-none-match': String(first.headers.etag) } });
    expect(revalidated.statusCode).toBe(304);
    expect(revalidated.body).toBe('');
  });

  it('answers from the new data as soon as the data version moves', async () => {
    const { app, db } = await setup({ seed: true });
    const before = (await app.inject(url)).json();
    expect(before.states.find((s: { iso3: string }) => s.iso3 === 'COL').status).toBe('party');
    await db.transaction().execute(async (trx) => {
      await trx.deleteFrom('participationEvent').where('instrumentId', '=', 'opcat').where('stateIso3', '=', 'COL').execute();
      await bumpDataVersion(trx);
    });
    const after = (await app.inject(url)).json();
    expect(after.states.find((s: { iso3: string }) => s.iso3 === 'COL').status).toBe('no-action');
  });

  it('never caches errors', async () => {
    const { app } = await setup({ seed: true });
    expect((await app.inject('/api/instruments/opcat/status?asOf=2026-02-30')).statusCode).toBe(400);
    expect((await app.inject('/api/instruments/opcat/status?asOf=2026-02-30')).statusCode).toBe(400);
  });
});

describe('API response cache: encodings', () => {
  it('prefers brotli when offered, and honours q=0', async () => {
    const { app } = await setup({ seed: true });
    const plain = await app.inject(url);
    const br = await app.inject({ url, headers: { 'accept-encoding': 'gzip, deflate, br' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(plain.body);
    const noBr = await app.inject({ url, headers: { 'accept-encoding': 'br;q=0, gzip;q=0.8' } });
    expect(noBr.headers['content-encoding']).toBe('gzip');
    const none = await app.inject({ url, headers: { 'accept-encoding': 'identity' } });
    expect(none.headers['content-encoding']).toBeUndefined();
  });
});
