/** Plain HTTP for tests that look at the bytes on the wire (Playwright's request decompresses them). */
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { test } from '@playwright/test';

export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export function raw(
  path: string,
  { method = 'GET', headers = {} }: { method?: string; headers?: Record<string, string> } = {},
): Promise<RawResponse> {
  const base = test.info().project.use.baseURL!;
  return new Promise((resolve, reject) => {
    httpRequest(new URL(path, base), { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res
        .on('data', (c: Buffer) => chunks.push(c))
        .on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }))
        .on('error', reject);
    })
      .on('error', reject)
      .end();
  });
}

/** A date no other test asks for (in all likelihood), so that its page is not in the page cache yet. */
export function randomDate(): string {
  const day = new Date(Date.UTC(2003, 0, 1) + Math.floor(Math.random() * 6000) * 86_400_000);
  return day.toISOString().slice(0, 10);
}
