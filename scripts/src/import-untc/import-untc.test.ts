import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '@tracker/api/config';
import { createDb } from '@tracker/api/db/database';
import { migrateToLatest } from '@tracker/api/db/migrate';
import { seedIfEmpty } from '@tracker/api/db/seed';
import { rawPath } from '../normalise/paths.js';
import { formatDiff, importUntcStatusPage } from './import-untc.js';

const uncatPage = readFileSync(rawPath('treaties/raw/untc-html/IV-9_uncat_2026-02-03.html'), 'utf8');
const opcatPage = readFileSync(rawPath('treaties/raw/untc-html/IV-9-b_opcat_2026-02-03.html'), 'utf8');

/** A real migrated database seeded with the bundled dataset, as the server starts with. */
async function seededDb() {
  const db = createDb(':memory:');
  await migrateToLatest(db);
  await seedIfEmpty(db, loadConfig({}).seedDir);
  return db;
}

const eventsOf = (db: Awaited<ReturnType<typeof seededDb>>, instrumentId: 'uncat' | 'opcat') =>
  db.selectFrom('participationEvent').selectAll().where('instrumentId', '=', instrumentId).orderBy('id').execute();

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

  // A later page: Djibouti's accession date corrected, Brunei Darussalam ratifying.
  const laterPage = uncatPage
    .replace('STATUS AS AT : 03-02-2026', 'STATUS AS AT : 01-04-2026')
    .replace(/(<td>Djibouti<br><\/td>\s*<td>&nbsp;<\/td>\s*<td> &nbsp;)5 Nov/, '$16 Nov')
    .replace(/(Brunei Darussalam<\/A><br><\/td>\s*<td>[^<]*<br><\/td>\s*<td>)&nbsp;(<\/td>)/, '$1 2 Mar\t 2026 <br>$2');

  it('shows what a newer page changes in a dry run, and writes nothing', async () => {
    const db = await seededDb();
    const before = await eventsOf(db, 'uncat');
    const { diff } = await importUntcStatusPage(db, { instrumentId: 'uncat', html: laterPage, dryRun: true });
    expect(diff.added.map((e) => e.id)).toEqual(expect.arrayContaining(['uncat:DJI:accession:2002-11-06', 'uncat:BRN:ratification:2026-03-02']));
    expect(diff.removed.map((e) => e.id)).toContain('uncat:DJI:accession:2002-11-05');
    // Every other event is now attested by the newer page.
    expect(diff.changed.every((c) => c.fields.includes('sourceId'))).toBe(true);
    expect(await eventsOf(db, 'uncat')).toEqual(before);
    await db.destroy();
  });

  it('applies a newer page in one go, audits each change, and is idempotent', async () => {
    const db = await seededDb();
    const version = async () => (await db.selectFrom('dataVersion').select('version').executeTakeFirstOrThrow()).version;
    const v0 = await version();
    const first = await importUntcStatusPage(db, { instrumentId: 'uncat', html: laterPage, dryRun: false });
    const changes = first.diff.added.length + first.diff.removed.length + first.diff.changed.length;
    const audited = await db.selectFrom('auditLog').select(['action', 'entityId']).where('actor', '=', 'import:untc').execute();
    expect(audited).toHaveLength(changes);
    expect(await version()).toBe(v0 + 1);
    const source = await db.selectFrom('source').selectAll().where('id', '=', 'untc-iv-9-2026-04-01').executeTakeFirstOrThrow();
    expect(source.asOf).toBe('2026-04-01');

    const again = await importUntcStatusPage(db, { instrumentId: 'uncat', html: laterPage, dryRun: false });
    expect(formatDiff(again.diff)).toEqual([]);
    expect(await version()).toBe(v0 + 1);
    await db.destroy();
  });

  it('refuses a page of another instrument and changes nothing', async () => {
    const db = await seededDb();
    await expect(importUntcStatusPage(db, { instrumentId: 'opcat', html: uncatPage, dryRun: false })).rejects.toThrow(/not IV-9-b \(opcat\)/);
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
    await expect(importUntcStatusPage(db, { instrumentId: 'uncat', html: '<html><body>Not found</body></html>', dryRun: true })).rejects.toThrow(/STATUS AS AT/);
    await db.destroy();
  });
});
