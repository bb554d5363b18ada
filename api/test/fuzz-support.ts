/**
 * Building blocks of test/fuzz.test.ts: the operations of the OpenAPI document the app serves,
 * fast-check generators of hostile and valid values for their parameters and bodies, the checks
 * every response must pass, and a report that groups failures into classes with the smallest
 * reproduction of each.
 */
import fc from 'fast-check';
import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import type SQLite from 'better-sqlite3';
import Negotiator from 'negotiator';
import { STATUS_CODES } from 'node:http';
import { connect } from 'node:net';
import { brotliDecompressSync, gunzipSync, inflateSync } from 'node:zlib';
import { todayUtc } from '../src/domain/clock.js';

// ---------------------------------------------------------------------------------------------
// The document
// ---------------------------------------------------------------------------------------------

export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  format?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  exclusiveMaximum?: number;
  minLength?: number;
  maxLength?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: boolean | JsonSchema;
  items?: JsonSchema;
  default?: unknown;
  description?: string;
}

interface RawParameter {
  $ref?: string;
  name: string;
  in: string;
  required?: boolean;
  schema?: JsonSchema;
}
interface RawOperation {
  parameters?: RawParameter[];
  requestBody?: { $ref?: string; required?: boolean; content?: Record<string, { schema?: JsonSchema }> };
  security?: unknown[];
}
export interface OpenApiDocument {
  openapi: string;
  paths: Record<string, Record<string, RawOperation>>;
  components?: { schemas?: Record<string, JsonSchema>; parameters?: Record<string, RawParameter> };
}

export interface Param {
  name: string;
  in: 'path' | 'query';
  required: boolean;
  schema: JsonSchema;
}

export interface Operation {
  /** "GET /api/states/{iso3}" */
  id: string;
  method: string;
  path: string;
  params: Param[];
  /** The JSON request body's schema, with every $ref resolved. */
  body: JsonSchema | undefined;
  secured: boolean;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'];

/** Resolves local "#/components/..." references, recursively (the document has no cycles in its inputs). */
function resolve<T>(doc: OpenApiDocument, value: T, depth = 0): T {
  if (depth > 30 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => resolve(doc, v, depth + 1)) as T;
  const record = value as Record<string, unknown>;
  if (typeof record.$ref === 'string' && record.$ref.startsWith('#/')) {
    let target: unknown = doc;
    for (const part of record.$ref.slice(2).split('/'))
      target = (target as Record<string, unknown> | undefined)?.[part.replace(/~1/g, '/').replace(/~0/g, '~')];
    return resolve(doc, target as T, depth + 1);
  }
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, resolve(doc, v, depth + 1)])) as T;
}

/** Every operation of the document, with its path and query parameters and its JSON body schema. */
export function operationsOf(doc: OpenApiDocument): Operation[] {
  const operations: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, raw] of Object.entries(item)) {
      if (!METHODS.includes(method)) continue;
      const op = resolve(doc, raw);
      const params = (op.parameters ?? [])
        .filter((p): p is RawParameter & { in: 'path' | 'query' } => p.in === 'path' || p.in === 'query')
        .map((p) => ({ name: p.name, in: p.in, required: p.required === true || p.in === 'path', schema: p.schema ?? {} }));
      // Path parameters the document forgot to declare are still parameters.
      for (const m of path.matchAll(/\{([^}]+)\}/g)) {
        if (!params.some((p) => p.in === 'path' && p.name === m[1]))
          params.push({ name: m[1]!, in: 'path', required: true, schema: { type: 'string' } });
      }
      operations.push({
        id: `${method.toUpperCase()} ${path}`,
        method: method.toUpperCase(),
        path,
        params,
        body: op.requestBody?.content?.['application/json']?.schema,
        secured: (op.security ?? []).length > 0,
      });
    }
  }
  return operations;
}

/** Every enum value of every parameter and schema in the document (valid ids, groups, statuses...). */
export function enumValuesOf(doc: OpenApiDocument): string[] {
  const found = new Set<string>();
  const walk = (value: unknown) => {
    if (value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) return value.forEach(walk);
    const record = value as Record<string, unknown>;
    if (Array.isArray(record.enum)) for (const v of record.enum) if (typeof v === 'string') found.add(v);
    Object.values(record).forEach(walk);
  };
  walk(doc.paths);
  walk(doc.components);
  return [...found].sort();
}

// ---------------------------------------------------------------------------------------------
// Values
// ---------------------------------------------------------------------------------------------

export const TODAY = todayUtc();
const TOMORROW = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);

