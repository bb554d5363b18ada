import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb, sqliteOf } from '@tracker/api';
import { rawPath } from '../normalise/paths.js';
import { formatDiff, importUntcStatusPage, readStatusPageFile } from './import-untc.js';
import { seededImage } from '../test-support/seeded-image.js';

const uncatPage = readFileSync(rawPath('treaties/raw/untc-html/IV-9_uncat_2026-02-03.html'), 'utf8');
const opcatPage = readFileSync(rawPath('treaties/raw/untc-html/IV-9-b_opcat_2026-02-03.html'), 'utf8');

/** The migrated database seeded with the bundled dataset, once per run (api/test/global-setup.ts); each test gets its own in-memory copy. */
const image = seededImage();
const dir = mkdtempSync(join(tmpdir(), 'import-untc-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function seededDb() {
  return createDb(image);
}

/** Everything an import may touch, to show that nothing was written. */
const snapshot = (db: ReturnType<typeof createDb>) => {
  const count = (table: string) => (sqliteOf(db).prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
  const { version } = sqliteOf(db).prepare('select version from dataVersion').get() as { version: number };
  return { version, source: count('source'), auditLog: count('auditLog'), participationEvent: count('participationEvent') };
};

const eventsOf = (db: Awaited<ReturnType<typeof seededDb>>, instrumentId: 'uncat' | 'opcat') =>
  db.selectFrom('participationEvent').selectAll().where('instrumentId', '=', instrumentId).orderBy('id').execute();

// A later page: Djibouti's accession date corrected, Brunei Darussalam ratifying (so 176 parties).
const laterPage = uncatPage
  .replace('STATUS AS AT : 03-02-2026', 'STATUS AS AT : 01-04-2026')
  .replace(/(Parties :\s*)175/, '$1176')
  .replace(/(<td>Djibouti<br><\/td>\s*<td>&nbsp;<\/td>\s*<td> &nbsp;)5 Nov/, '$16 Nov')
  .replace(/(Brunei Darussalam<\/A><br><\/td>\s*<td>[^<]*<br><\/td>\s*<td>)&nbsp;(<\/td>)/, '$1 2 Mar\t 2026 <br>$2');

describe('importUntcStatusPage', () => {
  it.each([
    ['uncat', uncatPage, 437],
    ['opcat', opcatPage, 180],
  ] as const)('re-importing the saved %s page reproduces exactly the bundled events', async (instrumentId, html, count) => {
    const db = await seededDb();
    const before = await eventsOf(db, instrumentId);
    const { diff, statusAsAt } = await importUntcStatusPage(db, { instrumentId, html, dryRun: false });
    expect(statusAsAt).toBe('2026-02-03');
    expect(formatDiff(diff)).toEqual([]);
    expect(diff.unchanged).toBe(count);
    expect(await eventsOf(db, instrumentId)).toEqual(before);
    await db.destroy();
  });

  it('shows what a newer page changes in a dry run, and writes nothing', async () => {
    const db = await seededDb();
    const before = await eventsOf(db, 'uncat');
    const { diff } = await importUntcStatusPage(db, { instrumentId: 'uncat', html: laterPage, dryRun: true });
    expect(diff.added.map((e) => e.id)).toEqual(
      expect.arrayContaining(['uncat:DJI:accession:2002-11-06', 'uncat:BRN:ratification:2026-03-02']),
    );
    expect(diff.removed.map((e) => e.id)).toContain('uncat:DJI:accession:2002-11-05');
    // Every other event is now attested by the newer page.
    expect(diff.changed.length).toBeGreaterThan(100);
    expect(diff.changed.filter((c) => !c.fields.includes('sourceId'))).toEqual([]);
    expect(await eventsOf(db, 'uncat')).toEqual(before);
    await db.destroy();
  });

  it('applies a newer page in one go, audits each change, and is idempotent', async () => {
    const db = await seededDb();
    const version = async () => (await db.selectFrom('dataVersion').select('version').executeTakeFirstOrThrow()).version;
    const v0 = await version();
    const first = await importUntcStatusPage(db, { instrumentId: 'uncat', html: laterPage, dryRun: false, allowRemovals: true });
    const changes = first.diff.added.length + first.diff.removed.length + first.diff.changed.length;
    const audited = await db.selectFrom('auditLog').select(['action', 'entityId']).where('actor', '=', 'import:untc').execute();
    expect(audited).toHaveLength(changes);
    expect(await version()).toBe(v0 + 1);
    const source = await db.selectFrom('source').selectAll().where('id', '=', 'untc-iv-9-2026-04-01').executeTakeFirstOrThrow();
    expect(source.asOf).toBe('2026-04-01');

    const again = await importUntcStatusPage(db, { instrumentId: 'uncat', html: laterPage, dryRun: false, allowRemovals: true });
    expect(formatDiff(again.diff)).toEqual([]);
    expect(await version()).toBe(v0 + 1);
    await db.destroy();
  });

  it('without allowRemovals, refuses a page that would remove events, listing them, and writes nothing', async () => {
    const db = await seededDb();
    const before = snapshot(db);
    await expect(importUntcStatusPage(db, { instrumentId: 'uncat', html: laterPage, dryRun: false })).rejects.toThrow(
      /would remove 1 event[\s\S]*uncat:DJI:accession:2002-11-05[\s\S]*--allow-removals/,
    );
    expect(snapshot(db)).toEqual(before);
    await db.destroy();
  });

  it('refuses a page of another instrument and changes nothing', async () => {
    const db = await seededDb();
    await expect(importUntcStatusPage(db, { instrumentId: 'opcat', html: uncatPage, dryRun: false })).rejects.toThrow(
      /not IV-9-b \(opcat\)/,
    );
    expect(await db.selectFrom('auditLog').select('id').where('actor', '=', 'import:untc').execute()).toHaveLength(0);
    await db.destroy();
  });

  it('refuses a page naming a participant it cannot match to a state', async () => {
    const db = await seededDb();
    const html = uncatPage.replace('<td>Djibouti<br></td>', '<td>Republic of Atlantis<br></td>');
    await expect(importUntcStatusPage(db, { instrumentId: 'uncat', html, dryRun: false })).rejects.toThrow(/Republic of Atlantis/);
    await db.destroy();
  });

  it('refuses a file that is not a status page', async () => {
    const db = await seededDb();
    await expect(
      importUntcStatusPage(db, { instrumentId: 'uncat', html: '<html><body>Not found</body></html>', dryRun: true }),
    ).rejects.toThrow(/STATUS AS AT/);
    await db.destroy();
  });
});

describe('broken and hostile pages: refused whole, with a short message, nothing written', () => {
  /** Djibouti's row: an accession only. */
  const djibouti = /\s*<tr class="trBGGrey">\s*<td>Djibouti<br><\/td>[\s\S]*?<\/tr>/;
  const row = djibouti.exec(uncatPage)![0];
  const refused = async (html: string, pattern: RegExp, { allowRemovals = false } = {}) => {
    const db = await seededDb();
    const before = snapshot(db);
    await expect(importUntcStatusPage(db, { instrumentId: 'uncat', html, dryRun: false, allowRemovals })).rejects.toThrow(pattern);
    expect(snapshot(db)).toEqual(before);
    await db.destroy();
  };

  it('a participant listed twice, with the same dates or with others, is named', async () => {
    await refused(uncatPage.replace(djibouti, `${row}${row}`), /Djibouti is listed twice in the participants table \(rows 46 and 47\)$/m);
    await refused(
      uncatPage.replace(djibouti, `${row}${row.replace('5 Nov', '6 Nov')}`),
      /Djibouti is listed twice in the participants table \(rows 46 and 47\), with other dates/,
    );
  });

  it('a page missing rows is refused by its own count of parties, even when removals are allowed', async () => {
    await refused(uncatPage.replace(djibouti, ''), /the page says "Parties : 175", but its participants table has 174 parties/, {
      allowRemovals: true,
    });
    const opcatDb = await seededDb();
    // And a page whose table has no rows at all.
    const emptyTable = opcatPage.replace(/(_tblgrid"[^>]*>\s*<tr[\s\S]*?<\/tr>)[\s\S]*?(<\/table>)/, '$1$2');
    await expect(
      importUntcStatusPage(opcatDb, { instrumentId: 'opcat', html: emptyTable, dryRun: false, allowRemovals: true }),
    ).rejects.toThrow(/no rows: the participants table is empty/);
    await opcatDb.destroy();
  });

  it('an address that is not http(s) on the stored UNTC sources is not copied into the new source and its events', async () => {
    const db = await seededDb();
    sqliteOf(db).prepare("update source set url = 'javascript:alert(1)' where id like 'untc-iv-9-%'").run();
    const before = snapshot(db);
    await expect(importUntcStatusPage(db, { instrumentId: 'uncat', html: laterPage, dryRun: false, allowRemovals: true })).rejects.toThrow(
      /the address of source untc-iv-9-2026-02-03 "javascript:alert\(1\)" is not an http:\/\/ or https:\/\/ address: correct that source first/,
    );
    expect(snapshot(db)).toEqual(before);
    await db.destroy();
  });

  it('a page cut short, a file that is not HTML, binary or over 10 MB is refused before it is parsed', async () => {
    await refused(uncatPage.slice(0, uncatPage.indexOf('Djibouti')), /the page ends before <\/html>: the file is cut/, {
      allowRemovals: true,
    });
    await refused(`STATUS AS AT : 03-02-2026\n${'junk '.repeat(1000)}`, /is not an HTML page/);
    const nul = join(dir, 'page.html');
    writeFileSync(nul, Buffer.from(`<html>\u0000</html>`));
    expect(() => readStatusPageFile(nul)).toThrow(/page\.html is not text: it has a NUL byte on line 1/);
    truncateSync(nul, 10 * 1024 * 1024 + 1);
    expect(() => readStatusPageFile(nul)).toThrow(/page\.html is 10\.0 MB, more than the 10 MB import:untc reads/);
  });

  it('the command line: a dry run shows the removals, the import refuses them (exit 1) until --allow-removals is given', () => {
    const database = join(dir, 'cli.sqlite');
    writeFileSync(database, image);
    const later = join(dir, 'later.html');
    writeFileSync(later, laterPage);
    const cli = (...args: string[]) =>
      spawnSync(
        process.execPath,
        ['--import', 'tsx', 'src/import-untc/index.ts', '--instrument', 'uncat', '--file', later, '--database', database, ...args],
        {
          encoding: 'utf8',
          cwd: join(import.meta.dirname, '../..'),
        },
      );
    const dry = cli('--dry-run');
    expect(dry.status).toBe(0);
    expect(dry.stdout).toContain('- uncat:DJI:accession:2002-11-05');
    expect(dry.stdout).toContain('1 removed');
    expect(dry.stdout).toContain('a real import removes events only with --allow-removals');
    const refusedRun = cli();
    expect(refusedRun.status).toBe(1);
    expect(refusedRun.stderr).toContain('uncat:DJI:accession:2002-11-05');
    const db = createDb(database);
    expect(snapshot(db)).toEqual(snapshot(createDb(image)));
    const applied = cli('--allow-removals');
    expect(applied.status).toBe(0);
    // A removed event is retracted, not deleted: it stays, marked, and no longer counts.
    const ids = (retracted: boolean) =>
      sqliteOf(db)
        .prepare(
          `select id from participationEvent where stateIso3 = 'DJI' and instrumentId = 'uncat' and retractedAt is ${retracted ? 'not ' : ''}null`,
        )
        .pluck()
        .all();
    expect(ids(false)).toEqual(['uncat:DJI:accession:2002-11-06']);
    expect(ids(true)).toEqual(['uncat:DJI:accession:2002-11-05']);
    return db.destroy();
  }, 60_000);
});
