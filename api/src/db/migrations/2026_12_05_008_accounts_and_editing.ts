import { sql, type Kysely } from 'kysely';
import { assignedKey } from './dialect-columns.js';

/**
 * Accounts, sessions, API tokens, readers' flags, and what editing needs on the existing tables
 * (docs: api/src/domain/README.md, "Editing and accounts").
 *
 * - `user`: an editor or an admin, with the organisation it records for. Passwords are stored
 *   only as scrypt hashes (`scrypt$N$r$p$salt$hash`).
 * - `session`: a signed-in browser. The cookie holds a random token; only its SHA-256 is stored,
 *   so a copy of the database opens no session. Each has its own CSRF token for form posts.
 * - `apiToken`: for scripted imports, scoped to what it may write; stored as a SHA-256 hash.
 * - `readerFlag`: "this is wrong", sent from any page without an account, waiting in the review
 *   queue until an editor resolves it.
 * - `auditLog` gains the organisation, the reason given, and the instrument and State a change is
 *   about (for the public change feed's filters).
 * - `participationEvent` and `uprAssessment` gain `retractedAt`: nothing is deleted, a retracted
 *   fact stays in the table (and its retraction in the audit log) but no longer counts.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('user')
    .addColumn('id', 'integer', assignedKey(db))
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('organisation', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('admin', 'editor')`))
    .addColumn('passwordHash', 'text', (c) => c.notNull())
    .addColumn('createdAt', 'text', (c) => c.notNull())
    .addColumn('disabledAt', 'text')
    .execute();

  await db.schema
    .createTable('session')
    .addColumn('tokenHash', 'text', (c) => c.primaryKey())
    .addColumn('userId', 'integer', (c) => c.notNull().references('user.id'))
    .addColumn('csrfToken', 'text', (c) => c.notNull())
    .addColumn('createdAt', 'text', (c) => c.notNull())
    .addColumn('expiresAt', 'text', (c) => c.notNull())
    .addColumn('revokedAt', 'text')
    .execute();
  await db.schema.createIndex('session_userId').on('session').column('userId').execute();

  await db.schema
    .createTable('apiToken')
    .addColumn('id', 'integer', assignedKey(db))
    .addColumn('userId', 'integer', (c) => c.notNull().references('user.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('tokenHash', 'text', (c) => c.notNull().unique())
    /** JSON array of write scopes (vocabulary.ts, TOKEN_SCOPES). */
    .addColumn('scopes', 'text', (c) => c.notNull())
    .addColumn('createdAt', 'text', (c) => c.notNull())
    .addColumn('expiresAt', 'text')
    .addColumn('revokedAt', 'text')
    .addColumn('lastUsedAt', 'text')
    .execute();

  await db.schema
    .createTable('readerFlag')
    .addColumn('id', 'integer', assignedKey(db))
    /** The page or API address the reader was looking at. */
    .addColumn('pageUrl', 'text', (c) => c.notNull())
    .addColumn('instrumentId', 'text')
    .addColumn('stateIso3', 'text')
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('contact', 'text')
    .addColumn('createdAt', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('open')
        .check(sql`status in ('open', 'resolved', 'rejected')`),
    )
    .addColumn('resolvedAt', 'text')
    .addColumn('resolvedBy', 'text')
    .addColumn('resolution', 'text')
    .execute();
  await db.schema.createIndex('readerFlag_status').on('readerFlag').columns(['status', 'id']).execute();

  await db.schema.alterTable('auditLog').addColumn('organisation', 'text').execute();
  await db.schema.alterTable('auditLog').addColumn('reason', 'text').execute();
  await db.schema.alterTable('auditLog').addColumn('instrumentId', 'text').execute();
  await db.schema.alterTable('auditLog').addColumn('stateIso3', 'text').execute();
  await db.schema.createIndex('auditLog_instrumentId').on('auditLog').columns(['instrumentId', 'id']).execute();
  await db.schema.createIndex('auditLog_stateIso3').on('auditLog').columns(['stateIso3', 'id']).execute();

  await db.schema.alterTable('participationEvent').addColumn('retractedAt', 'text').execute();
  await db.schema.alterTable('uprAssessment').addColumn('organisation', 'text').execute();
  await db.schema.alterTable('uprAssessment').addColumn('documentSymbol', 'text').execute();
  await db.schema.alterTable('uprAssessment').addColumn('retractedAt', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const [table, column] of [
    ['uprAssessment', 'retractedAt'],
    ['uprAssessment', 'documentSymbol'],
    ['uprAssessment', 'organisation'],
    ['participationEvent', 'retractedAt'],
  ] as const) {
    await db.schema.alterTable(table).dropColumn(column).execute();
  }
  await db.schema.dropIndex('auditLog_stateIso3').execute();
  await db.schema.dropIndex('auditLog_instrumentId').execute();
  for (const column of ['stateIso3', 'instrumentId', 'reason', 'organisation']) {
    await db.schema.alterTable('auditLog').dropColumn(column).execute();
  }
  await db.schema.dropTable('readerFlag').execute();
  await db.schema.dropTable('apiToken').execute();
  await db.schema.dropTable('session').execute();
  await db.schema.dropTable('user').execute();
}