/** Real calendar dates: adoption and entry-into-force dates, leap days, the distant past and future. */
export const VALID_DATES = [
  '1998-07-17',
  '2002-07-01',
  '1984-12-10',
  '1987-06-26',
  '2002-12-18',
  '2006-06-22',
  '2010-06-11',
  '2012-05-08',
  '2018-07-17',
  '2008-04-07',
  '2024-02-29',
  '2000-02-29',
  '1900-01-01',
  '1945-10-24',
  '1970-01-01',
  '1600-02-29',
  TODAY,
  TOMORROW,
  '2100-12-31',
  '9999-12-31',
];
/** Dates an assessment of a UPR recommendation can speak for (the UPR began in 2008). */
const RECENT_DATES = ['2008-04-07', '2009-01-01', '2015-06-30', '2020-02-29', '2024-06-01', TODAY];
/** Not calendar dates, or not in the form YYYY-MM-DD. */
export const BAD_DATES = [
  '2026-02-30',
  '2023-02-29',
  '1900-02-29',
  '0000-01-01',
  '99999-01-01',
  '',
  ' ',
  '   ',
  '\t',
  '2024-13-01',
  '2024-00-10',
  '2024-01-32',
  '2024-1-1',
  '20240101',
  '2024-01-01T00:00:00Z',
  '2024-01-01 ',
  ' 2024-01-01',
  '2024/01/01',
  '01-01-2024',
  'today',
  '-0001-01-01',
  '+002024-01-01',
  '２０２４-01-01',
  '2024-02-29\u0000',
];
/** 10,000 characters and more: far past every documented maximum. */
export const HUGE = [
  'a'.repeat(10_000),
  'é'.repeat(10_000),
  '9'.repeat(10_000),
  'FRA'.repeat(3_334),
  'torture '.repeat(1_250),
  'a* '.repeat(3_334),
  '"'.repeat(10_000),
  '%'.repeat(10_000),
  '😀'.repeat(5_000),
  'x'.repeat(10_001),
];
/** Control characters, lone surrogates, right-to-left text, emoji, percent-encoding junk, CRLF. */
export const ODD = [
  '\u0000',
  'a\u0000b',
  'SVN\u0000',
  '\u0000FRA',
  '\u0007',
  '\u001b[31m',
  '\u007f',
  '\uD800',
  '\uDFFF',
  'ab\uD83D',
  '\uDE00x',
  'مرحبا بالعالم',
  'التعذيب',
  'اتفاقية مناهضة التعذيب',
  '\u202Etorture\u202C',
  'שלום',
  '😀',
  '🇫🇷',
  '👨‍👩‍👧‍👦',
  '\u200B',
  '\uFEFF',
  'e\u0301',
  '%ZZ',
  '%00',
  '%',
  '%%',
  '%2',
  '%E0%A4%A',
  '%C0%AF',
  '%ED%A0%80',
  '%FF',
  '%2e%2e',
  '\r\n',
  'a\r\nSet-Cookie: x=1',
  '\t',
  '\n',
  ' ',
  '',
  '..',
  '.',
  '/',
  '\\',
  '?',
  '#',
  '&',
  '=',
  '+',
  'null',
  'undefined',
  'true',
  '[]',
  '{}',
  '<script>alert(1)</script>',
  "'; drop table state; --",
  '__proto__',
  'constructor',
  'ＦＲＡ',
  'İSV',
  'ß',
  'ſvn',
];
/** FTS5 query syntax, alone and around words. */
export const FTS = [
  '"',
  '""',
  '"""',
  '"torture',
  'torture"',
  '*',
  '**',
  'tort*',
  '*ture',
  'NEAR(',
  'NEAR(torture rome, 2)',
  'NEAR',
  'AND OR NOT',
  'AND',
  'OR',
  'NOT',
  'torture AND',
  'NOT torture',
  '^',
  '^torture',
  '-',
  '-torture',
  'torture -death',
  ':',
  'text:torture',
  'id:1',
  '{text id}: torture',
  '(',
  ')',
  '()',
  '(torture',
  'a OR b',
  "'",
  '\\',
  ';',
  '"Rome Statute" NEAR(',
  '"*"',
  '- - -',
  '^ * " :',
  '"   "',
  'a b c d e f g h i j k l',
  'a',
];
/** Numbers in every notation a parser might take. */
export const NUMBERS = [
  '0x10',
  '0X1',
  '1e3',
  '1E0',
  '-0',
  '0',
  ' 5',
  '5 ',
  '+5',
  '05',
  '005',
  '1.5',
  '1.0',
  '.5',
  '5.',
  'NaN',
  'Infinity',
  '-Infinity',
  '9007199254740993',
  '-1',
  '1_000',
  '1,000',
  '0b1',
  '0o7',
  '１',
  '٣',
  '4294967297',
  '99999999999',
  '1e-7',
  '2',
  '4',
  '5',
  '54',
  '55',
  '100000',
  '100001',
  '200',
  '201',
];
export const ISO3 = ['FRA', 'SVN', 'UKR', 'USA', 'NAM', 'PSE', 'VAT', 'svn', 'Fra', 'XYZ', 'AAA', 'ZZZ', 'XKX'];
/** M49 codes: world, continents, sub-regions, and well-formed codes no state has. */
export const REGIONS = ['001', '002', '019', '142', '150', '009', '419', '039', '999', '000'];
export const SEARCH_TEXTS = [
  'torture',
  'ratif',
  '"Rome Statute"',
  'national preventive mechanism',
  'OPCAT',
  'death penalty',
  'tortura',
  'التعذيب',
  'ICC',
];
export const TEXTS = [
  'Mid-term report of Slovenia (2024)',
  'Joint stakeholder submission',
  'Ministry of Justice',
  'Rapport à mi-parcours',
  'تقرير منتصف المدة',
  'NGO coalition 🇫🇷',
  '日本語のレポート',
];

