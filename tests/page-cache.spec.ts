/**
 * The server's cache of rendered pages (api/src/plugins/web.ts), seen from outside on the built
 * product. Each test asks for a date no other test uses, so its first request is a miss.
 */
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { expect, test } from './fixtures.js';
import { randomDate, raw } from './http.js';

test.describe('page cache', () => {
  test('renders a page once, then serves it from memory with a strong ETag and a 304', async () => {
    const url = `/maps/rome-statute?asOf=${randomDate()}`;
    const first = await raw(url);
    const second = await raw(url);
    expect([first.status, second.status]).toEqual([200, 200]);
    expect([first.headers['x-page-cache'], second.headers['x-page-cache']]).toEqual(['miss', 'hit']);
    expect(second.body.equals(first.body)).toBe(true);
    expect(first.headers.etag).toMatch(/^"[^"]+"$/); // strong: no W/
    expect(second.headers.etag).toBe(first.headers.etag);
    expect(first.headers['cache-control']).toBe('no-cache');
    expect(first.headers.vary).toBe('Accept-Encoding, Accept-Language, Cookie');
    expect(first.headers['content-type']).toMatch(/^text\/html/);

    const revalidated = await raw(url, { headers: { 'if-none-match': first.headers.etag! } });
    expect(revalidated.status).toBe(304);
    expect(revalidated.body.length).toBe(0);
    const changed = await raw(url, { headers: { 'if-none-match': '"something-else"' } });
    expect(changed.status).toBe(200);
  });

  test('compresses with brotli or gzip, to the same page, each with its own ETag', async () => {
    const url = `/states/BDI?asOf=${randomDate()}`;
    const plain = await raw(url);
    const br = await raw(url, { headers: { 'accept-encoding': 'gzip, deflate, br' } });
    const gzip = await raw(url, { headers: { 'accept-encoding': 'gzip' } });
    expect(br.headers['content-encoding']).toBe('br');
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(brotliDecompressSync(br.body).equals(plain.body)).toBe(true);
    expect(gunzipSync(gzip.body).equals(plain.body)).toBe(true);
    expect(br.body.length).toBeLessThan(plain.body.length / 4);
    expect(new Set([plain.headers.etag, br.headers.etag, gzip.headers.etag]).size).toBe(3);
    // Whichever representation a client holds, it still has this page.
    expect((await raw(url, { headers: { 'if-none-match': br.headers.etag! } })).status).toBe(304);
  });

  test('parameters no page reads, their order and empty form fields do not make new entries', async () => {
    const date = randomDate();
    const first = await raw(`/maps/rome-statute?asOf=${date}&group=african`);
    expect(first.headers['x-page-cache']).toBe('miss');
    for (const url of [
      `/maps/rome-statute?group=african&asOf=${date}`,
      `/maps/rome-statute?asOf=${date}&group=african&utm_source=${Math.random()}`,
      `/maps/rome-statute?region=&asOf=${date}&ldc=&group=african&sids=&oda=`,
    ]) {
      const again = await raw(url);
      expect(again.headers['x-page-cache'], url).toBe('hit');
      expect(again.headers.etag, url).toBe(first.headers.etag);
    }
    // A parameter the page does read is another page.
    const sorted = await raw(`/maps/rome-statute?asOf=${date}&group=african&sort=status`);
    expect(sorted.headers['x-page-cache']).toBe('miss');
    expect(sorted.headers.etag).not.toBe(first.headers.etag);
  });

  test('a repeated parameter is the page its first value shows, not another page', async () => {
    const date = randomDate();
    const today = await raw(`/maps/rome-statute?asOf=&asOf=${date}`);
    const dated = await raw(`/maps/rome-statute?asOf=${date}`);
    expect(dated.headers['x-page-cache']).toBe('miss');
    expect(dated.body.equals(today.body)).toBe(false);
  });

  test('never keeps an error, nor an answer to a request with credentials or a session cookie', async () => {
    const bad = `/maps/rome-statute?asOf=${randomDate().slice(0, 8)}99`;
    for (let i = 0; i < 2; i++) {
      const response = await raw(bad);
      expect(response.status).toBe(400);
      expect(response.headers['x-page-cache']).toBe('miss');
    }
    const personalHeaders: Record<string, string>[] = [
      { authorization: 'Bearer someone' },
      { cookie: 'session=someone' },
      { cookie: 'lang=en; session=someone' },
    ];
    for (const headers of personalHeaders) {
      const url = `/states/FRA?asOf=${randomDate()}`;
      const personal = await raw(url, { headers });
      expect(personal.status).toBe(200);
      expect(personal.headers['x-page-cache'], JSON.stringify(headers)).toBeUndefined();
      // Not stored either: the next anonymous reader gets a fresh render.
      expect((await raw(url)).headers['x-page-cache']).toBe('miss');
    }
    // The language cookie says nothing about the reader: shared.
    const url = `/states/FRA?asOf=${randomDate()}`;
    await raw(url);
    expect((await raw(url, { headers: { cookie: 'lang=en' } })).headers['x-page-cache']).toBe('hit');
  });

  test('answers HEAD from the cache without a body', async () => {
    const url = `/states/KEN?asOf=${randomDate()}`;
    const get = await raw(url);
    const head = await raw(url, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers['x-page-cache']).toBe('hit');
    expect(head.headers['content-length']).toBe(String(get.body.length));
    expect(head.body.length).toBe(0);
  });

  test('serves the same page whatever Host header a request carries', async () => {
    const url = `/states/BDI?asOf=${randomDate()}`;
    const forged = await raw(url, { headers: { host: 'attacker.example' } });
    const normal = await raw(url);
    expect(normal.headers['x-page-cache']).toBe('hit');
    expect(forged.body.toString()).not.toContain('attacker.example');
  });
});
