import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { afterAll, describe, expect, it, vi } from 'vitest';
import writeExcelFile from 'write-excel-file/node';
import { applyUprImport, createDb, INFERRED_HELD_NOTE, sqliteOf, UprImportError } from '@tracker/api';
import { rawPath } from '../normalise/paths.js';
import { rawUpr, replaceLine } from '../upr/test-support.js';
import {
  bundledSourceFor,
  importUprFile,
  parseUprFile,
  readImportFile,
  readUprFileContent,
  stateResolverOf,
  InputFileError,
  uprImportSource,
  type UprImportFormat,
} from './import-upr.js';
import { createProgressBar, progressLine } from './progress.js';
import { seededImage } from '../test-support/seeded-image.js';

type Db = ReturnType<typeof createDb>;

/** The migrated database seeded with the bundled dataset, once per run (api/test/global-setup.ts); each test gets its own in-memory copy. */
const image = seededImage();
// Each import here runs against a copy of the seeded database (61,467 recommendations since sessions
// 21-27 came in): seconds per test when the two cores are shared with other work.
vi.setConfig({ testTimeout: 30_000 });
const dir = mkdtempSync(join(tmpdir(), 'import-upr-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const fresh = () => createDb(image);

/** Runs `import:upr` as a user would, on a copy of the seeded database; gives its exit status and output. */
function importUprCli(database: string, ...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'src/import-upr/index.ts', '--database', database, ...args], {
    encoding: 'utf8',
    cwd: join(import.meta.dirname, '../..'),
  });
}
const one = <T>(db: Db, sql: string, ...params: unknown[]) =>
  sqliteOf(db)
    .prepare(sql)
    .get(...params) as T;
const all = <T>(db: Db, sql: string, ...params: unknown[]) =>
  sqliteOf(db)
    .prepare(sql)
    .all(...params) as T[];
const version = (db: Db) => one<{ version: number }>(db, 'select version from dataVersion').version;
const count = (db: Db, table: string) => one<{ n: number }>(db, `select count(*) as n from ${table}`).n;
const TABLES = ['source', 'auditLog', 'uprSession', 'uprReview', 'uprRecommendation', 'uprLink', 'uprPledge'] as const;
/** Everything an import may touch, to show that nothing was written. */
const snapshot = (db: Db) => ({
  version: version(db),
  ...(Object.fromEntries(TABLES.map((t) => [t, count(db, t)])) as Record<(typeof TABLES)[number], number>),
});

/** Imports a real file of data/raw/upr/ as its bundled source. */
async function importBundled(db: Db, format: UprImportFormat, name: string, dryRun = false) {
  const source = await bundledSourceFor(db, rawPath(`upr/${name}`));
  if (!source) throw new Error(`no bundled source for ${name}`);
  return await importUprFile(db, { format, text: rawUpr(name), source, actor: 'test' }, { dryRun });
}

const UPR_INFO_01_05 = 'upr-info-export_2015_sessions-01-05.csv';
const noChange = { added: 0, changed: [] };

describe('re-importing the bundled raw files', () => {
  it.each([
    ['upr-info', UPR_INFO_01_05, 'recommendations'],
    ['ohchr-list', 'slovenia_upr-recommendations_cycles2-4_ohchr-thematic-lists.csv', 'recommendations'],
    ['calendar', 'upr_calendar_cycle4_sessions41-54.csv', 'reviews'],
  ] as const)('%s (%s) changes nothing: stable ids, merged reviews and sessions, data version kept', async (format, name, kind) => {
    const db = fresh();
    const before = snapshot(db);
    const { parsed, result } = await importBundled(db, format, name);
    expect(parsed.rejected).toEqual([]);
    expect(result).not.toBeNull();
    for (const d of Object.values(result!.diff)) expect(d).toMatchObject(noChange);
    expect(result!.diff[kind].unchanged).toBeGreaterThan(kind === 'reviews' ? 100 : 400);
    expect(result!.sourceAdded).toBe(false);
    expect(result!.warnings).toEqual([]);
    expect(snapshot(db)).toEqual(before);
  });

  it('a copy of the file without its last three rows changes nothing and says the three stored recommendations are kept', async () => {
    const db = fresh();
    const before = snapshot(db);
    const source = (await bundledSourceFor(db, rawPath(`upr/${UPR_INFO_01_05}`)))!;
    const shorter = rawUpr(UPR_INFO_01_05).split('\n').slice(0, -3).join('\n');
    const { result } = await importUprFile(db, { format: 'upr-info', text: shorter, source, actor: 'test' });
    expect(result!.diff.recommendations).toMatchObject(noChange);
    expect(result!.warnings).toEqual([
      `3 recommendation(s) of source ${source.id} in the database are not in this file; they are kept (an import never deletes)`,
    ]);
    expect(snapshot(db)).toEqual(before);
  });
});