/** Every hostile value above, in one pool. */
export const NASTY = [...BAD_DATES, ...HUGE, ...ODD, ...FTS, ...NUMBERS];

/** A value as it goes into the URL: percent-encoded as a component, or written raw. */
export interface UrlValue {
  value: string;
  raw: boolean;
}

const hasLoneSurrogate = (s: string) => /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(s);

/**
 * encodeURIComponent, except that a lone surrogate (which it refuses) is written as the three
 * bytes UTF-8 would give it (%ED%A0%80): percent-encoding that decodes to no valid UTF-8.
 */
export function encodeComponent(s: string): string {
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    const next = s.charCodeAt(i + 1);
    if (c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff) {
      out += encodeURIComponent(s[i]! + s[i + 1]!);
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      out += `%${(0xe0 | (c >> 12)).toString(16).toUpperCase()}%${(0x80 | ((c >> 6) & 0x3f)).toString(16).toUpperCase()}%${(0x80 | (c & 0x3f)).toString(16).toUpperCase()}`;
    } else {
      out += encodeURIComponent(s[i]!);
    }
  }
  return out;
}

const written = (v: UrlValue) => (v.raw ? v.value : encodeComponent(v.value));
/** Whether the server reads back exactly `value` (not so for raw values, lone surrogates, dot segments, empty path parts). */
export const readsBackExactly = (v: UrlValue, inPath = false) =>
  !v.raw &&
  !hasLoneSurrogate(v.value) &&
  !(inPath && (v.value === '' || v.value === '.' || v.value === '..' || /^%2e(%2e)?$/i.test(v.value)));

// ---------------------------------------------------------------------------------------------
// Requests
// ---------------------------------------------------------------------------------------------

export interface BodyCase {
  /** A JSON value sent as application/json, or a raw text with its own content type. */
  json?: unknown;
  raw?: string;
  contentType?: string;
}

export interface FuzzRequest {
  op: Operation;
  method: string;
  pathValues: Record<string, UrlValue>;
  query: { name: string; value: UrlValue }[];
  headers: Record<string, string>;
  body?: BodyCase;
  /** Which app answers: the one without an edit token, or the one with one. */
  target: 'read' | 'write';
}

export function urlOf(r: FuzzRequest): string {
  const path = r.op.path.replace(/\{([^}]+)\}/g, (_, name: string) => (r.pathValues[name] ? written(r.pathValues[name]) : ''));
  const query = r.query.map((q) => `${q.name}=${written(q.value)}`).join('&');
  return query ? `${path}?${query}` : path;
}

/** The URL as the server receives it: light-my-request passes it through WHATWG URL parsing. */
export function receivedUrl(r: FuzzRequest): string {
  const url = new URL(urlOf(r), 'http://localhost');
  return url.pathname + url.search;
}

export function injectOptions(r: FuzzRequest, remoteAddress: string): InjectOptions {
  const headers: Record<string, string> = { ...r.headers };
  let payload: string | undefined;
  if (r.body) {
    if (r.body.raw !== undefined) payload = r.body.raw;
    else payload = JSON.stringify(r.body.json) ?? 'undefined';
    headers['content-type'] ??= r.body.contentType ?? 'application/json';
  }
  return { method: r.method, url: urlOf(r), headers, remoteAddress, ...(payload === undefined ? {} : { payload }) };
}

/** A value a parameter's schema allows, taken from real data where the data has it. */
function validSamples(op: Operation, p: Param, known: KnownValues): string[] {
  const s = p.schema;
  if (s.enum) return s.enum.filter((v): v is string => typeof v === 'string');
  if (isNumeric(s)) {
    const range = /from (\d+) to (\d+)/.exec(s.description ?? '');
    const min = s.minimum ?? Number(range?.[1] ?? 1);
    const max = s.maximum ?? Number(range?.[2] ?? 100);
    return [...new Set([min, min + 1, Math.floor((min + max) / 2), max - 1, max].filter((n) => n >= min && n <= max).map(String))];
  }
  if (s.format === 'date') return VALID_DATES;
  if (p.name === 'q') return SEARCH_TEXTS;
  if (p.name === 'theme') return known.themes;
  const pool = [...known.enums, ...ISO3, ...REGIONS, ...known.recommendationIds, 'nope', 'x'.repeat(s.maxLength ?? 64)];
  const fits = pool.filter((v) => violation(s, v) === null);
  return fits.length ? fits : ['x'];
}

export interface KnownValues {
  enums: string[];
  recommendationIds: string[];
  themes: string[];
  /** Per operation and path parameter: the values from the pools that the route answers with 200. */
  live: Record<string, string[]>;
}

/** The values a path parameter's schema allows, from every pool (for finding the live ones). */
export const pathCandidates = (op: Operation, p: Param, known: KnownValues) => [...new Set(validSamples(op, p, known))];

/** Long values whose length crosses the limits a router or schema may set (64, 100, 200, 500). */
const LONG_IDS = [63, 64, 65, 99, 100, 101, 150, 199, 200, 201, 499, 500, 501, 2_000].map((n) => 'a'.repeat(n));

