import { sql, type Kysely } from 'kysely';
import type { Database } from './database.js';
import { dialectOf } from './dialect.js';
import { sqlOf } from './sql.js';

/**
 * Copies a whole installation's data from one database to another, either way between SQLite and
 * PostgreSQL (`db:copy`): the data, the sources, the audit log, the accounts and their sessions
 * and tokens, assessments, follow-up plans. The target must be migrated to the same migrations and
 * hold no data: a copy never mixes two installations. It runs as one transaction on the target,
 * so it lands whole or not at all.
 *
 * Not copied: the migrations table (each database records its own), full-text indexes (rebuilt
 * from the copied text), and PostgreSQL's rate-limit counters (minutes-long, per engine).
 */

/** Every table with data, parents before the tables that refer to them, each with its key (the copy's order). */
export const COPIED_TABLES: readonly { table: keyof Database; key: readonly string[] }[] = [
  { table: 'source', key: ['id'] },
  { table: 'state', key: ['iso3'] },
  { table: 'instrument', key: ['id'] },
  { table: 'dataVersion', key: ['id'] },
  { table: 'auditLog', key: ['id'] },
  { table: 'user', key: ['id'] },
  { table: 'session', key: ['tokenHash'] },
  { table: 'apiToken', key: ['id'] },
  { table: 'readerFlag', key: ['id'] },
  { table: 'participationEvent', key: ['id'] },
  { table: 'publishedCount', key: ['id'] },
  { table: 'catReport', key: ['id'] },
  { table: 'catFollowUpList', key: ['id'] },
  { table: 'catSession', key: ['id'] },
  { table: 'catReportingState', key: ['stateIso3'] },
  { table: 'catAnnualReport', key: ['symbol'] },
  { table: 'uprSession', key: ['session'] },
  { table: 'uprReview', key: ['id'] },
  { table: 'uprRecommendation', key: ['seq'] },
  { table: 'uprLink', key: ['recommendation', 'instrumentId', 'action'] },
  { table: 'uprPledge', key: ['id'] },
  { table: 'uprAssessment', key: ['id'] },
  { table: 'followUpPlan', key: ['id'] },
  { table: 'followUpCluster', key: ['id'] },
  { table: 'followUpItem', key: ['id'] },
  { table: 'followUpAction', key: ['id'] },
  { table: 'followUpUpdate', key: ['id'] },
  { table: 'followUpPublication', key: ['planId', 'version'] },
  { table: 'followUpBody', key: ['id'] },
  { table: 'followUpIndicator', key: ['id'] },
];

/** Tables whose integer key the database assigns: on PostgreSQL their identity sequence is moved past the copied keys. */
const ASSIGNED_KEYS: Partial<Record<keyof Database, string>> = {
  auditLog: 'id',
  user: 'id',
  apiToken: 'id',
  readerFlag: 'id',
  uprRecommendation: 'seq',
  uprAssessment: 'id',
  followUpUpdate: 'id',
};

/** Rows read and written per statement: a page small enough for both engines' limits on bound values. */
const PAGE = 1000;

export class CopyError extends Error {}

export interface CopyResult {
  rows: Record<string, number>;
}

/** The rows of `table`, a page at a time, in key order (parents first for the instrument's self-reference). */
async function* pagesOf(db: Kysely<Database>, table: keyof Database, key: readonly string[]) {
  for (let offset = 0; ; offset += PAGE) {
    let query = db.selectFrom(table).selectAll();
    // An amendment refers to its parent instrument: parents first.
    if (table === 'instrument') query = query.orderBy(sql`${sql.ref('parentId')} is not null`);
    for (const column of key) query = query.orderBy(sql.ref(column));
    const rows = (await query.limit(PAGE).offset(offset).execute()) as Record<string, unknown>[];
    if (rows.length) yield rows;
    if (rows.length < PAGE) return;
  }
}

/** Copies every table of `from` into the empty, migrated `to` (see the top of this file). */
export async function copyDatabase(from: Kysely<Database>, to: Kysely<Database>): Promise<CopyResult> {
  const migrationsOf = async (db: Kysely<Database>) =>
    (await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db)).rows.map((r) => r.name).join(',');
  if ((await migrationsOf(from)) !== (await migrationsOf(to)))
    throw new CopyError(
      'the two databases are not at the same migrations: start the server (or db:migrate) on each with this version first',
    );
  for (const { table } of COPIED_TABLES) {
    const held = await to
      .selectFrom(table)
      .select(sql<number>`count(*)`.as('n'))
      .executeTakeFirstOrThrow();
    // The migrations write the one data-version row themselves.
    if (Number(held.n) > (table === 'dataVersion' ? 1 : 0))
      throw new CopyError(`the target already holds data (${held.n} rows in ${table}): copy into a new, empty database`);
  }
  const rows: Record<string, number> = {};
  await to.transaction().execute(async (trx) => {
    await trx.deleteFrom('dataVersion').execute();
    for (const { table, key } of COPIED_TABLES) {
      rows[table] = 0;
      for await (const page of pagesOf(from, table, key)) {
        const columns = Object.keys(page[0]!).length;
        // Both engines bound the values of one statement (SQLite 32,766): a page is split to fit.
        const size = Math.max(1, Math.floor(20_000 / columns));
        for (let i = 0; i < page.length; i += size)
          await trx
            .insertInto(table)
            .values(page.slice(i, i + size))
            .execute();
        rows[table] += page.length;
      }
    }
    if (dialectOf(to) === 'postgres') {
      // Identity columns count on from their own sequence, which the copied keys did not move.
      for (const [table, column] of Object.entries(ASSIGNED_KEYS)) {
        await sql`select setval(pg_get_serial_sequence(${`"${table}"`}, ${column}), coalesce((select max(${sql.ref(column)}) from ${sql.table(table)}), 0) + 1, false)`.execute(
          trx,
        );
      }
    } else {
      // SQLite's FTS5 index is filled from the copied text (see migration 004).
      await sqlOf(to, trx).run(`insert into uprRecommendationFts(uprRecommendationFts) values ('rebuild')`);
    }
  });
  return { rows };
}
