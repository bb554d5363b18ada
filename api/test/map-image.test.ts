import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { repoRoot } from '../src/config.js';
import type { InstrumentStatusResponse } from '../src/schemas/instrument.js';
import { PNG_PER_MINUTE } from '../src/routes/instruments.js';
import { setup, sharedSeededApp } from './helper.js';

const seedStates = JSON.parse(readFileSync(join(repoRoot, 'data/seed/states.json'), 'utf8')) as {
  iso3: string;
  unRegionalGroup: string | null;
}[];

let app: FastifyInstance;
let close: () => Promise<void>;
beforeAll(async () => {
  ({ app, close } = await sharedSeededApp());
});
afterAll(() => close());

/** Every element with an id, from the parsed SVG, by id. */
function groupsById(svg: string): Map<string, Record<string, unknown>> {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => name === 'g' || name === 'svg' });
  const out = new Map<string, Record<string, unknown>>();
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (node && typeof node === 'object') {
      const record = node as Record<string, unknown>;
      if (typeof record.id === 'string') out.set(record.id, record);
      Object.values(record).forEach(visit);
    }
  };
  visit(parser.parse(svg));
  return out;
}

/** Width and height from a PNG's IHDR chunk (bytes 16-23). */
const pngSize = (png: Buffer) => ({ width: png.readUInt32BE(16), height: png.readUInt32BE(20) });

describe('GET /api/instruments/{id}/map.svg', () => {
  it('is well-formed XML with every state, each painted with its status on the date', async () => {
    const res = await app.inject('/api/instruments/rome-statute/map.svg?asOf=2026-12-01');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/svg+xml; charset=utf-8');
    expect(XMLValidator.validate(res.body)).toBe(true);
    const status = (await app.inject('/api/instruments/rome-statute/status?asOf=2026-12-01')).json() as InstrumentStatusResponse;
    const groups = groupsById(res.body);
    expect(seedStates).toHaveLength(197);
    for (const { iso3 } of seedStates) {
      const group = groups.get(`state-${iso3}`);
      expect(group, iso3).toBeDefined();
      expect(group!['data-status'], iso3).toBe(status.states.find((s) => s.iso3 === iso3)!.status);
    }
    expect(groups.get('state-HUN')!['data-status']).toBe('withdrawn');
  });

  it('carries its title, date, count, key, sources, dataset version and a permalink to the same view', async () => {
    const res = await app.inject('/api/instruments/rome-statute/map.svg?asOf=2024-06-01');
    const status = (await app.inject('/api/instruments/rome-statute/status?asOf=2024-06-01')).json() as InstrumentStatusResponse;
    expect(res.body).toContain('<title id="map-title">Rome Statute of the International Criminal Court</title>');
    expect(res.body).toContain(`Status on 1 Jun 2024 · ${status.statesParties} States Parties of 197 States and entities`);
    expect(res.body).toContain(`Party: ${status.counts.party}`);
    expect(res.body).toContain('Sources: ');
    expect(res.body).toMatch(/dataset version \d+, data as of \d{4}-\d{2}-\d{2}/);
    expect(res.body).toContain('/maps/rome-statute?asOf=2024-06-01');
    // Self-contained: nothing is fetched from elsewhere.
    expect(res.body).not.toMatch(/(href|src)="https?:/);
  });

  it('leaves the states outside a selection white and not counted, and speaks the language asked for', async () => {
    const res = await app.inject('/api/instruments/opcat/map.svg?group=african&lang=fr');
    const groups = groupsById(res.body);
    for (const { iso3, unRegionalGroup } of seedStates) {
      const inside = unRegionalGroup === 'african';
      expect(groups.get(`state-${iso3}`)!['data-status'] === 'not-counted', iso3).toBe(!inside);
    }
    expect(res.body).toContain('Sélection : group=african');
    expect(res.body).toContain('/fr/maps/opcat?asOf=');
  });

  it('refuses bad input and unknown instruments', async () => {
    expect((await app.inject('/api/instruments/rome-statute/map.svg?asOf=2026-13-01')).statusCode).toBe(400);
    expect((await app.inject('/api/instruments/rome-statute/map.svg?status=member')).statusCode).toBe(400);
    expect((await app.inject('/api/instruments/rome-statute/map.svg?region=999')).statusCode).toBe(400);
    expect((await app.inject('/api/instruments/geneva/map.svg')).statusCode).toBe(404);
  });
});

describe('GET /api/instruments/{id}/map.png', () => {
  it('is a PNG 1920 pixels wide by default, or as wide as asked, in the proportions of the SVG', async () => {
    const svg = (await app.inject('/api/instruments/uncat/map.svg')).body;
    const [, w, h] = /<svg xmlns="http:\/\/www.w3.org\/2000\/svg" width="(\d+)" height="(\d+)"/.exec(svg)!.map(Number);
    const res = await app.inject('/api/instruments/uncat/map.png');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(res.rawPayload.subarray(1, 4).toString()).toBe('PNG');
    const size = pngSize(res.rawPayload);
    expect(size.width).toBe(1920);
    expect(Math.abs(size.height - Math.round((1920 * h!) / w!))).toBeLessThanOrEqual(1);
    const small = await app.inject('/api/instruments/uncat/map.png?width=960&lang=ar');
    expect(pngSize(small.rawPayload).width).toBe(960);
  });

  it('limits PNG renders per address (429 past the limit, which the SVG does not share)', async () => {
    const { app: limited } = await setup({ seed: true });
    for (let i = 0; i < PNG_PER_MINUTE; i++) expect((await limited.inject('/api/instruments/apic/map.png?width=480')).statusCode).toBe(200);
    const refused = await limited.inject('/api/instruments/apic/map.png?width=480');
    expect(refused.statusCode).toBe(429);
    expect(refused.json().message).toContain(`at most ${PNG_PER_MINUTE} a minute`);
    expect((await limited.inject('/api/instruments/apic/map.svg')).statusCode).toBe(200);
  });

  it('refuses a width outside 480-3840', async () => {
    const res = await app.inject('/api/instruments/uncat/map.png?width=100000');
    expect(res.statusCode).toBe(400);
    expect(res.json().message).toContain('width');
  });
});