/** A parameter's value: valid, hostile, or given more than once. */
/** Values of one parameter: the valid ones (live ones first for path parameters) and the hostile ones. */
function valuesOf(op: Operation, p: Param, known: KnownValues) {
  const live = known.live[`${op.id} ${p.name}`] ?? [];
  const samples = fc.constantFrom(...validSamples(op, p, known));
  // Path values the route knows (200) reach the code behind it; the rest of the well-formed ones test its 404.
  const valid = live.length ? fc.oneof({ arbitrary: fc.constantFrom(...live), weight: 4 }, { arbitrary: samples, weight: 1 }) : samples;
  // Hostile values, the ones aimed at the parameter's type most often.
  const aimed = isNumeric(p.schema)
    ? NUMBERS
    : p.schema.format === 'date'
      ? BAD_DATES
      : !p.schema.enum && !p.schema.pattern
        ? [...FTS, ...ODD]
        : ODD;
  const hostile = fc.oneof(
    { arbitrary: fc.constantFrom(...aimed), weight: 5 },
    { arbitrary: fc.constantFrom(...NASTY), weight: 3 },
    { arbitrary: fc.constantFrom(...LONG_IDS), weight: 1 },
    { arbitrary: fc.string({ maxLength: 12, unit: 'binary' }), weight: 1 },
  );
  const raw = fc.oneof({ arbitrary: fc.constant(false), weight: 9 }, { arbitrary: fc.constant(true), weight: 1 });
  const as = (value: fc.Arbitrary<string>) => fc.record({ value, raw });
  return {
    valid: fc.record({ value: valid, raw: fc.constant(false) }),
    hostile: as(hostile),
    /** Hostile, or given several times (valid and hostile values mixed). */
    fault: fc.oneof(
      { arbitrary: as(hostile).map((v) => [v]), weight: 5 },
      { arbitrary: fc.array(as(fc.oneof(valid, hostile)), { minLength: 2, maxLength: 3 }), weight: 1 },
    ),
    any: fc.oneof({ arbitrary: as(valid), weight: 5 }, { arbitrary: as(hostile), weight: 4 }),
  };
}

type Entry = { name: string; value: UrlValue };

/**
 * Path and query values: half the requests have one fault among valid values (so that each check
 * is reached on its own, and valid values reach the code behind it), a quarter are all valid, a
 * quarter have faults anywhere.
 */
function paramsArbitrary(op: Operation, known: KnownValues): fc.Arbitrary<{ path: Record<string, UrlValue>; query: Entry[] }> {
  const pathParams = op.params.filter((p) => p.in === 'path');
  const queryParams = op.params.filter((p) => p.in === 'query');
  const values = new Map(op.params.map((p) => [p, valuesOf(op, p, known)]));
  // Mostly absent when a route has many query parameters, so that the ones given are looked at.
  const presence = (n: number) =>
    fc.oneof({ arbitrary: fc.constant(false), weight: Math.max(1, n - 2) }, { arbitrary: fc.constant(true), weight: 3 });
  const validQuery = fc.tuple(...queryParams.map((p) => fc.tuple(presence(queryParams.length), values.get(p)!.valid)));
  const validPath = fc.tuple(...pathParams.map((p) => values.get(p)!.valid));
  const assemble = (path: UrlValue[], query: [boolean, UrlValue][], fault?: { index: number; values: UrlValue[] }) => {
    const pathValues = Object.fromEntries(pathParams.map((p, i) => [p.name, path[i]!]));
    const entries: Entry[] = [];
    queryParams.forEach((p, i) => {
      if (fault && fault.index === pathParams.length + i) entries.push(...fault.values.map((value) => ({ name: p.name, value })));
      else if (query[i]![0]) entries.push({ name: p.name, value: query[i]![1] });
    });
    if (fault && fault.index < pathParams.length) pathValues[pathParams[fault.index]!.name] = fault.values[0]!;
    return { path: pathValues, query: entries };
  };
  const all = [...pathParams, ...queryParams];
  const oneFault = all.length
    ? fc
        .tuple(validPath, validQuery, fc.integer({ min: 0, max: all.length - 1 }))
        .chain(([path, query, index]) =>
          (index < pathParams.length ? values.get(all[index]!)!.hostile.map((v) => [v]) : values.get(all[index]!)!.fault).map((faulty) =>
            assemble(path, query, { index, values: faulty }),
          ),
        )
    : fc.constant(assemble([], []));
  const allValid = fc.tuple(validPath, validQuery).map(([path, query]) => assemble(path, query));
  const chaos = fc
    .tuple(
      fc.tuple(...pathParams.map((p) => values.get(p)!.any)),
      fc.tuple(...queryParams.map((p) => fc.tuple(presence(queryParams.length), values.get(p)!.any))),
    )
    .map(([path, query]) => assemble(path, query));
  return fc.oneof({ arbitrary: oneFault, weight: 2 }, { arbitrary: allValid, weight: 1 }, { arbitrary: chaos, weight: 1 });
}

