import type { Kysely } from 'kysely';
import { onPostgres } from './dialect-columns.js';

/**
 * Rate-limit counters that every server process shares, on PostgreSQL (plugins/rate-limits.ts):
 * behind a load balancer each request may reach another process, so counters kept in one
 * process's memory would let an address make its allowance once per process. SQLite serves one
 * process, which keeps its counters in memory; it gets no table.
 */
export async function up(db: Kysely<any>): Promise<void> {
  if (!onPostgres(db)) return;
  await db.schema
    .createTable('rateLimitCounter')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('count', 'integer', (c) => c.notNull())
    /** When the window ends, in milliseconds since 1970. */
    .addColumn('resetAt', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('rateLimitCounter_resetAt').on('rateLimitCounter').column('resetAt').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!onPostgres(db)) return;
  await db.schema.dropTable('rateLimitCounter').execute();
}
