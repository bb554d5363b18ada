import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { COPIED_TABLES } from '../../src/db/copy.js';
import { sqlOf } from '../../src/db/sql.js';
import { freshDatabase } from '../databases.js';

/**
 * The backup commands the README gives for PostgreSQL (pg_dump, then pg_restore into a new empty
 * database) keep every table and leave a database the tracker runs on: its full-text index is
 * rebuilt by pg_restore with an empty search_path, which the index's function must not depend on.
 */
const tool = (name: string) => (process.env.PG_BIN ? join(process.env.PG_BIN, name) : name);
const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

describe('pg_dump and pg_restore', () => {
  it('restore a dump into a new database with every row, and its search works', { timeout: 120_000 }, async () => {
    const source = await freshDatabase(true);
    const target = await freshDatabase(false);
    cleanups.push(
      source.drop,
      target.drop,
      () => source.db.destroy(),
      () => target.db.destroy(),
    );
    // The restore's target is empty: created without the tracker's migrations.
    await sqlOf(target.db).run('drop schema public cascade');
    await sqlOf(target.db).run('create schema public');
    const dir = mkdtempSync(join(tmpdir(), 'tracker-dump-'));
    cleanups.push(() => rmSync(dir, { recursive: true, force: true }));
    const dump = join(dir, 'tracker.dump');
    execFileSync(tool('pg_dump'), ['--format=custom', `--file=${dump}`, source.location]);
    execFileSync(tool('pg_restore'), ['--no-owner', '--exit-on-error', '--single-transaction', `--dbname=${target.location}`, dump]);

    const count = (location: Awaited<ReturnType<typeof freshDatabase>>, table: string) =>
      location.db
        .selectFrom(table as never)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
    for (const { table } of COPIED_TABLES) expect(await count(target, table), table).toEqual(await count(source, table));
    const search = "select count(*) from uprRecommendation where tracker_document(text) @@ to_tsquery('tracker', ?)";
    const found = await sqlOf(target.db).column<number>(search, ['ratif:*']);
    expect(found[0]).toBeGreaterThan(8000);
    expect(found).toEqual(await sqlOf(source.db).column<number>(search, ['ratif:*']));
  });
});