/** Query parameters no route declares, some named to upset an object built from them. */
const EXTRA_QUERY: [string, string][] = [
  ['foo', 'bar'],
  ['__proto__', 'x'],
  ['constructor', '1'],
  ['toString', '1'],
  ['a[b]', 'c'],
  ['page[0]', '1'],
  ['%ZZ', '1'],
  ['', 'x'],
  ['q[]', 'x'],
  ['hasOwnProperty', '1'],
];

export function requestArbitrary(
  op: Operation,
  known: KnownValues,
  target: 'read' | 'write',
  auth: fc.Arbitrary<Record<string, string>>,
): fc.Arbitrary<FuzzRequest> {
  const params = paramsArbitrary(op, known);
  const extra = fc.oneof(
    { arbitrary: fc.constant<Entry[]>([]), weight: 12 },
    { arbitrary: fc.constantFrom(...EXTRA_QUERY).map(([name, value]): Entry[] => [{ name, value: { value, raw: true } }]), weight: 1 },
  );
  const both = fc
    .tuple(params, extra)
    .chain(([p, e]) =>
      fc.shuffledSubarray([...p.query, ...e], { minLength: p.query.length + e.length }).map((query) => ({ path: p.path, query })),
    );
  const headers = fc.oneof(
    { arbitrary: fc.constant({}), weight: 10 },
    {
      arbitrary: fc.constantFrom(
        { 'accept-encoding': 'br' },
        { 'accept-encoding': 'gzip' },
        { 'accept-encoding': 'gzip, deflate, br' },
        { accept: 'text/csv' },
        { 'if-none-match': '*' },
      ),
      weight: 2,
    },
  );
  const body = op.body ? bodyArbitrary(op.body) : fc.constant(undefined);
  // GET routes are also asked with HEAD now and then (the same route, without a body).
  const method =
    op.method === 'GET'
      ? fc.oneof({ arbitrary: fc.constant('GET'), weight: 19 }, { arbitrary: fc.constant('HEAD'), weight: 1 })
      : fc.constant(op.method);
  return fc.record({ params: both, headers, auth, body, method }).map(({ params, headers, auth, body, method }) => ({
    op,
    method,
    pathValues: params.path,
    query: params.query,
    headers: { ...headers, ...auth },
    ...(body === undefined ? {} : { body }),
    target,
  }));
}

// ---------------------------------------------------------------------------------------------
// Bodies
// ---------------------------------------------------------------------------------------------

const URLS = [
  'https://example.org/report.pdf',
  'http://example.org',
  'https://ohchr.org/en/hr-bodies/upr',
  'javascript:alert(1)',
  'ftp://example.org/x',
  'mailto:a@example.org',
  'file:///etc/passwd',
  'data:text/html,<b>x</b>',
  'https://exa mple.org',
  '//example.org',
  'example.org',
  'http://',
  `https://example.org/${'a'.repeat(2_000)}`,
];

/** A value a body property's schema allows. */
function validBodyValue(s: JsonSchema): fc.Arbitrary<unknown> {
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives) return fc.oneof(...alternatives.map(validBodyValue));
  if (s.enum) return fc.constantFrom(...s.enum);
  if (s.type === 'null') return fc.constant(null);
  if (s.type === 'boolean') return fc.boolean();
  if (s.type === 'integer' || s.type === 'number') return fc.integer({ min: s.minimum ?? 0, max: s.maximum ?? 1000 });
  if (s.format === 'date')
    return fc.oneof({ arbitrary: fc.constantFrom(...RECENT_DATES), weight: 4 }, { arbitrary: fc.constantFrom(...VALID_DATES), weight: 1 });
  if (s.format === 'uri' || s.format === 'url')
    return fc.oneof({ arbitrary: fc.constantFrom(...URLS.slice(0, 3)), weight: 3 }, { arbitrary: fc.constantFrom(...URLS), weight: 1 });
  const min = s.minLength ?? 0;
  const max = s.maxLength ?? 1000;
  return fc.oneof(
    { arbitrary: fc.constantFrom(...TEXTS.filter((t) => t.length >= min && t.length <= max)), weight: 12 },
    { arbitrary: fc.constantFrom('x'.repeat(Math.max(min, 1)), 'y'.repeat(max), 'z'.repeat(max + 1)), weight: 1 },
  );
}

/** A JSON value no schema of a text field expects, or a hostile text. */
const hostileJson: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.constantFrom(...NASTY), weight: 8 },
  { arbitrary: fc.constantFrom(null, 0, -1, 1.5, 1e308, true, false, [], ['x'], {}, { $gt: '' }), weight: 2 },
);

/** A readable text with one odd character in it: a NUL, a lone surrogate, a control or direction character, CRLF. */
const oddText = fc
  .tuple(
    fc.constantFrom(...TEXTS),
    fc.constantFrom('\u0000', '\uD800', '\uDC00', '\u0007', '\u001b', '\u007f', '\u202E', '\r\n', '\uFEFF', '\u200B', '%00', '\t'),
    fc.nat(),
  )
  .map(([text, odd, at]) => {
    const i = at % (text.length + 1);
    return text.slice(0, i) + odd + text.slice(i);
  });

