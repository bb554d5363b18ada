/**
 * Broken import files, generated with fast-check, against the three importers as their command
 * lines run them (file on disk -> checks -> parser -> service): files cut short, Latin-1 bytes,
 * NUL bytes, participants or rows listed twice (the same, or with other dates), rows missing,
 * random junk, a header and no rows, and files over the size limits. Every one must be refused
 * cleanly (one of the importers' refusal errors, with a short message; no crash, no hang) and
 * leave the database exactly as it was: the same data version, the same number of rows in every
 * table, the same audit log, and in the end the same bytes.
 *
 * One seeded database serves every case: a refused import must write nothing, so any write shows.
 */
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { applyPreparedUprImport, CatImportError, createDb, EventImportError, sqliteOf, UprImportError } from '@tracker/api';
import { importCatFile } from './import-cat/import-cat.js';
import { importSource } from './import-cat/parse.js';
import { importUntcStatusPage, readStatusPageFile, UntcImportError } from './import-untc/import-untc.js';
import {
  acceptedImport,
  prepareUprFile,
  RefusedRowsError,
  stateResolverOf,
  uprImportSource,
  type UprImportFormat,
} from './import-upr/import-upr.js';
import { InputFileError } from './import-upr/input-file.js';
import { rawPath } from './normalise/paths.js';
import { rawUpr } from './upr/test-support.js';
import { seededImage } from './test-support/seeded-image.js';

type Db = ReturnType<typeof createDb>;

// --- the unbroken files ------------------------------------------------------------------------

/** The first `n` records of a real CSV, written back as CSV: a valid file to break. */
const firstRecords = (text: string, n: number) =>
  stringify((parse(text, { bom: true, relax_column_count: true }) as string[][]).slice(0, n + 1));

const UHRI_HEADER = rawUpr('format-sample_uhri-export-xlsx_column-headers.csv').trim().split(',');
const uhriRow = (cells: Record<string, string>) => UHRI_HEADER.map((h) => cells[h] ?? '');

/** Kiribati's initial report (data/raw/cat-reporting, sample of 17 States) and Algeria's first reports, in the tracker's CSV. */
const CAT_TRACKER = [
  'state_iso3,report,procedure,document_symbol,due_date,received_on,session,dialogue_from,dialogue_to,concluding_observations_adopted,note,history_complete_to',
  'KIR,initial,standard,CAT/C/KIR/1,2020,2023-08-02,78,2023-11-06,2023-11-07,2023-11-20,"acceded 2019; three years late",2026-04-22',
  'DZA,initial,standard,CAT/C/9/Add.5,1990,1990-02-13,,,,,,',
  'DZA,2nd periodic,standard,CAT/C/25/Add.8,1994,1996-02-23,,,,,"Côte-à-côte test of accents",',
  '',
].join('\n');

const CAT_OHCHR = [
  'Treaty,Report,Due date,Date received,Symbol,Status',
  'CAT,Initial report,21 Aug 2020,02 Aug 2023,CAT/C/KIR/1,Concluded',
  'CRC,Combined second to fourth periodic reports,10 Jan 2018,,,Overdue',
  '',
].join('\n');

const OPCAT_PAGE = readFileSync(rawPath('treaties/raw/untc-html/IV-9-b_opcat_2026-02-03.html'), 'utf8');

type Importer = { kind: 'upr'; format: UprImportFormat } | { kind: 'cat'; format: 'tracker' | 'ohchr' } | { kind: 'untc' };

/** A valid file of one importer's format, and what may be done to it. */
interface Target {
  name: string;
  importer: Importer;
  extension: string;
  text: string;
  /** How the file is laid out: where a cut always leaves it incomplete. */
  layout: 'csv' | 'json' | 'html' | 'text';
  /** The file with a header (or title) and no rows. */
  headerOnly: string;
  /** Rows that may be listed twice, with the same values or others (refused by each format). */
  duplicable?: 'csv-rows' | 'participants';
}