describe('a re-export that changes what a recommendation says', () => {
  it('updates the record in place (same id and row), names the changed fields and keeps the record as it was in the audit log', async () => {
    const db = fresh();
    const source = (await bundledSourceFor(db, rawPath(`upr/${UPR_INFO_01_05}`)))!;
    const where =
      "text like 'Enact legislation and take effective measures to protect and promote women''s rights, especially%' and reviewId = 'AFG-5'";
    const stored = one<{ seq: number; id: string; response: string; themes: string; recommendingStates: string }>(
      db,
      `select seq, id, response, themes, recommendingStates from uprRecommendation where ${where}`,
    );
    expect(stored).toMatchObject({ response: 'supported', themes: JSON.stringify(['Rights of the Child', "Women's rights"]) });
    // Line 2 of the raw file: the response and the issues changed, the text and the recommending State not.
    const changed = replaceLine(rawUpr(UPR_INFO_01_05), 2, (line) =>
      line.replace(',Accepted,5,"Rights of the Child,Women\'s rights",5', ',Rejected,5,"Women\'s rights",5'),
    );
    const before = snapshot(db);
    const { result } = await importUprFile(db, { format: 'upr-info', text: changed, source, actor: 'test' });
    expect(result!.diff.recommendations.changed).toEqual([{ id: stored.id, fields: ['response', 'responseAsRecorded', 'themes'] }]);
    expect(result!.diff.recommendations.added).toBe(0);
    expect(
      one(db, `select seq, id, response, responseAsRecorded, themes, recommendingStates from uprRecommendation where ${where}`),
    ).toEqual({
      seq: stored.seq,
      id: stored.id,
      response: 'noted',
      responseAsRecorded: 'Rejected',
      themes: JSON.stringify(["Women's rights"]),
      recommendingStates: JSON.stringify([{ iso3: 'AUT', nameAsRecorded: 'Austria' }]),
    });
    const audit = one<{ action: string; before: string }>(
      db,
      "select action, before from auditLog where actor = 'test' and entity = 'uprRecommendation'",
    );
    expect(audit.action).toBe('update');
    expect(JSON.parse(audit.before)).toMatchObject({
      id: stored.id,
      response: 'supported',
      responseAsRecorded: 'Accepted',
      themes: ['Rights of the Child', "Women's rights"],
    });
    expect(snapshot(db)).toEqual({ ...before, version: before.version + 1, auditLog: before.auditLog + 1 });
  });
});

