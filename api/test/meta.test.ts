import SwaggerParser from '@apidevtools/swagger-parser';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { migrations } from '../src/db/migrations/index.js';
import { ErrorBody } from '../src/schemas/common.js';
import { setup } from './helper.js';

describe('GET /api/health', () => {
  it('reports ok and the number of applied migrations', async () => {
    const { app } = await setup();
    const res = await app.inject('/api/health');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      status: 'ok',
      database: {
        migrations: Object.keys(migrations).length,
        states: 0,
        dataVersion: 0,
        dataChangedAt: expect.any(String),
        lastImportAt: null,
      },
    });
  });
});

describe('GET /api/openapi.json', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const { app } = await setup();
    const res = await app.inject('/api/openapi.json');
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    await expect(SwaggerParser.validate(structuredClone(doc))).resolves.toBeTruthy();
  });

  it('lists every API route the app serves', async () => {
    const { app } = await setup();
    const doc = (await app.inject('/api/openapi.json')).json() as { paths: Record<string, Record<string, unknown>> };
    const documented = Object.entries(doc.paths)
      .flatMap(([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`))
      .sort();
    // Served routes in OpenAPI's {param} notation; HEAD routes are Fastify's automatic twins of GET.
    const served = app.routeTable
      .filter((r) => r.url.startsWith('/api/') && !r.hidden && r.method !== 'HEAD')
      .map((r) => `${r.method} ${r.url.replace(/:(\w+)/g, '{$1}')}`)
      .sort();
    expect(served).toContain('GET /api/health');
    expect(documented).toEqual(served);
  });

  it('matches the committed api/openapi.json, so contract changes are reviewed', async () => {
    const { app } = await setup();
    const committed = JSON.parse(readFileSync(new URL('../openapi.json', import.meta.url), 'utf8'));
    expect(app.swagger()).toEqual(committed);
  });
});

describe('GET /api/sources', () => {
  it('answers CSV when asked, with a header row', async () => {
    const { app } = await setup();
    const res = await app.inject('/api/sources?format=csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.body.split('\r\n')[0]).toBe('id,title,publisher,url,asOf,rawFile,note');
  });
});

describe('errors', () => {
  it('rejects a bad query parameter with a 400 naming it, in the uniform error body', async () => {
    const { app } = await setup();
    const res = await app.inject('/api/sources?format=xml');
    expect(res.statusCode).toBe(400);
    const body = ErrorBody.parse(res.json());
    expect(body.error).toBe('Bad Request');
    expect(body.details?.[0]?.path).toBe('querystring.format');
    expect(body.message).toContain('querystring.format');
  });

  it('answers an unknown API path with a 404 in the uniform error body', async () => {
    const { app } = await setup();
    const res = await app.inject('/api/no-such-thing');
    expect(res.statusCode).toBe(404);
    const body = ErrorBody.parse(res.json());
    expect(body).toEqual({ error: 'Not Found', message: expect.stringContaining('/api/no-such-thing') });
  });
});