const csvHeader = (text: string) => text.slice(0, text.search(/\r?\n/));

const TARGETS: Target[] = [
  ...(
    [
      ['upr-info', firstRecords(rawUpr('upr-info-export_2015_sessions-01-05.csv'), 40)],
      ['calendar', firstRecords(rawUpr('upr_calendar_cycle4_sessions41-54.csv'), 30)],
      ['ohchr-list', firstRecords(rawUpr('slovenia_upr-recommendations_cycles2-4_ohchr-thematic-lists.csv'), 30)],
      [
        'uhri',
        stringify([
          UHRI_HEADER,
          uhriRow({
            Text: '140.7 Ratify the Optional Protocol, as recommended before (Maldives);',
            'Countries Concerned': '- Slovenia',
            'Reccomending Body': '- UPR',
            'UPR Reccomending States': '- Maldives',
            'UPR Position': '- Supported',
            'UPR Session': '- 48 Session',
          }),
          uhriRow({
            Text: 'Rural women 49.The Committee notes with concern',
            'Countries Concerned': '- Iraq',
            'Reccomending Body': '- CEDAW',
          }),
        ]),
      ],
    ] as const
  ).map(([format, text]): Target => ({
    name: `import:upr ${format}`,
    importer: { kind: 'upr', format },
    extension: 'csv',
    text,
    layout: 'csv',
    headerOnly: `${csvHeader(text)}\n`,
    ...(format === 'calendar' ? { duplicable: 'csv-rows' as const } : {}),
  })),
  {
    name: 'import:upr uhri-json',
    importer: { kind: 'upr', format: 'uhri-json' },
    extension: 'json',
    text: rawUpr('format-sample_uhri-export-full-en-json_one-record.json'),
    layout: 'json',
    headerOnly: '[\n]\n',
  },
  {
    name: 'import:upr ohchr-list-text',
    importer: { kind: 'upr', format: 'ohchr-list-text' },
    extension: 'md',
    text: rawUpr('slovenia_ohchr-thematic-list_cycle4_session48_2025.md'),
    layout: 'text',
    headerOnly: '# UPR 48th Session - Slovenia - Thematic List of Recommendations\n',
  },
  {
    name: 'import:cat tracker',
    importer: { kind: 'cat', format: 'tracker' },
    extension: 'csv',
    text: CAT_TRACKER,
    layout: 'csv',
    headerOnly: `${csvHeader(CAT_TRACKER)}\r\n`,
    duplicable: 'csv-rows',
  },
  {
    name: 'import:cat ohchr',
    importer: { kind: 'cat', format: 'ohchr' },
    extension: 'csv',
    text: CAT_OHCHR,
    layout: 'csv',
    headerOnly: `${csvHeader(CAT_OHCHR)}\n`,
  },
  {
    name: 'import:untc opcat',
    importer: { kind: 'untc' },
    extension: 'html',
    text: OPCAT_PAGE,
    layout: 'html',
    headerOnly: OPCAT_PAGE.replace(/(_tblgrid"[^>]*>\s*<tr[\s\S]*?<\/tr>)[\s\S]*?(<\/table>)/, '$1$2'),
    duplicable: 'participants',
  },
];

// --- what is done to them ----------------------------------------------------------------------

interface Broken {
  what: string;
  bytes: Buffer;
  /** The line the refusal must name, when it must name one. */
  line?: number;
}

const utf8 = (text: string) => Buffer.from(text, 'utf8');
const lineOf = (text: string, offset: number) => text.slice(0, offset).split('\n').length;

/** The rows of the participants table of a UNTC page, as [start, end] offsets (the column header row left out). */
function participantRows(html: string): [number, number][] {
  const table = /_tblgrid"[^>]*>/.exec(html)!;
  const end = html.indexOf('</table>', table.index);
  const rows = [...html.slice(table.index, end).matchAll(/<tr[^>]*>[\s\S]*?<\/tr>/g)].map((m): [number, number] => [
    table.index + m.index,
    table.index + m.index + m[0].length,
  ]);
  return rows.slice(1);
}

/** The CSV's data rows that are one line each, as [start, end] offsets of the line (without its line break). */
function csvRows(text: string): [number, number][] {
  const rows: [number, number][] = [];
  let start = text.indexOf('\n') + 1;
  while (start > 0 && start < text.length) {
    const next = text.indexOf('\n', start);
    const end = next === -1 ? text.length : next;
    const line = text.slice(start, end).replace(/\r$/, '');
    if (line !== '' && (line.match(/"/g) ?? []).length % 2 === 0) rows.push([start, start + line.length]);
    start = end + 1;
  }
  return rows;
}

/** Another day in the first date of a text ("5 Nov 2002" -> "6 Nov 2002", "2023-08-02" -> "2023-08-03"). */
const otherDate = (text: string) =>
  text
    .replace(/\b(\d{1,2})( [A-Z][a-z]{2,8}\.?\s+\d{4})/, (_, day: string, rest: string) => `${day === '1' ? 2 : 1}${rest}`)
    .replace(/\b(\d{4}-\d{2}-)(\d{2})\b/, (_, month: string, day: string) => `${month}${day === '01' ? '02' : '01'}`);

/**
 * A position where cutting the file always leaves it incomplete: in a CSV, inside a line before
 * its last comma (so its row loses a cell, or a quote is left open; a cut inside the last cell of
 * a row cannot be told from a shorter value by the CSV alone); in JSON before the closing "]"; in
 * HTML before "</html>".
 */
function cutPoint(target: Target, line: number, fraction: number): number {
  const { text } = target;
  if (target.layout === 'json') return Math.floor(fraction * text.lastIndexOf(']'));
  if (target.layout === 'html') return Math.floor(fraction * text.lastIndexOf('</html>'));
  const starts = [0, ...[...text.matchAll(/\n/g)].map((m) => m.index + 1)].filter((s) => s < text.length);
  const start = starts[line % starts.length]!;
  const end = text.indexOf('\n', start) === -1 ? text.length : text.indexOf('\n', start);
  // After the line's first character (a cut at the start of a line leaves a shorter, complete
  // file), before its last comma; a line without a comma is the inside of a quoted cell, where
  // any cut leaves the quote open.
  const lastComma = text.lastIndexOf(',', end - 1);
  const stop = lastComma > start ? lastComma : end;
  return start + 1 + Math.floor(fraction * Math.max(0, stop - start - 1));
}

const position = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

/** The ways `target` can be broken, each an arbitrary of broken files. */
function breakages(target: Target): fc.Arbitrary<Broken>[] {
  const { text } = target;
  const found: fc.Arbitrary<Broken>[] = [
    fc.tuple(position).map(([at]) => {
      const offset = Math.floor(at * text.length);
      const [before, after] = [text.slice(0, offset), text.slice(offset)];
      return {
        what: `NUL byte at ${offset}`,
        bytes: Buffer.concat([utf8(before), Buffer.from([0]), utf8(after)]),
        line: lineOf(text, offset),
      };
    }),
    // One byte of a Latin-1 or Windows-1252 file ("é" is 0xe9, a curly quote 0x93): never UTF-8 where it stands.
    fc.tuple(position, fc.integer({ min: 0x80, max: 0xff })).map(([at, byte]) => {
      const offset = Math.floor(at * text.length);
      return {
        what: `byte 0x${byte.toString(16)} at ${offset}`,
        bytes: Buffer.concat([utf8(text.slice(0, offset)), Buffer.from([byte]), utf8(text.slice(offset))]),
        line: lineOf(text, offset),
      };
    }),
    fc.constantFrom('', '\n', '\r\n').map((end) => ({ what: 'header only', bytes: utf8(target.headerOnly.replace(/\r?\n$/, end)) })),
    fc.uint8Array({ maxLength: 3000 }).map((junk) => ({ what: 'random bytes', bytes: Buffer.from(junk) })),
    fc.string({ unit: 'grapheme', maxLength: 300 }).map((junk) => ({ what: 'random text', bytes: utf8(junk) })),
  ];
  if (target.layout !== 'text') {
    found.push(
      fc.tuple(fc.nat(), position).map(([line, at]) => {
        const offset = cutPoint(target, line, at);
        return { what: `cut at ${offset}`, bytes: utf8(text.slice(0, offset)) };
      }),
    );
  }
  if (target.layout === 'csv') {
    // The right header, then lines of junk.
    found.push(
      fc.array(fc.string({ unit: 'grapheme-ascii', minLength: 1, maxLength: 60 }), { minLength: 1, maxLength: 20 }).map((lines) => ({
        what: 'header and junk rows',
        bytes: utf8(`${csvHeader(text)}\n${lines.map((l) => l.replace(/[\r\n]/g, ' ')).join('\n')}\n`),
      })),
    );
  }
  if (target.duplicable) {
    const rows = target.duplicable === 'participants' ? participantRows(text) : csvRows(text);
    const separator = target.duplicable === 'participants' ? '' : '\n';
    found.push(
      fc.tuple(fc.nat({ max: rows.length - 1 }), fc.boolean()).map(([index, conflicting]) => {
        const [start, end] = rows[index]!;
        const row = text.slice(start, end);
        const copy = conflicting ? otherDate(row) : row;
        return {
          what: `row ${index + 1} listed twice${conflicting ? ' with another date' : ''}`,
          bytes: utf8(`${text.slice(0, end)}${separator}${copy}${text.slice(end)}`),
        };
      }),
    );
  }
  if (target.duplicable === 'participants') {
    const rows = participantRows(text);
    found.push(
      fc.nat({ max: rows.length - 1 }).map((index) => {
        const [start, end] = rows[index]!;
        return { what: `row ${index + 1} missing`, bytes: utf8(text.slice(0, start) + text.slice(end)) };
      }),
    );
  }
  return found;
}

// --- running them ------------------------------------------------------------------------------

let image: Buffer;
let db: Db;
let states: Awaited<ReturnType<typeof stateResolverOf>>;
const dir = mkdtempSync(join(tmpdir(), 'import-fuzz-'));
const uprSource = uprImportSource({ title: 'Import fuzz test', url: 'https://example.org/fuzz', asOf: '2026-01-01' });
const catSource = importSource({ title: 'Import fuzz test', url: 'https://example.org/fuzz', asOf: '2026-04-22' });

beforeAll(async () => {
  // The database the test run migrated and seeded once (api/test/global-setup.ts).
  image = seededImage();
  db = createDb(image);
  states = await stateResolverOf(db);
});
afterAll(async () => {
  await db?.destroy();
  rmSync(dir, { recursive: true, force: true });
});

/** The data version, the rows of every table and the last audit entry. */
function snapshot() {
  const sqlite = sqliteOf(db);
  const tables = sqlite.prepare("select name from sqlite_master where type = 'table' order by name").pluck().all() as string[];
  return {
    dataVersion: sqlite.prepare('select version, changedAt from dataVersion').get(),
    lastAudit: sqlite.prepare('select max(id) from auditLog').pluck().get(),
    rows: Object.fromEntries(tables.map((t) => [t, sqlite.prepare(`select count(*) from "${t}"`).pluck().get()])),
  };
}

/** Imports the file as the importer's command line does (not a dry run); gives what it threw, or null. */
async function attempt(importer: Importer, path: string, allowRemovals: boolean): Promise<unknown> {
  try {
    if (importer.kind === 'upr') {
      const prepared = await prepareUprFile({ path, format: importer.format, source: uprSource }, states);
      await applyPreparedUprImport(db, acceptedImport(prepared), { dryRun: false });
    } else if (importer.kind === 'cat') {
      await importCatFile(db, { path, format: importer.format, stateIso3: 'KIR', source: catSource, dryRun: false });
    } else {
      await importUntcStatusPage(db, { instrumentId: 'opcat', html: readStatusPageFile(path), dryRun: false, allowRemovals });
    }
    return null;
  } catch (error) {
    return error;
  }
}

const REFUSALS = [InputFileError, RefusedRowsError, UprImportError, CatImportError, UntcImportError, EventImportError];

/** A refusal the importers mean: one of their errors, a message that names the problem and stays short. */
function expectCleanRefusal(error: unknown, label: string, line?: number) {
  expect(error, `${label}: was imported`).not.toBeNull();
  expect(
    REFUSALS.some((kind) => error instanceof kind),
    `${label}: not a refusal: ${String(error)}`,
  ).toBe(true);
  const { message } = error as Error;
  expect(message.trim(), label).not.toBe('');
  expect(message.split('\n').length, `${label}: ${message}`).toBeLessThanOrEqual(25);
  expect(message.length, label).toBeLessThan(10_000);
  if (line !== undefined) expect(message, label).toMatch(new RegExp(`\\bline ${line}\\b`));
}

describe('broken import files are refused cleanly and leave the database as it was', () => {
  it.each(TARGETS.map((t) => [t.name, t] as const))(
    'the unbroken %s file is accepted (dry run), so the refusals are the breakage',
    async (_, target) => {
      const path = join(dir, `valid.${target.extension}`);
      writeFileSync(path, target.text);
      if (target.importer.kind === 'upr') {
        const prepared = acceptedImport(await prepareUprFile({ path, format: target.importer.format, source: uprSource }, states));
        await expect(applyPreparedUprImport(db, prepared, { dryRun: true })).resolves.toBeDefined();
      } else if (target.importer.kind === 'cat') {
        await importCatFile(db, { path, format: target.importer.format, stateIso3: 'KIR', source: catSource, dryRun: true });
      } else {
        await importUntcStatusPage(db, { instrumentId: 'opcat', html: readStatusPageFile(path), dryRun: true });
      }
    },
  );

  it('at least 200 generated broken files, across the importers and the ways to break them', async () => {
    const before = snapshot();
    const tried: { label: string; ms: number }[] = [];
    let n = 0;
    for (const target of TARGETS) {
      for (const breakage of breakages(target)) {
        await fc.assert(
          fc.asyncProperty(breakage, fc.boolean(), async (broken, allowRemovals) => {
            const path = join(dir, `case-${n++}.${target.extension}`);
            writeFileSync(path, broken.bytes);
            const label = `${target.name}, ${broken.what}${target.importer.kind === 'untc' && allowRemovals ? ', --allow-removals' : ''}`;
            const started = performance.now();
            const error = await attempt(target.importer, path, allowRemovals);
            tried.push({ label, ms: performance.now() - started });
            rmSync(path);
            expectCleanRefusal(error, label, broken.line);
            expect(snapshot(), label).toEqual(before);
          }),
          { numRuns: 5 },
        );
      }
    }
    expect(tried.length).toBeGreaterThanOrEqual(200);
    const slowest = tried.reduce((a, b) => (b.ms > a.ms ? b : a));
    expect(slowest.ms, `slowest: ${slowest.label}`).toBeLessThan(5_000);
    // Nothing was written: the database is the seeded image, byte for byte.
    expect(Buffer.compare(sqliteOf(db).serialize(), image)).toBe(0);
  }, 120_000);

  it.each(TARGETS.map((t) => [t.name, t] as const))('a %s file over the size limit is refused unread', async (_, target) => {
    const before = snapshot();
    const path = join(dir, `huge.${target.extension}`);
    writeFileSync(path, '');
    truncateSync(path, 101 * 1024 * 1024);
    const error = await attempt(target.importer, path, false);
    expectCleanRefusal(error, target.name);
    expect((error as Error).message).toMatch(/is 101\.0 MB, more than the (10|100) MB import:\w+ reads/);
    expect(snapshot()).toEqual(before);
  });
});