describe('importing into a database that lacks part of the bundled data', () => {
  it('adds deleted recommendations back (and a deleted review, as inferred), after a dry run that writes nothing', async () => {
    const db = fresh();
    // Every column but seq (the rows are new), with the instrument links.
    const recordsAndLinks = `select id, reviewId, session, cycle, stateUnderReviewIso3, paragraph, text, recommendingStates, response, responseAsRecorded,
         responseSource, actionCategory, themes, sdgs, affectedPersons, documentSymbol, documentDate, externalId, sourceId, sourceLine, implementation,
         (select json_group_array(instrumentId || ':' || action) from uprLink where recommendation = seq) as links
       from uprRecommendation where reviewId in ('AFG-5', 'BHR-1') order by id`;
    const original = all<{ id: string }>(db, recordsAndLinks);
    const bahrain = one(db, "select * from uprReview where id = 'BHR-1'");
    expect(original.length).toBeGreaterThan(100);
    sqliteOf(db).transaction(() => {
      sqliteOf(db).prepare("delete from uprRecommendation where reviewId in ('AFG-5', 'BHR-1')").run();
      sqliteOf(db).prepare("delete from uprReview where id = 'AFG-5'").run();
    })();

    const before = snapshot(db);
    const dry = (await importBundled(db, 'upr-info', UPR_INFO_01_05, true)).result!;
    expect(dry.dryRun).toBe(true);
    expect(dry.diff.recommendations.added).toBe(original.length);
    expect(dry.diff.reviews).toMatchObject({ added: 1, changed: [] });
    expect(snapshot(db)).toEqual(before);

    const { result } = await importBundled(db, 'upr-info', UPR_INFO_01_05);
    expect(result!.diff.recommendations).toMatchObject({ added: original.length, changed: [] });
    expect(result!.diff.reviews).toMatchObject({ added: 1, changed: [] });
    expect(version(db)).toBe(before.version + 1);
    // The review added, and one entry listing the recommendations added, citing the file's source.
    expect(count(db, 'auditLog')).toBe(before.auditLog + 2);
    expect(one(db, "select count(*) as n from auditLog where actor = 'test' and sourceId = 'upr-info-export-2015-sessions-01-05'")).toEqual(
      { n: 2 },
    );
    const batch = one(db, "select after from auditLog where actor = 'test' and entity = 'uprRecommendation'") as { after: string };
    expect((JSON.parse(batch.after) as string[]).sort()).toEqual(original.map((r) => r.id).sort());
    // And they are found by full-text search again.
    const readded = all(db, "select seq, text from uprRecommendation where reviewId in ('AFG-5', 'BHR-1')") as {
      seq: number;
      text: string;
    }[];
    for (const r of readded) {
      const phrase = `"${(r.text.match(/[\p{L}\p{N}]+/gu) ?? []).slice(0, 4).join(' ')}"`;
      const found = (
        all(db, 'select rowid from uprRecommendationFts where uprRecommendationFts match ?', phrase) as { rowid: number }[]
      ).map((f) => f.rowid);
      expect(found, r.text).toContain(r.seq);
    }

    // The same ids, records and links as the bundled seed.
    expect(all(db, recordsAndLinks)).toEqual(original);
    expect(one(db, "select * from uprReview where id = 'BHR-1'")).toEqual(bahrain);
    expect(one(db, "select * from uprReview where id = 'AFG-5'")).toEqual({
      id: 'AFG-5',
      stateIso3: 'AFG',
      session: 5,
      cycle: 1,
      status: 'held',
      statusAsRecorded: null,
      reviewDate: null,
      documents: '[]',
      sourceIds: '["upr-info-export-2015-sessions-01-05"]',
      note: INFERRED_HELD_NOTE,
    });

    const afterVersion = version(db);
    const again = (await importBundled(db, 'upr-info', UPR_INFO_01_05)).result!;
    for (const d of Object.values(again.diff)) expect(d).toMatchObject(noChange);
    expect(version(db)).toBe(afterVersion);
  });
});

describe('the thematic list document as text (ohchr-list-text)', () => {
  it("Slovenia's 2025 document puts back the 48th session's recommendations with the ids and records of the bundled CSV, citing the document", async () => {
    const db = fresh();
    const columns = 'id, paragraph, text, recommendingStates, response, responseSource, themes, sdgs, affectedPersons, documentSymbol';
    const bundled = all<{ id: string }>(db, `select ${columns} from uprRecommendation where reviewId = 'SVN-48' order by id`);
    expect(bundled).toHaveLength(254);
    sqliteOf(db).prepare("delete from uprRecommendation where reviewId = 'SVN-48'").run();
    const source = uprImportSource({
      title: 'OHCHR thematic list of recommendations, Slovenia, 48th session (text)',
      url: null,
      asOf: '2025-06-01',
    });
    const text = readImportFile(rawPath('upr/slovenia_ohchr-thematic-list_cycle4_session48_2025.md'));
    const { parsed, result } = await importUprFile(db, { format: 'ohchr-list-text', text, source, actor: 'test' });
    expect(parsed.rejected).toEqual([]);
    expect(result!.diff.recommendations).toMatchObject({ added: 254, changed: [] });
    expect(all(db, `select ${columns} from uprRecommendation where reviewId = 'SVN-48' order by id`)).toEqual(bundled);
    expect(one(db, "select count(*) as n from uprRecommendation where reviewId = 'SVN-48' and sourceId = ?", source.id)).toEqual({
      n: 254,
    });
  });
});