/** Bodies shaped by the schema: mostly valid, with hostile, missing and unknown properties; and some that are not objects at all. */
export function bodyArbitrary(schema: JsonSchema): fc.Arbitrary<BodyCase> {
  const props = Object.entries(schema.properties ?? {});
  const fields = fc.tuple(
    ...props.map(([name, s]) =>
      fc.oneof(
        { arbitrary: validBodyValue(s).map((v) => [name, v] as const), weight: 30 },
        { arbitrary: oddText.map((v) => [name, v] as const), weight: s.enum || s.format ? 0 : 4 },
        { arbitrary: hostileJson.map((v) => [name, v] as const), weight: 2 },
        { arbitrary: fc.constant(null), weight: 1 },
      ),
    ),
  );
  const extra = fc.oneof(
    { arbitrary: fc.constant([] as [string, unknown][]), weight: 12 },
    {
      arbitrary: fc.constantFrom<[string, unknown][]>(
        [['extra', 1]],
        [['__proto__', { polluted: true }]],
        [['constructor', { prototype: { polluted: true } }]],
        [['id', 1]],
        [['recordedAt', '2000-01-01T00:00:00Z']],
      ),
      weight: 1,
    },
  );
  const object = fc.tuple(fields, extra).map(([f, e]) => {
    const body: Record<string, unknown> = {};
    for (const entry of [...f, ...e])
      if (entry) Object.defineProperty(body, entry[0], { value: entry[1], enumerable: true, writable: true, configurable: true });
    return { json: body };
  });
  return fc.oneof(
    { arbitrary: object, weight: 20 },
    { arbitrary: fc.constantFrom<BodyCase>({ json: null }, { json: [] }, { json: 'x' }, { json: 42 }, { json: true }), weight: 1 },
  );
}

// ---------------------------------------------------------------------------------------------
// What the document allows
// ---------------------------------------------------------------------------------------------

const codePoints = (s: string) => [...s].length;

/** A number in a query or path: typed as one, or a string of a variable number of digits (^[0-9]{1,9}$; not a code such as ^\\d{3}$). */
export const isNumeric = (s: JsonSchema) =>
  s.type === 'integer' ||
  s.type === 'number' ||
  (s.pattern !== undefined && /^\^?(?:\[0-9\]|\\d)(?:\{\d+,\d*\}|\+|\*)\$?$/.test(s.pattern));

/** Why a single value breaks its schema, or null when the schema allows it. For query and path strings. */
export function violation(s: JsonSchema, value: string): string | null {
  if (s.enum && !s.enum.includes(value)) return 'not one of the documented values';
  // Numbers must be plain decimal digits: "0x10", "1e3", " 5", "+5", "1.0" are not read as some other number.
  if (isNumeric(s) && !/^[0-9]+$/.test(value)) return 'not a whole number in plain decimal digits';
  if (s.type === 'integer' || s.type === 'number') {
    if (!/^[0-9]+$/.test(value)) return 'not a whole number in plain decimal digits';
    const n = Number(value);
    if ((s.minimum !== undefined && n < s.minimum) || (s.maximum !== undefined && n > s.maximum)) return 'outside the documented range';
    return null;
  }
  if (s.pattern && !new RegExp(s.pattern, 'u').test(value)) return 'does not match the documented pattern';
  if (s.minLength !== undefined && codePoints(value) < s.minLength) return 'shorter than the documented minimum';
  if (s.maxLength !== undefined && codePoints(value) > s.maxLength) return 'longer than the documented maximum';
  return null;
}

const typeOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : Number.isInteger(v) ? 'integer' : typeof v);

/** Why a JSON value breaks its schema, or null. Lenient where JSON Schema is (uri: anything WHATWG URL parses). */
export function jsonViolation(s: JsonSchema, v: unknown, at = 'body'): string | null {
  const alternatives = s.anyOf ?? s.oneOf;
  if (alternatives)
    return alternatives.some((a) => jsonViolation(a, v, at) === null) ? null : `${at}: matches none of the documented alternatives`;
  if (s.enum && !s.enum.includes(v)) return `${at}: not one of the documented values`;
  const types = s.type === undefined ? [] : [s.type].flat();
  if (types.length && !types.some((t) => t === typeOf(v) || (t === 'number' && typeof v === 'number')))
    return `${at}: not of type ${types.join('|')}`;
  if (typeof v === 'string') {
    if (s.pattern && !new RegExp(s.pattern, 'u').test(v)) return `${at}: does not match the documented pattern`;
    if (s.minLength !== undefined && codePoints(v) < s.minLength) return `${at}: shorter than the documented minimum`;
    if (s.maxLength !== undefined && codePoints(v) > s.maxLength) return `${at}: longer than the documented maximum`;
    if (s.format === 'uri' && !URL.canParse(v)) return `${at}: not a URI`;
  }
  if (types.includes('object') && v !== null && typeof v === 'object' && !Array.isArray(v)) {
    const record = v as Record<string, unknown>;
    for (const name of s.required ?? []) if (!Object.hasOwn(record, name)) return `${at}.${name}: required but missing`;
    for (const [name, value] of Object.entries(record)) {
      const ps = s.properties?.[name];
      if (!ps) {
        if (s.additionalProperties === false) return `${at}.${name}: not a documented property`;
        continue;
      }
      const problem = jsonViolation(ps, value, `${at}.${name}`);
      if (problem) return problem;
    }
  }
  return null;
}

// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;

/** Why a text a person writes into a field cannot be stored as it is, or null. */
export function unreadableText(s: string): string | null {
  if (CONTROL.test(s)) return 'contains control characters (a NUL byte, ESC...)';
  if (hasLoneSurrogate(s)) return 'contains a lone surrogate (not representable in UTF-8: stored as something else)';
  if (!/[\p{L}\p{N}]/u.test(s)) return 'has no letter or digit';
  return null;
}

// ---------------------------------------------------------------------------------------------
// Responses
// ---------------------------------------------------------------------------------------------

/** The body as text, decompressed according to Content-Encoding. */
export function bodyText(res: LightMyRequestResponse): string {
  const encoding = String(res.headers['content-encoding'] ?? '');
  try {
    if (encoding === 'br') return brotliDecompressSync(res.rawPayload).toString('utf8');
    if (encoding === 'gzip') return gunzipSync(res.rawPayload).toString('utf8');
    if (encoding === 'deflate') return inflateSync(res.rawPayload).toString('utf8');
  } catch {
    return `<undecodable ${encoding} body of ${res.rawPayload.length} bytes>`;
  }
  return res.body;
}

/** What is wrong with an error response's body, or null when it is `{ error, message, details? }`. */
export function errorBodyProblem(status: number, contentType: string, text: string): string | null {
  if (!/^application\/json\b/.test(contentType)) return `Content-Type is "${contentType}", not application/json`;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return 'the body is not JSON';
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return 'the body is not a JSON object';
  const b = body as Record<string, unknown>;
  const extra = Object.keys(b).filter((k) => !['error', 'message', 'details'].includes(k));
  if (extra.length) return `the body has keys the ErrorBody schema does not: ${extra.join(', ')}`;
  if (typeof b.error !== 'string') return '"error" is not a string';
  if (b.error !== STATUS_CODES[status]) return `"error" is "${b.error}", not the status text "${STATUS_CODES[status]}"`;
  if (typeof b.message !== 'string' || !b.message) return '"message" is not a non-empty string';
  if (b.details !== undefined) {
    if (
      !Array.isArray(b.details) ||
      !b.details.every((d) => d && typeof d === 'object' && typeof d.path === 'string' && typeof d.message === 'string')
    ) {
      return '"details" is not an array of { path, message }';
    }
  }
  return null;
}

/** Encodings the request accepts (q > 0), by the same parser the server uses. */
export const acceptedEncodings = (header: string | undefined) =>
  new Set([...new Negotiator({ headers: { 'accept-encoding': header ?? '' } }).encodings(), 'identity']);

// ---------------------------------------------------------------------------------------------
// Failures
// ---------------------------------------------------------------------------------------------

export interface Failure {
  /** The class: which rule was broken, and how. */
  rule: string;
  where: string;
  /** The route (and parameter) it was seen on; one reproduction is kept for each. */
  affects: string;
  expected: string;
  request: { method: string; url: string; headers: Record<string, string>; body?: string };
  status: number;
  body: string;
  /** How big the reproduction is: the smallest one is kept. */
  size: number;
}

const clip = (s: string, n: number) => (s.length > n ? `${s.slice(0, n)}… (${s.length} characters in all)` : s);
const show = (s: string) => JSON.stringify(s).slice(1, -1);

interface Seen {
  failure: Failure;
  count: number;
}

/** Failures grouped by class (rule, how, status), with the smallest reproduction per route. */
export class FailureLog {
  private readonly classes = new Map<string, Map<string, Seen>>();
  private readonly minimised = new Map<string, number>();
  total = 0;

  private static key = (f: { rule: string; where: string }, status: number) => `${f.rule} | ${f.where} | ${status}`;

  /** Whether a failure like this one is already logged with a reproduction no bigger than `size`, or minimised often enough. */
  known(f: { rule: string; where: string; affects: string }, status: number, size: number): boolean {
    const seen = this.classes.get(FailureLog.key(f, status))?.get(f.affects);
    if (seen && seen.failure.size <= size) return true;
    return (this.minimised.get(`${FailureLog.key(f, status)} | ${f.affects}`) ?? 0) >= 4 && this.classes.has(FailureLog.key(f, status));
  }

  /** Counts a failure that needs no new reproduction. */
  count(f: { rule: string; where: string; affects: string }, status: number) {
    this.total++;
    const seen = this.classes.get(FailureLog.key(f, status))?.get(f.affects);
    if (seen) seen.count++;
  }

  add(f: Failure, minimisedFrom?: { affects: string }) {
    this.total++;
    if (minimisedFrom) {
      const k = `${FailureLog.key(f, f.status)} | ${minimisedFrom.affects}`;
      this.minimised.set(k, (this.minimised.get(k) ?? 0) + 1);
    }
    const key = FailureLog.key(f, f.status);
    const byRoute = this.classes.get(key) ?? new Map<string, Seen>();
    this.classes.set(key, byRoute);
    const seen = byRoute.get(f.affects);
    if (!seen) byRoute.set(f.affects, { failure: f, count: 1 });
    else {
      seen.count++;
      if (f.size < seen.failure.size) seen.failure = f;
    }
  }

