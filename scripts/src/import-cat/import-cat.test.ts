import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  applyCatImport,
  CatImportError,
  type CatReport,
  type CatReportingState,
  catReportingStatuses,
  createDb,
  sqliteOf,
  toEngineInstrument,
} from '@tracker/api';
import { importCatFile } from './import-cat.js';
import { importSource, parseDate, parseOhchrReportingStatus, parseReportNumbers, parseTrackerCsv } from './parse.js';
import { seededImage } from '../test-support/seeded-image.js';

type Db = ReturnType<typeof createDb>;

/** The migrated database seeded with the bundled dataset, once per run (api/test/global-setup.ts); each test gets its own in-memory copy. */
const image = seededImage();
const dir = mkdtempSync(join(tmpdir(), 'import-cat-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function seededDb() {
  return createDb(image);
}

/** Everything an import may touch, to show that nothing was written. */
const snapshot = (db: Db) => {
  const count = (table: string) => (sqliteOf(db).prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
  const { version } = sqliteOf(db).prepare('select version from dataVersion').get() as { version: number };
  return { version, ...Object.fromEntries(['source', 'auditLog', 'catReport', 'catReportingState'].map((t) => [t, count(t)])) };
};

/** Writes `content` to a file of the test's directory and gives its path. */
function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/**
 * Kiribati's initial report as data/raw/cat-reporting/cat_state-reporting-history_sample-17-states.csv
 * records it (line 24), written in the tracker's import format.
 */
const KIRIBATI = [
  'state_iso3,report,procedure,document_symbol,due_date,received_on,session,dialogue_from,dialogue_to,concluding_observations_adopted,note,history_complete_to',
  'KIR,initial,standard,CAT/C/KIR/1,2020,2023-08-02,78,2023-11-06,2023-11-07,2023-11-20,"acceded 2019; three years late",2026-04-22',
].join('\n');
const source = importSource({
  title: 'Kiribati reporting history (test import)',
  url: 'https://tbinternet.ohchr.org/_layouts/15/TreatyBodyExternal/Countries.aspx?CountryCode=KIR',
  asOf: '2026-04-22',
});

/** The state's situation on `asOf` as the API computes it, from what is in the database. */
async function situationOf(db: Db, iso3: string, asOf: string) {
  const uncat = await db.selectFrom('instrument').selectAll().where('id', '=', 'uncat').executeTakeFirstOrThrow();
  const parse = <T>(rows: { record: string }[]) => rows.map((r) => JSON.parse(r.record) as T);
  const [status] = catReportingStatuses(
    {
      uncatInstrument: toEngineInstrument({
        ...uncat,
        entryIntoForceRule: JSON.parse(uncat.entryIntoForceRule),
        withdrawalRule: uncat.withdrawalRule ? JSON.parse(uncat.withdrawalRule) : null,
        sourceIds: [],
      }),
      uncatEvents: await db.selectFrom('participationEvent').selectAll().where('instrumentId', '=', 'uncat').execute(),
      reports: parse<CatReport>(await db.selectFrom('catReport').select('record').execute()),
      followUpLists: parse(await db.selectFrom('catFollowUpList').select('record').execute()),
      sessions: parse(await db.selectFrom('catSession').select('record').execute()),
      states: parse<CatReportingState>(await db.selectFrom('catReportingState').select('record').execute()),
    },
    [iso3],
    asOf,
  );
  return status!;
}

/** Removes a state's reporting history, as if the bundled data had none for it. */
async function forget(db: Db, iso3: string) {
  await db.deleteFrom('catReport').where('stateIso3', '=', iso3).execute();
  await db.deleteFrom('catReportingState').where('stateIso3', '=', iso3).execute();
}

const version = async (db: Db) => (await db.selectFrom('dataVersion').select('version').executeTakeFirstOrThrow()).version;

describe('parseDate and parseReportNumbers', () => {
  it('reads the date forms of ISO files and OHCHR pages, and refuses impossible days', () => {
    expect(parseDate('2011-06-03')).toEqual({ date: '2011-06-03', precision: 'day' });
    expect(parseDate('3 Jun 2015')).toEqual({ date: '2015-06-03', precision: 'day' });
    expect(parseDate('03 June 2015')).toEqual({ date: '2015-06-03', precision: 'day' });
    expect(parseDate('03/06/2015')).toEqual({ date: '2015-06-03', precision: 'day' });
    expect(parseDate('2020')).toEqual({ date: '2020-01-01', precision: 'year' });
    expect(parseDate('November 2025')).toEqual({ date: '2025-11-01', precision: 'month' });
    expect(parseDate('2023-02-30')).toBeNull();
    expect(parseDate('soon')).toBeNull();
  });

  it('reads report labels as the sources and OHCHR write them', () => {
    expect(parseReportNumbers('initial')).toEqual({ number: 1, lastNumber: 1 });
    expect(parseReportNumbers('Initial report')).toEqual({ number: 1, lastNumber: 1 });
    expect(parseReportNumbers('4th periodic')).toEqual({ number: 4, lastNumber: 4 });
    expect(parseReportNumbers('Second periodic report')).toEqual({ number: 2, lastNumber: 2 });
    expect(parseReportNumbers('6th-7th periodic (combined)')).toEqual({ number: 6, lastNumber: 7 });
    expect(parseReportNumbers('Fifth and sixth periodic reports (combined)')).toEqual({ number: 5, lastNumber: 6 });
    expect(parseReportNumbers('5-6')).toEqual({ number: 5, lastNumber: 6 });
    expect(parseReportNumbers('7-6')).toBeNull();
    expect(parseReportNumbers('common core document')).toBeNull();
  });
});

describe('parseTrackerCsv', () => {
  it('reads Kiribati’s real initial report into a record with ISO dates and the import’s source', () => {
    const parsed = parseTrackerCsv(KIRIBATI, source);
    expect(parsed.problems).toEqual([]);
    expect(parsed.historyCompleteTo).toEqual({ KIR: '2026-04-22' });
    expect(parsed.reports).toEqual([
      expect.objectContaining({
        id: 'KIR:1',
        procedure: 'standard',
        dueRecorded: { date: '2020-01-01', precision: 'year' },
        receivedOn: { date: '2023-08-02', precision: 'day' },
        dialogueSession: 78,
        dialogueDates: { from: '2023-11-06', to: '2023-11-07', precision: 'day' },
        concludingObservationsAdopted: { from: '2023-11-20', to: '2023-11-20', precision: 'day' },
        sourceId: source.id,
      }),
    ]);
  });

  it('names every bad cell with its line, and unknown columns', () => {
    const bad = ['state_iso3,report,due_date,received_on,procedure,session,colour', 'KIR,initial,2020,2023-08-02,standard,78,blue'].join(
      '\n',
    );
    expect(parseTrackerCsv(bad, source).problems).toEqual([expect.stringContaining('unknown column "colour"')]);
    const rows = [
      'state_iso3,report,due_date,received_on,procedure,session',
      'Kiribati,initial,2020,,,',
      'KIR,first draft,2020,,,',
      'KIR,2nd periodic,2024-02-30,,fast,-3',
    ].join('\n');
    const { problems } = parseTrackerCsv(rows, source);
    expect(problems).toEqual([
      'line 2: state_iso3: "Kiribati" is not an ISO 3166-1 alpha-3 code',
      'line 3: report: cannot read "first draft" (e.g. "initial", "2nd periodic", "5-6")',
      'line 4: procedure: "fast" is neither "standard" nor "simplified"',
      'line 4: session: "-3" is not a session number',
      'line 4: due_date: cannot read the date "2024-02-30" (use YYYY-MM-DD, YYYY-MM or YYYY)',
    ]);
  });
});

describe('parseOhchrReportingStatus', () => {
  it('keeps the CAT rows of a per-country table, skips other treaties, and refuses a table without the columns it needs', () => {
    const table = [
      'Treaty,Report,Due date,Date received,Symbol,Status',
      'CAT,Initial report,21 Aug 2020,02 Aug 2023,CAT/C/KIR/1,Concluded',
      'CRC,Combined second to fourth periodic reports,10 Jan 2018,,,Overdue',
    ].join('\n');
    const parsed = parseOhchrReportingStatus(table, source, { stateIso3: 'KIR' });
    expect(parsed.problems).toEqual([]);
    expect(parsed.skipped).toEqual([{ line: 3, reason: 'treaty "CRC" is not CAT' }]);
    expect(parsed.reports).toEqual([
      expect.objectContaining({
        id: 'KIR:1',
        dueRecorded: { date: '2020-08-21', precision: 'day' },
        receivedOn: { date: '2023-08-02', precision: 'day' },
        documentSymbol: 'CAT/C/KIR/1',
        otherEvents: 'OHCHR status: Concluded',
      }),
    ]);
    const wrong = parseOhchrReportingStatus('Name,When\nx,y', source, { stateIso3: 'KIR' });
    expect(wrong.problems[0]).toMatch(/^no "report" column: expected one of "report"/);
  });
});

describe('applyCatImport', () => {
  it('completes a state’s missing history: Kiribati’s real initial report brings back its follow-up established as overdue', async () => {
    const db = await seededDb();
    const seeded = await situationOf(db, 'KIR', '2026-04-22');
    expect(seeded.situation).toBe('follow-up-overdue');
    await forget(db, 'KIR');
    const forgotten = await situationOf(db, 'KIR', '2026-04-22');
    expect(forgotten.completeness).toBe('none');

    const parsed = parseTrackerCsv(KIRIBATI, source);
    const input = { source, reports: parsed.reports, historyCompleteTo: parsed.historyCompleteTo, actor: 'test' };
    const before = await version(db);
    const dry = await applyCatImport(db, input, { dryRun: true });
    expect(dry.added.map((r) => r.id)).toEqual(['KIR:1']);
    expect(dry.histories.map((h) => [h.before?.completeness ?? null, h.after.completeness])).toEqual([[null, 'complete']]);
    expect(await version(db)).toBe(before);
    expect(await db.selectFrom('catReport').where('stateIso3', '=', 'KIR').select('id').execute()).toEqual([]);

    await applyCatImport(db, input, { dryRun: false });
    const imported = await situationOf(db, 'KIR', '2026-04-22');
    expect(imported).toMatchObject({ completeness: 'complete', situation: 'follow-up-overdue' });
    expect(imported.followUps[0]).toMatchObject({ due: { date: '2024-11-20', basis: 'computed' }, status: 'overdue' });
    // The initial report's due date is computed from entry into force, and agrees with the recorded year.
    expect(imported.reports[0]!.due).toMatchObject({ date: '2020-08-21', basis: 'computed', asStated: '2020' });
    const audit = await db.selectFrom('auditLog').select(['entity', 'entityId']).where('actor', '=', 'test').execute();
    expect(audit).toEqual(
      expect.arrayContaining([
        { entity: 'catReport', entityId: 'KIR:1' },
        { entity: 'catReportingState', entityId: 'KIR' },
        { entity: 'source', entityId: source.id },
      ]),
    );

    const after = await version(db);
    const again = await applyCatImport(db, input, { dryRun: false });
    expect(again).toMatchObject({ added: [], changed: [], unchanged: 1, histories: [] });
    expect(await version(db)).toBe(after);
    // The same source with its fields in another order is the same source; another as-of date is not.
    const reordered = Object.fromEntries(Object.entries(source).reverse()) as typeof source;
    expect(await applyCatImport(db, { ...input, source: reordered }, { dryRun: false })).toMatchObject({ added: [], changed: [] });
    await expect(applyCatImport(db, { ...input, source: { ...source, asOf: '2026-05-01' } }, { dryRun: false })).rejects.toThrow(
      /source import-cat-kiribati-reporting-history-test-import-[0-9a-f]{8} already exists with other details \(asOf\)/,
    );
    await db.destroy();
  });

  it('applies nothing when any part of the file is wrong: an unknown state, or a history claimed complete with a report missing', async () => {
    const db = await seededDb();
    const before = await db.selectFrom('catReport').select('record').orderBy('id').execute();
    const twoStates = parseTrackerCsv(`${KIRIBATI}\nXYZ,initial,2020,,,,,,,,,`, source);
    await expect(
      applyCatImport(db, { source, reports: twoStates.reports, historyCompleteTo: {}, actor: 'test' }, { dryRun: false }),
    ).rejects.toThrow(/unknown state XYZ/);
    const gap = parseTrackerCsv(
      ['state_iso3,report,received_on,history_complete_to', 'DZA,3rd periodic,2006-01-01,2026-04-22'].join('\n'),
      source,
    );
    const error = await applyCatImport(
      db,
      { source, reports: gap.reports, historyCompleteTo: gap.historyCompleteTo, actor: 'test' },
      { dryRun: false },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CatImportError);
    expect((error as CatImportError).problems).toEqual(['DZA: the file says its history is complete, but reports 1, 2 are not recorded']);
    expect(await db.selectFrom('catReport').select('record').orderBy('id').execute()).toEqual(before);
    await db.destroy();
  });

  it('a report added without a claim of completeness leaves the history partial, so nothing becomes overdue by it', async () => {
    const db = await seededDb();
    await forget(db, 'KIR');
    const parsed = parseTrackerCsv(KIRIBATI.replace(',2026-04-22\n', ',\n').replace(/,2026-04-22$/, ','), source);
    expect(parsed.historyCompleteTo).toEqual({});
    await applyCatImport(db, { source, reports: parsed.reports, historyCompleteTo: {}, actor: 'test' }, { dryRun: false });
    const status = await situationOf(db, 'KIR', '2026-04-22');
    expect(status.completeness).toBe('partial');
    expect(status.establishedOverdue.filter((o) => o.kind === 'report')).toEqual([]);
    await db.destroy();
  });
});

describe('broken and hostile files: refused whole, with a short message, nothing written', () => {
  const cli = (database: string, ...args: string[]) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'src/import-cat/index.ts', '--database', database, ...args], {
      encoding: 'utf8',
      cwd: join(import.meta.dirname, '../..'),
    });
  const described = ['--source-title', 'Kiribati reporting history (test import)', '--as-of', '2026-04-22'];

  it('the command line refuses a Latin-1 file (by line, with what to do), a header without rows, and a javascript: address: exit 1, nothing written', () => {
    const database = file('cli.sqlite', image);
    const latin1 = file('latin1.csv', Buffer.from(`${KIRIBATI}\nKIR,2nd periodic,,,,,,,,,"Rapport re\u00e7u en retard",\n`, 'latin1'));
    const refused = cli(database, '--file', latin1, ...described);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toMatch(
      /latin1\.csv is not UTF-8 text \(first bad byte on line 3\): it may be Latin-1 or Windows-1252.*save it as UTF-8/,
    );

    const headerOnly = file('header-only.csv', `${KIRIBATI.split('\n')[0]}\n`);
    const empty = cli(database, '--file', headerOnly, ...described);
    expect(empty.status).toBe(1);
    expect(empty.stderr).toContain('no rows: the file has a header but no data rows');

    const kiribati = file('kiribati.csv', KIRIBATI);
    const script = cli(database, '--file', kiribati, ...described, '--source-url', 'javascript:alert(document.cookie)');
    expect(script.status).not.toBe(0);
    expect(script.stderr).toContain('--source-url "javascript:alert(document.cookie)" is not an http:// or https:// address');

    const db = createDb(database);
    expect(snapshot(db)).toEqual(snapshot(createDb(image)));
    return db.destroy();
  }, 60_000);

  it('refuses a file with no rows, or an OHCHR table with no CAT row, and the service writes nothing for an import of nothing', async () => {
    const db = await seededDb();
    const before = snapshot(db);
    const headerOnly = file('header-only.csv', 'state_iso3,report\r\n');
    await expect(importCatFile(db, { path: headerOnly, format: 'tracker', source, dryRun: false })).rejects.toThrow(
      /no rows: the file has a header but no data rows/,
    );
    const otherTreaties = file('crc-only.csv', 'Treaty,Report,Due date\nCRC,Initial report,10 Jan 2018\n');
    await expect(importCatFile(db, { path: otherTreaties, format: 'ohchr', stateIso3: 'KIR', source, dryRun: false })).rejects.toThrow(
      /no CAT rows: 1 row of other treaties skipped/,
    );
    await expect(applyCatImport(db, { source, reports: [], historyCompleteTo: {}, actor: 'test' }, { dryRun: false })).rejects.toThrow(
      CatImportError,
    );
    expect(snapshot(db)).toEqual(before);
    await db.destroy();
  });

  it('refuses binary, oversized and junk files before parsing them, naming the header when it is the wrong one', async () => {
    const db = await seededDb();
    const before = snapshot(db);
    const refuse = (path: string, format: 'tracker' | 'ohchr' = 'tracker') =>
      importCatFile(db, { path, format, stateIso3: 'KIR', source, dryRun: false });
    await expect(refuse(file('nul.csv', `${KIRIBATI}\u0000`))).rejects.toThrow(/nul\.csv is not text: it has a NUL byte on line 2/);
    const huge = file('huge.csv', '');
    truncateSync(huge, 11 * 1024 * 1024);
    await expect(refuse(huge)).rejects.toThrow(/huge\.csv is 11\.0 MB, more than the 10 MB import:cat reads/);
    // A quote left open further down does not hide that the header is not the format's.
    const wrong = file('wrong.csv', `Name,When\nx,"never closed\n${'y,z\n'.repeat(1000)}`);
    await expect(refuse(wrong)).rejects.toThrow(/unknown columns "name", "when"/);
    await expect(refuse(wrong, 'ohchr')).rejects.toThrow(/no "report" column/);
    expect(snapshot(db)).toEqual(before);
    await db.destroy();
  });

  it('lists the first 20 problems and counts the others', () => {
    const error = new CatImportError(
      Array.from({ length: 1000 }, (_, i) => `line ${i + 2}: state_iso3: "x" is not an ISO 3166-1 alpha-3 code`),
    );
    const lines = error.message.split('\n');
    expect(lines[0]).toBe('The import is not applied: 1000 problems:');
    expect(lines.filter((l) => l.startsWith('  - line '))).toHaveLength(20);
    expect(lines.at(-1)).toBe('    … and 980 more');
  });
});
