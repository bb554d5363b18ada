/**
 * What a first visit to a page transfers: the page's HTML as sent (compressed) and every script,
 * stylesheet and preloaded module it references, each fetched once. Shared by the page benches.
 */
import { get } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';

export interface RawAnswer {
  bytes: Buffer;
  status: number;
  ms: number;
  encoding: string | undefined;
  link: string;
}

/** Bytes as sent (still compressed) and the time to the last byte. */
export function fetchRaw(base: string, path: string, encoding: string, headers: Record<string, string> = {}): Promise<RawAnswer> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    get(`${base}${path}`, { headers: { 'accept-encoding': encoding, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res
        .on('data', (c: Buffer) => chunks.push(c))
        .on('end', () =>
          resolve({
            bytes: Buffer.concat(chunks),
            status: res.statusCode ?? 0,
            ms: performance.now() - started,
            encoding: res.headers['content-encoding'],
            link: String(res.headers.link ?? ''),
          }),
        )
        .on('error', reject);
    }).on('error', reject);
  });
}

export const decoded = (answer: RawAnswer): string =>
  (answer.encoding === 'gzip'
    ? gunzipSync(answer.bytes)
    : answer.encoding === 'br'
      ? brotliDecompressSync(answer.bytes)
      : answer.bytes
  ).toString();

/** A page's first-visit transfer: its HTML and the JS/CSS assets it names (HTML tags, dynamic imports, Link header). */
export async function pageTransfer(base: string, path: string, encoding: string) {
  const page = await fetchRaw(base, path, encoding);
  if (page.status !== 200) throw new Error(`${path} answered ${page.status}`);
  const html = decoded(page);
  const references = [
    ...html.matchAll(/(?:href|src)="([^"]*\/_app\/immutable\/[^"]+\.(?:js|css))"/g),
    ...html.matchAll(/import\("([^"]*\/_app\/immutable\/[^"]+\.js)"\)/g),
    ...page.link.matchAll(/<([^>]*\/_app\/immutable\/[^>]+)>/g),
  ];
  const assets = [...new Set(references.map((m) => new URL(m[1]!, `${base}${path}`).pathname))];
  let assetBytes = 0;
  for (const asset of assets) {
    const res = await fetchRaw(base, asset, encoding);
    if (res.status !== 200) throw new Error(`${asset} answered ${res.status}`);
    assetBytes += res.bytes.length;
  }
  return { page, html, assets, assetBytes, total: page.bytes.length + assetBytes };
}

export const median = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length / 2)]!;
export const p90 = (times: number[]) => [...times].sort((a, b) => a - b)[Math.floor(times.length * 0.9)]!;
export const kb = (n: number) => (n / 1000).toFixed(1);