  get size() {
    return this.classes.size;
  }

  report(title: string): string {
    const lines = [`${title}: ${this.classes.size} failure class(es), ${this.total} failing check(s)`];
    let i = 0;
    for (const [key, byRoute] of [...this.classes].sort(([a], [b]) => a.localeCompare(b))) {
      const all = [...byRoute.values()];
      lines.push('', `#${++i} ${key}  (${all.reduce((n, s) => n + s.count, 0)}×)`, `   expected: ${all[0]!.failure.expected}`);
      for (const [affects, { failure: f, count }] of [...byRoute].sort(([a], [b]) => a.localeCompare(b))) {
        lines.push(
          `   - ${affects} (${count}×)`,
          `       ${f.request.method} ${clip(show(f.request.url), 400)}`,
          ...(Object.keys(f.request.headers).length ? [`       headers: ${clip(JSON.stringify(f.request.headers), 300)}`] : []),
          ...(f.request.body !== undefined ? [`       body: ${clip(show(f.request.body), 400)}`] : []),
          `       got: ${f.status} ${clip(show(f.body), 400)}`,
        );
      }
    }
    return lines.join('\n');
  }
}

// ---------------------------------------------------------------------------------------------
// The database
// ---------------------------------------------------------------------------------------------

/** Row counts of every table sqlite_master lists, the data version and the audit log count. */
export function snapshot(sqlite: SQLite.Database): Record<string, number | string> {
  const tables = sqlite
    .prepare<[], { name: string }>("select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
    .all();
  const counts: Record<string, number | string> = {};
  for (const { name } of tables) {
    try {
      counts[name] = sqlite.prepare<[], { n: number }>(`select count(*) as n from "${name.replace(/"/g, '""')}"`).get()!.n;
    } catch (err) {
      counts[name] = `unreadable: ${(err as Error).message}`;
    }
  }
  counts['(dataVersion.version)'] =
    sqlite.prepare<[], { version: number }>('select version from dataVersion where id = 1').get()?.version ?? -1;
  counts['(auditLog rows)'] = sqlite.prepare<[], { n: number }>('select count(*) as n from auditLog').get()!.n;
  return counts;
}

/** Rows changed on the connection since it opened: a GET that writes anything moves it. */
export const totalChanges = (sqlite: SQLite.Database) => sqlite.prepare<[], { n: number }>('select total_changes() as n').get()!.n;

/** Tables that belong to an FTS5 index (the index and its shadow tables), whose row counts follow its content. */
export function ftsTables(sqlite: SQLite.Database): Set<string> {
  const virtual = sqlite
    .prepare<[], { name: string }>("select name from sqlite_master where type = 'table' and sql like 'create virtual table%'")
    .all()
    .map((r) => r.name);
  const all = sqlite
    .prepare<[], { name: string }>("select name from sqlite_master where type = 'table'")
    .all()
    .map((r) => r.name);
  return new Set(all.filter((t) => virtual.some((v) => t === v || t.startsWith(`${v}_`))));
}

// ---------------------------------------------------------------------------------------------
// Raw HTTP
// ---------------------------------------------------------------------------------------------

export interface RawResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
  raw: string;
}

/** Writes bytes to a listening server and reads its answer until it closes the connection (or 5 s pass). */
export function rawHttp(port: number, request: string | Buffer): Promise<RawResponse> {
  return new Promise((resolvePromise) => {
    const socket = connect(port, '127.0.0.1');
    const chunks: Buffer[] = [];
    const finish = () => {
      const raw = Buffer.concat(chunks).toString('latin1');
      const [head = '', ...rest] = raw.split('\r\n\r\n');
      const [statusLine = '', ...headerLines] = head.split('\r\n');
      const headers: Record<string, string> = {};
      for (const line of headerLines) {
        const i = line.indexOf(':');
        if (i > 0) headers[line.slice(0, i).toLowerCase()] = line.slice(i + 1).trim();
      }
      let body = rest.join('\r\n\r\n');
      if (/chunked/i.test(headers['transfer-encoding'] ?? '')) {
        let out = '';
        let restBody = body;
        for (;;) {
          const eol = restBody.indexOf('\r\n');
          const n = parseInt(restBody.slice(0, eol), 16);
          if (!(n > 0)) break;
          out += restBody.slice(eol + 2, eol + 2 + n);
          restBody = restBody.slice(eol + 2 + n + 2);
        }
        body = out;
      } else if (headers['content-length'] !== undefined) {
        body = body.slice(0, Number(headers['content-length']));
      }
      resolvePromise({
        status: Number(/^HTTP\/1\.[01] (\d{3})/.exec(statusLine)?.[1] ?? 0),
        headers,
        body: Buffer.from(body, 'latin1').toString('utf8'),
        raw,
      });
    };
    const timer = setTimeout(() => socket.destroy(), 5_000);
    socket.on('data', (c) => chunks.push(c));
    socket.on('close', () => {
      clearTimeout(timer);
      finish();
    });
    socket.on('error', () => undefined);
    socket.write(request);
  });
}
