import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readAdvocacyView } from '$lib/advocacy';
import { readCatQuery } from '$lib/cat-reporting';
import { readChangesQuery } from '$lib/changes';
import { readViewQuery } from '$lib/query';
import { readSort } from '$lib/sort';
import { readUprQuery } from '$lib/upr';
import { readFamily } from './compare-data';
import { MULTI_VALUED_PARAMS, PAGE_QUERY_PARAMS, pageVariant } from './page-variant';

const variant = (search: string, headers = {}) => pageVariant(new URL(`http://tracker.test/maps/rome-statute${search}`), headers);

/** URLSearchParams that remembers what was read; anything but get/has reads the whole query ("*"). */
class RecordingParams extends URLSearchParams {
  read = new Set<string>();
  override get(name: string) {
    this.read.add(name);
    return super.get(name);
  }
  override has(name: string) {
    this.read.add(name);
    return super.has(name);
  }
  override getAll(name: string) {
    this.read.add(MULTI_VALUED_PARAMS.includes(name) ? name : '*');
    return super.getAll(name);
  }
  override entries() {
    this.read.add('*');
    return super.entries();
  }
  override forEach(...args: Parameters<URLSearchParams['forEach']>) {
    this.read.add('*');
    super.forEach(...args);
  }
  override toString() {
    this.read.add('*');
    return super.toString();
  }
}

const READERS = { readViewQuery, readSort, readUprQuery, readCatQuery, readFamily, readAdvocacyView, readChangesQuery } as const;

describe('the parameters pages read', () => {
  it.each(Object.entries(READERS))('%s reads only listed parameters, one value each', (_name, reader) => {
    const params = new RecordingParams();
    reader(params);
    expect(params.read.size).toBeGreaterThan(0);
    for (const name of params.read) expect(PAGE_QUERY_PARAMS).toContain(name);
  });

  it.each(Object.entries(READERS))('%s reads an empty value as an absent one', (_name, reader) => {
    const params = new RecordingParams();
    reader(params);
    for (const name of params.read) {
      expect(reader(new URLSearchParams(`${name}=`)), name).toEqual(reader(new URLSearchParams()));
    }
  });

  it('routes and components read only listed parameters, by name', () => {
    const src = fileURLToPath(new URL('../..', import.meta.url));
    // page-variant.ts and page-params.ts read every listed parameter by name, from the list.
    const files = (readdirSync(src, { recursive: true }) as string[]).filter(
      (f) => /\.(ts|svelte)$/.test(f) && !f.endsWith('.test.ts') && !f.endsWith('page-variant.ts') && !f.endsWith('page-params.ts'),
    );
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const text = readFileSync(join(src, file), 'utf8');
      for (const [, name] of text.matchAll(/searchParams\.(?:get|has)\(\s*'([^']+)'/g)) {
        if (name !== 'lang') expect(PAGE_QUERY_PARAMS, `${file} reads ?${name}`).toContain(name);
      }
      // A parameter read by a variable name, or all of them, is invisible to the list.
      expect(text, file).not.toMatch(/searchParams\.(?:getAll|entries|keys|values|forEach)\b/);
      expect(text, file).not.toMatch(/searchParams\.(?:get|has)\(\s*[^'\s)]/);
    }
  });
});

describe('pageVariant', () => {
  it('drops unknown and empty parameters and ignores their order', () => {
    const plain = variant('?asOf=2017-10-27&group=african');
    expect(plain).toBe('en /maps/rome-statute?asOf=2017-10-27&group=african');
    expect(variant('?group=african&utm_source=x&asOf=2017-10-27&region=&_=123')).toBe(plain);
    expect(variant('')).toBe('en /maps/rome-statute?');
  });

  it('keeps the first of repeated values, which is the one a page reads', () => {
    expect(variant('?asOf=2001-01-01&asOf=2017-10-27')).toBe('en /maps/rome-statute?asOf=2001-01-01');
    // An empty first value is what the page sees (no date: today), whatever follows it.
    expect(variant('?asOf=&asOf=2017-10-27')).toBe(variant(''));
  });

  it('keeps every value of a parameter read as a list, in one order', () => {
    const both = variant('?status=signatory&status=no-action');
    expect(both).toBe('en /maps/rome-statute?status=no-action&status=signatory');
    expect(variant('?status=no-action,signatory')).toBe(both);
    expect(variant('?status=signatory')).not.toBe(both);
  });

  it('tells variants apart by every parameter a page reads', () => {
    const seen = new Set(PAGE_QUERY_PARAMS.map((name) => variant(`?${name}=x`)));
    expect(seen.size).toBe(PAGE_QUERY_PARAMS.length);
    expect(variant('?sort=status')).not.toBe(variant('?sort=state'));
    expect(pageVariant(new URL('http://tracker.test/states/BDI'), {})).not.toBe(pageVariant(new URL('http://tracker.test/states/FRA'), {}));
  });

  it('takes the language from the address, whatever the cookie or Accept-Language say', () => {
    expect(variant('', { 'accept-language': 'fr', cookie: 'lang=ar' })).toBe('en /maps/rome-statute?');
    expect(pageVariant(new URL('http://tracker.test/fr/maps/rome-statute?asOf=2017-10-27'), {})).toBe(
      'fr /fr/maps/rome-statute?asOf=2017-10-27',
    );
    expect(pageVariant(new URL('http://tracker.test/ar/states'), { 'accept-language': 'en' })).toBe('ar /ar/states?');
  });

  it('is null for a request answered by a redirect to another language', () => {
    expect(variant('?lang=fr')).toBeNull();
    // Not a language: the page ignores it and is the same page as without it.
    expect(variant('?lang=xx')).toBe(variant(''));
    const home = (headers: Record<string, string>) => pageVariant(new URL('http://tracker.test/'), headers);
    expect(home({ 'accept-language': 'es-MX,es;q=0.9' })).toBeNull();
    expect(home({ cookie: 'lang=ar' })).toBeNull();
    // English by choice or by default: the one home page every such reader shares.
    expect(home({ 'accept-language': 'es', cookie: 'lang=en' })).toBe('en /?');
    expect(home({ 'accept-language': 'de-DE,de;q=0.9' })).toBe('en /?');
  });

  it('is null for a request that may identify its sender', () => {
    expect(variant('', { authorization: 'Bearer secret' })).toBeNull();
    expect(variant('', { cookie: 'session=abc' })).toBeNull();
    expect(variant('', { cookie: 'lang=en; session=abc' })).toBeNull();
    expect(variant('', { cookie: 'lang=en' })).not.toBeNull();
  });
});