describe('refused input: nothing is applied', () => {
  /** The header and the first five real rows of the 2015 export, one with a broken session number. */
  const fiveRows = rawUpr(UPR_INFO_01_05).split('\n').slice(0, 6).join('\n') + '\n';
  const broken = replaceLine(fiveRows, 4, (line) => line.replace(/,5$/, ',95'));

  it('a bad row: reported with its line, the file is not applied', async () => {
    const db = fresh();
    const before = snapshot(db);
    const source = uprImportSource({ title: 'UPR Info export, five rows (test)', url: null, asOf: '2015-08-14' });
    const good = parseUprFile('upr-info', fiveRows, { sourceId: source.id, states: await stateResolverOf(db) });
    expect(good.rejected).toEqual([]);
    expect(good.dataset.recommendations).toHaveLength(5);

    const { parsed, result } = await importUprFile(db, { format: 'upr-info', text: broken, source, actor: 'test' });
    expect(result).toBeNull();
    expect(parsed.rejected).toEqual([{ line: 4, reason: 'session 95 is outside the known UPR cycles' }]);
    expect(snapshot(db)).toEqual(before);
  });

  it('the command line prints "line N: reason", exits 1 and leaves the database as it was', () => {
    const database = join(dir, 'cli.sqlite');
    writeFileSync(database, image);
    const file = join(dir, 'five-rows-broken.csv');
    writeFileSync(file, broken);
    const cli = (...args: string[]) =>
      spawnSync(
        process.execPath,
        ['--import', 'tsx', 'src/import-upr/index.ts', '--format', 'upr-info', '--file', file, '--database', database, ...args],
        {
          encoding: 'utf8',
          cwd: join(import.meta.dirname, '../..'),
        },
      );
    const refused = cli('--source-title', 'UPR Info export, five rows (test)', '--as-of', '2015-08-14');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('line 4: session 95 is outside the known UPR cycles');
    expect(refused.stderr).toContain('five-rows-broken.csv: 1 line refused (listed above): nothing imported');

    // Slovenia's 20th-session rows of the 2015 export: real rows the bundled data leaves out (it
    // keeps OHCHR's list of that review), so they are new to the database.
    const export1820 = rawUpr('upr-info-export_2015_sessions-18-20.csv').split('\n');
    writeFileSync(file, [export1820[0], ...export1820.filter((l) => /^Slovenia,.*,20$/.test(l)).slice(0, 5), ''].join('\n'));
    const dry = cli('--source-title', 'UPR Info export, five rows (test)', '--as-of', '2015-08-14', '--dry-run');
    expect(dry.stderr).toBe('');
    expect(dry.status).toBe(0);
    expect(dry.stdout).toContain('recommendations: 5 added, 0 changed, 0 unchanged');
    expect(dry.stdout).toContain('~ review SVN-20: sourceIds');
    expect(dry.stdout).toMatch(
      /warning: review SVN-20: this file adds 5 recommendation\(s\) to the \d+ from ohchr-thematic-lists-slovenia-sessions-20-34-48/,
    );
    expect(dry.stdout).toContain('(dry run: nothing written)');

    const db = createDb(database);
    expect(snapshot(db)).toEqual(snapshot(fresh()));
    return db.destroy();
  }, 30_000);

  it('the service refuses a whole file for one invalid record, an unknown State, or a source that differs', async () => {
    const db = fresh();
    const before = snapshot(db);
    const source = uprImportSource({ title: 'UPR Info export, five rows (test)', url: null, asOf: '2015-08-14' });
    const { dataset } = parseUprFile('upr-info', fiveRows, { sourceId: source.id, states: await stateResolverOf(db) });
    const [first, second, ...rest] = dataset.recommendations;
    const bad = {
      ...dataset,
      recommendations: [
        { ...first!, session: 95 },
        { ...second!, stateUnderReviewIso3: 'XYZ', reviewId: `XYZ-${second!.session}` },
        ...rest,
      ],
    };
    const error = await applyUprImport(db, { source, dataset: bad, actor: 'test' }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UprImportError);
    expect((error as UprImportError).problems).toEqual([
      expect.stringMatching(/^recommendation upr-info:5:AFG:[0-9a-f]{10} \(line 2\): session: session is outside the known UPR cycles/),
      expect.stringMatching(/^upr-info:5:AFG:[0-9a-f]{10} \(line 3\): unknown State XYZ$/),
    ]);

    const bundled = (await bundledSourceFor(db, rawPath(`upr/${UPR_INFO_01_05}`)))!;
    await expect(applyUprImport(db, { source: { ...bundled, asOf: '2016-01-01' }, dataset, actor: 'test' })).rejects.toThrow(
      /source upr-info-export-2015-sessions-01-05 already exists with other details \(asOf\)/,
    );
    expect(snapshot(db)).toEqual(before);
  });

  it('a calendar that says a review with recorded recommendations is only scheduled', async () => {
    const db = fresh();
    const name = 'upr_calendar_cycle4_sessions41-54.csv';
    const calendar = rawUpr(name);
    const line = calendar.split('\n').findIndex((l) => l.includes(',Slovenia,')) + 1;
    const text = replaceLine(calendar, line, (l) => l.replace(',held,', ',scheduled,'));
    const source = (await bundledSourceFor(db, rawPath(`upr/${name}`)))!;
    await expect(importUprFile(db, { format: 'calendar', text, source })).rejects.toThrow(
      /review SVN-48 is "scheduled" in the file, but recommendations of this review are recorded/,
    );
  });

  it('a workbook it cannot read, or a file that is not UTF-8, is refused with what to do', async () => {
    const xlsx = join(dir, 'export.xlsx');
    writeFileSync(xlsx, Buffer.from('PK\u0003\u0004rest', 'latin1'));
    expect(() => readImportFile(xlsx)).toThrow(InputFileError);
    expect(() => readImportFile(xlsx)).toThrow(
      /is an Excel workbook, not text: the upr-info, ohchr-list, uhri, calendar formats read \.xlsx workbooks/,
    );
    await expect(readUprFileContent(xlsx, 'upr-info')).rejects.toThrow(/export\.xlsx: not a readable \.xlsx workbook/);
    await expect(readUprFileContent(xlsx, 'uhri-json')).rejects.toThrow(/is an Excel workbook, but the uhri-json format is not a table/);
    const xls = join(dir, 'export.xls');
    writeFileSync(xls, Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]));
    await expect(readUprFileContent(xls, 'upr-info')).rejects.toThrow(
      /Excel 97-2003 workbook \(\.xls\), which is not read: open it and save it as an \.xlsx workbook/,
    );
    const macRoman = join(dir, 'mac-roman.csv');
    writeFileSync(macRoman, Buffer.concat([Buffer.from('To,Text\nA,b\nC\u00d5te,x\n', 'latin1')]));
    expect(() => readImportFile(macRoman)).toThrow(/is not UTF-8 text \(first bad byte on line 3\)/);
  });
});

