import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { ErrorBody } from '../src/schemas/common.js';
import { setup } from './helper.js';

/** The UTF-8 encoding of U+FEFF, the byte order mark Excel looks for. */
const BOM_BYTES = Buffer.from([0xef, 0xbb, 0xbf]);

/** Every CSV the API serves, with a query that selects real rows (Côte d'Ivoire where the list has it). */
const CSV_URLS = [
  '/api/instruments?format=csv',
  '/api/instruments/uncat/status?asOf=2026-02-03&format=csv',
  '/api/instruments/opcat/timeline?format=csv',
  '/api/states?format=csv',
  '/api/sources?format=csv',
  '/api/cat-reporting?asOf=2026-04-22&format=csv',
  '/api/cat-reporting/CIV?asOf=2026-04-22&format=csv',
  '/api/upr/recommendations?state=CIV&format=csv',
];

describe('?bom=true on the CSV answers', () => {
  it.each(CSV_URLS)(
    '%s: bom=true prefixes exactly the three bytes EF BB BF; without it, or with bom=false, the file has none',
    async (url) => {
      const { app } = await setup({ seed: true });
      const plain = await app.inject(url);
      const withBom = await app.inject(`${url}&bom=true`);
      const explicitFalse = await app.inject(`${url}&bom=false`);
      for (const res of [plain, withBom, explicitFalse]) {
        expect(res.statusCode).toBe(200);
        expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      }
      expect(plain.rawPayload.subarray(0, 3).equals(BOM_BYTES)).toBe(false);
      expect(withBom.rawPayload.equals(Buffer.concat([BOM_BYTES, plain.rawPayload]))).toBe(true);
      expect(explicitFalse.rawPayload.equals(plain.rawPayload)).toBe(true);
    },
  );

  it('keeps "Côte d\'Ivoire" readable: with the mark, the bytes after it decode to the same UTF-8 text', async () => {
    const { app } = await setup({ seed: true });
    const res = await app.inject('/api/states?format=csv&bom=true');
    const text = res.rawPayload.toString('utf8');
    expect(text.startsWith('\uFEFFiso3,iso2,nameEn')).toBe(true);
    expect(text).toContain("Côte d'Ivoire");
  });

  it('prefixes the streamed UPR export too, gzipped or not, and the whole filtered set follows', async () => {
    const { app } = await setup({ seed: true });
    const url = '/api/upr/recommendations?state=CUB&format=csv';
    const plain = (await app.inject(url)).rawPayload;
    const gzipped = await app.inject({ url: `${url}&bom=true`, headers: { 'accept-encoding': 'gzip' } });
    expect(gzipped.headers['content-encoding']).toBe('gzip');
    const unzipped = gunzipSync(gzipped.rawPayload);
    expect(unzipped.equals(Buffer.concat([BOM_BYTES, plain]))).toBe(true);
    // Cuba's 534 recommendations fill more than one chunk of the export (500 rows): the mark is
    // written once, before the header, not before each chunk.
    const text = unzipped.toString('utf8');
    expect((text.match(/\r\n/g) ?? []).length).toBeGreaterThan(500);
    expect(text.split('\uFEFF')).toHaveLength(2);
  });

  it('leaves JSON answers alone', async () => {
    const { app } = await setup({ seed: true });
    const plain = await app.inject('/api/instruments');
    const asked = await app.inject('/api/instruments?bom=true');
    expect(asked.headers['content-type']).toMatch(/^application\/json/);
    expect(asked.body).toBe(plain.body);
  });

  it.each(['maybe', '1', 'TRUE', ''])('answers bom=%s with a 400 that names the parameter and its two values', async (value) => {
    const { app } = await setup({ seed: true });
    for (const url of ['/api/states?format=csv', '/api/upr/recommendations?format=csv']) {
      const res = await app.inject(`${url}&bom=${value}`);
      expect(res.statusCode).toBe(400);
      const body = ErrorBody.parse(res.json());
      expect(body.details).toContainEqual({ path: 'querystring.bom', message: 'must be true or false' });
      expect(body.message).toBe('Invalid querystring: querystring.bom must be true or false');
    }
  });
});