describe('broken and hostile files: refused whole, with a short message, nothing written', () => {
  const ZAMBIA = 'upr-info-export_2015_sessions-14-17.csv';

  it('a file cut inside the session of its last row ("14" read as "1") is refused: Zambia would get a second review in cycle 1', async () => {
    const db = fresh();
    const before = snapshot(db);
    const source = (await bundledSourceFor(db, rawPath(`upr/${ZAMBIA}`)))!;
    const text = rawUpr(ZAMBIA);
    expect(text.endsWith(',14')).toBe(true);
    const cut = text.slice(0, -1);
    await expect(importUprFile(db, { format: 'upr-info', text: cut, source, actor: 'test' })).rejects.toThrow(
      /review ZMB-1 \(first on line 9599\) would be a second review of ZMB in cycle 1: ZMB-2 \(held\) is its review of that cycle/,
    );
    expect(snapshot(db)).toEqual(before);
  });

  it('a CSV cut inside a quoted text, or whose last row is cut short, is refused at the line of that row', async () => {
    const header = rawUpr('format-sample_uhri-export-xlsx_column-headers.csv').trim().split(',');
    const row = header.map(
      (h) =>
        ({
          Text: '140.7 Ratify the Optional Protocol, and accept its procedure (Maldives);',
          'Countries Concerned': '- Slovenia',
          'Reccomending Body': '- UPR',
          'UPR Reccomending States': '- Maldives',
          'UPR Position': '- Supported',
          'UPR Session': '- 48 Session',
        })[h] ?? '',
    );
    const whole = stringify([header, row]);
    const options = { sourceId: 'uhri-test', states: await stateResolverOf(fresh()) };
    expect(parseUprFile('uhri', whole, options).rejected).toEqual([]);
    // Cut in the middle of the second row's quoted text, and after its third cell.
    const secondRow = stringify([row]);
    expect(parseUprFile('uhri', whole + secondRow.slice(0, 20), options).rejected).toEqual([
      { line: 3, reason: 'not readable as CSV: Quoted field unterminated' },
    ]);
    const cutShort = whole + secondRow.slice(0, secondRow.indexOf('- UPR') + 5);
    expect(parseUprFile('uhri', cutShort, options).rejected).toEqual([{ line: 3, reason: 'expected 16 columns, found 3' }]);
  });

  it('checks the header before reading the rows: a file of another format is refused on line 1 at once', async () => {
    const options = { sourceId: 'upr-info-test', states: await stateResolverOf(fresh()) };
    // A quote left open further down would fail the whole parse; the header is what is wrong.
    const parsed = parseUprFile('upr-info', `Name,Text\nx,"never closed\n${'y,z\n'.repeat(1000)}`, options);
    expect(parsed.rejected).toEqual([{ line: 1, reason: 'not a UPR Info export header: "Name,Text"' }]);
    // A header of junk is quoted shortened, not whole.
    const junk = parseUprFile('upr-info', `${'x'.repeat(100_000)}\n`, options);
    expect(junk.rejected[0]!.reason.length).toBeLessThan(300);
  });

  it('a file that is binary (NUL bytes), UTF-16, not UTF-8, or far larger than any real export is refused before it is parsed', async () => {
    const write = (name: string, bytes: Buffer) => {
      const path = join(dir, name);
      writeFileSync(path, bytes);
      return path;
    };
    const nul = write('nul.csv', Buffer.from('To,Text\nChad,a\u0000b\n', 'utf8'));
    await expect(readUprFileContent(nul, 'upr-info')).rejects.toThrow(/nul\.csv is not text: it has a NUL byte on line 2/);
    const utf16 = write('utf16.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('To,Text\n', 'utf16le')]));
    await expect(readUprFileContent(utf16, 'upr-info')).rejects.toThrow(/utf16\.csv is UTF-16 text: save it as UTF-8/);
    const latin1 = write('latin1.csv', Buffer.from("To,Text\nChad,x\nC\u00f4te d'Ivoire,y\n", 'latin1'));
    await expect(readUprFileContent(latin1, 'upr-info')).rejects.toThrow(
      /latin1\.csv is not UTF-8 text \(first bad byte on line 3\): .*Latin-1 .*save it as UTF-8/,
    );
    // A UTF-8 byte order mark is fine.
    const bom = write('bom.csv', Buffer.from('\ufeffTo,Text\n', 'utf8'));
    await expect(readUprFileContent(bom, 'upr-info')).resolves.toBe('To,Text\n');
    // 101 MB (a sparse file: nothing is written, nothing may be read).
    const huge = write('huge.csv', Buffer.from(''));
    truncateSync(huge, 101 * 1024 * 1024);
    await expect(readUprFileContent(huge, 'upr-info')).rejects.toThrow(/huge\.csv is 101\.0 MB, more than the 100 MB import:upr reads/);
    expect(() => readImportFile(huge)).toThrow(/more than the 100 MB/);
  });

  it('the command line: a header without rows ("no rows"), a thousand bad rows (20 listed), a javascript: address; exit 1, nothing written', () => {
    const database = join(dir, 'refusals.sqlite');
    writeFileSync(database, image);
    const source = ['--source-title', 'Refusal test', '--as-of', '2015-08-14'];
    const file = join(dir, 'refused.csv');
    const header = rawUpr(UPR_INFO_01_05).split('\n')[0]!;

    writeFileSync(file, `${header}\n`);
    const noRows = importUprCli(database, '--format', 'upr-info', '--file', file, ...source);
    expect(noRows.status).toBe(1);
    expect(noRows.stderr).toContain('refused.csv: no rows: the file has no data rows, only a header; nothing imported');

    writeFileSync(file, `${header}\n${'Chad,x\n'.repeat(1000)}`);
    const many = importUprCli(database, '--format', 'upr-info', '--file', file, ...source);
    expect(many.status).toBe(1);
    expect(many.stderr.match(/^line \d+: expected 11 columns, found 2$/gm)).toHaveLength(20);
    expect(many.stderr).toContain('… and 980 more');
    expect(many.stderr.split('\n').length).toBeLessThan(30);

    writeFileSync(file, rawUpr(UPR_INFO_01_05).split('\n').slice(0, 3).join('\n'));
    const script = importUprCli(database, '--format', 'upr-info', '--file', file, '--source-url', 'javascript:alert(1)', ...source);
    expect(script.status).not.toBe(0);
    expect(script.stderr).toMatch(/--source-url "javascript:alert\(1\)" is not an http:\/\/ or https:\/\/ address/);

    const db = createDb(database);
    expect(snapshot(db)).toEqual(snapshot(fresh()));
    return db.destroy();
  }, 60_000);
});

describe('UHRI exports', () => {
  /** The real header of a UHRI "Export to Excel" (format sample), with rows in its documented cell style. */
  const header = rawUpr('format-sample_uhri-export-xlsx_column-headers.csv').trim().split(',');
  const row = (cells: Record<string, string>) => header.map((h) => cells[h] ?? '');
  const upr = {
    Text: '140.7 Ratify the Optional Protocol to the International Covenant on Economic, Social and Cultural Rights (Maldives) (Portugal);',
    'Countries Concerned': '- Slovenia',
    'Reccomending Body': '- UPR',
    'Document Symbol': 'A/HRC/59/15',
    Themes: '- Ratification of & accession to international instruments',
    'Document Publication Date': '45755',
    'UPR Reccomending States': '- Maldives\n- Portugal',
    'UPR Position': '- Supported',
    'OHCHR Annotation Id': '00000000-0000-4000-8000-000000000001',
    'UPR Session': '- 48 Session',
  };
  const csv = stringify([
    header,
    row(upr),
    row({ Text: 'Rural women 49.The Committee notes with concern', 'Countries Concerned': '- Iraq', 'Reccomending Body': '- CEDAW' }),
    row({
      ...upr,
      Text: '140.9 Consider acceding to the Optional Protocol (Rwanda);',
      'Countries Concerned': "- Côte d'Ivoire",
      'UPR Reccomending States': '- Rwanda',
      'UPR Session': '- 47 Session',
    }),
  ]);

  it('reads the export layout, adds its UPR rows under a new source, warns of a review recorded by two sources, and changes nothing the second time', async () => {
    const db = fresh();
    const source = uprImportSource({
      title: 'UHRI export, Slovenia and Côte d’Ivoire (test)',
      url: 'https://uhri.ohchr.org/en/',
      asOf: '2026-04-13',
    });
    const before = snapshot(db);
    const { parsed, result } = await importUprFile(db, { format: 'uhri', text: csv, source, actor: 'test' });
    expect(parsed).toMatchObject({ rejected: [], skipped: 1 });
    expect(result!.diff.recommendations).toMatchObject({ added: 2, changed: [] });
    // Both reviews exist (calendar, OHCHR list): they now cite the UHRI source too.
    expect(result!.diff.reviews.changed).toEqual([
      { id: 'CIV-47', fields: ['documents', 'sourceIds'] },
      { id: 'SVN-48', fields: ['sourceIds'] },
    ]);
    expect(result!.sourceAdded).toBe(true);
    expect(result!.warnings).toEqual([
      expect.stringMatching(
        /^review SVN-48: this file adds 1 recommendation\(s\) to the \d+ from ohchr-thematic-lists-slovenia-sessions-20-34-48; .* counted twice$/,
      ),
    ]);
    expect(one(db, 'select id, title from source where id = ?', source.id)).toEqual({ id: source.id, title: source.title });
    expect(one(db, "select paragraph, documentDate, externalId from uprRecommendation where id like 'uhri:48:SVN:%'")).toEqual({
      paragraph: '140.7',
      documentDate: '2025-04-08',
      externalId: '00000000-0000-4000-8000-000000000001',
    });
    expect(version(db)).toBe(before.version + 1);

    const after = snapshot(db);
    const again = (await importUprFile(db, { format: 'uhri', text: csv, source, actor: 'test' })).result!;
    for (const d of Object.values(again.diff)) expect(d).toMatchObject(noChange);
    expect(snapshot(db)).toEqual(after);
  });

  it('the full JSON export: records of other mechanisms are skipped; with nothing to write, the source is not registered', async () => {
    const db = fresh();
    const before = snapshot(db);
    const source = uprImportSource({ title: 'UHRI full export, one record (test)', url: null, asOf: '2025-03-03' });
    const { parsed, result } = await importUprFile(db, {
      format: 'uhri-json',
      text: readImportFile(rawPath('upr/format-sample_uhri-export-full-en-json_one-record.json')),
      source,
    });
    expect(parsed).toMatchObject({ rows: 1, skipped: 1, rejected: [] });
    expect(result!.sourceAdded).toBe(false);
    expect(snapshot(db)).toEqual(before);
  });

  it('a header that is not the export layout is refused on line 1', async () => {
    const db = fresh();
    const { parsed, result } = await importUprFile(db, {
      format: 'uhri',
      text: 'Text,Country\nx,y\n',
      source: uprImportSource({ title: 't', url: null, asOf: '2026-01-01' }),
    });
    expect(result).toBeNull();
    expect(parsed.rejected).toEqual([
      { line: 1, reason: expect.stringMatching(/^not a UHRI export header; missing: Countries Concerned, /) },
    ]);
  });
});

describe('Excel workbooks (.xlsx)', () => {
  it('the UPR Info sample as a workbook gives the records of its CSV, each citing its row in the sheet', async () => {
    const name = 'format-sample_upr-info-database-export-xls-2015_first-25-rows.csv';
    const text = rawUpr(name);
    const [header, ...rows] = parse(text, { relax_column_count: false }) as string[][];
    // As Excel holds it: Action and Session as numbers; an empty first row puts the header on row 2.
    const numeric = new Set([8, 10]);
    const sheet = [[null], header!, ...rows.map((r) => r.map((c, i) => (numeric.has(i) && c !== '' ? Number(c) : c)))];
    const file = join(dir, 'upr-info-sample.xlsx');
    writeFileSync(file, await writeExcelFile(sheet as never).toBuffer());
    const options = { sourceId: 'upr-info-test', states: await stateResolverOf(fresh()) };
    const fromCsv = parseUprFile('upr-info', text, options);
    const fromWorkbook = parseUprFile('upr-info', await readUprFileContent(file, 'upr-info'), options);
    expect(fromWorkbook.rejected).toEqual([]);
    expect(fromWorkbook.layout).toBe('original');
    expect(fromWorkbook.dataset.recommendations).toHaveLength(25);
    expect(fromWorkbook.dataset.recommendations).toEqual(
      fromCsv.dataset.recommendations.map((r) => ({ ...r, sourceLine: r.sourceLine + 1 })),
    );
  });

  it('a UHRI export as downloaded: one value per line in a cell, a date cell, refused rows named by their row', async () => {
    const header = rawUpr('format-sample_uhri-export-xlsx_column-headers.csv').trim().split(',');
    const row = (cells: Record<string, unknown>) => header.map((h) => cells[h] ?? null);
    const upr = {
      Text: '140.7 Ratify the Optional Protocol to the International Covenant on Economic, Social and Cultural Rights (Maldives) (Portugal);',
      'Countries Concerned': '- Slovenia',
      'Reccomending Body': '- UPR',
      'Document Symbol': 'A/HRC/59/15',
      'Document Publication Date': { value: new Date(Date.UTC(2025, 3, 8)), format: 'dd/mm/yyyy' },
      'UPR Reccomending States': '- Maldives\n- Portugal',
      'UPR Position': '- Supported',
      'UPR Session': '- 48 Session',
    };
    const file = join(dir, 'uhri.xlsx');
    const sheet = [
      header,
      row(upr),
      row({ Text: 'Rural women 49.The Committee notes with concern', 'Countries Concerned': '- Iraq', 'Reccomending Body': '- CEDAW' }),
      row({ ...upr, 'UPR Session': '- 95 Session' }),
    ];
    writeFileSync(file, await writeExcelFile(sheet as never).toBuffer());
    const parsed = parseUprFile('uhri', await readUprFileContent(file, 'uhri'), {
      sourceId: 'uhri-test',
      states: await stateResolverOf(fresh()),
    });
    expect(parsed.rejected).toEqual([{ line: 4, reason: expect.stringContaining('session 95 is outside the known UPR cycles') }]);
    expect(parsed.skipped).toBe(1);
    expect(parsed.dataset.recommendations).toEqual([
      expect.objectContaining({
        paragraph: '140.7',
        documentDate: '2025-04-08',
        recommendingStates: [
          { iso3: 'MDV', nameAsRecorded: 'Maldives' },
          { iso3: 'PRT', nameAsRecorded: 'Portugal' },
        ],
        response: 'supported',
        sourceLine: 2,
      }),
    ]);
  });
});

describe('progress bar', () => {
  const sink = (isTTY: boolean) => {
    const chunks: string[] = [];
    return { chunks, stream: { isTTY, write: (c: string) => chunks.push(c) } };
  };

  it('shows percent, rows done of the total and rows per second', () => {
    expect(progressLine(20_000, 40_000, 1000, 10)).toBe('[#####.....]  50%  20,000/40,000 rows  20,000 rows/s');
  });

  it('on a terminal redraws at most every 100 ms; elsewhere prints one final line', () => {
    let t = 0;
    const tty = sink(true);
    const bar = createProgressBar('importing', { stream: tty.stream, now: () => t });
    for (let done = 1000; done <= 10_000; done += 1000) {
      t += 30;
      bar.update(done, 10_000);
    }
    bar.finish();
    // Drawn at 30, 150, 270 ms and at the end (10,000 of 10,000), then the final line.
    expect(tty.chunks.filter((c) => c.startsWith('\r'))).toHaveLength(5);
    expect(tty.chunks.at(-1)).toBe('\n');

    const log = sink(false);
    t = 0;
    const quiet = createProgressBar('importing', { stream: log.stream, now: () => t });
    t = 400;
    quiet.update(5000, 10_000);
    t = 750;
    quiet.update(10_000, 10_000);
    quiet.finish();
    expect(log.chunks).toEqual(['importing 10,000/10,000 rows in 0.8 s (13,333 rows/s)\n']);
  });
});
