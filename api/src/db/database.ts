import SQLite from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely, SqliteDialect, type Generated, type Selectable } from 'kysely';

/** A cited source: every fact in the database points at one, with the date its data is as of. */
export interface SourceTable {
  id: string;
  title: string;
  publisher: string | null;
  url: string | null;
  asOf: string | null;
  rawFile: string | null;
  note: string | null;
}

/** Every change made by a person or an import: who, when, what before and after, which source. */
export interface AuditLogTable {
  id: Generated<number>;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  before: string | null;
  after: string | null;
  sourceId: string | null;
}

export interface Database {
  source: SourceTable;
  auditLog: AuditLogTable;
}

export type SourceRow = Selectable<SourceTable>;

/** Opens (creating if needed) the SQLite file with WAL and foreign keys on. */
export function createDb(path: string): Kysely<Database> {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  // WAL lets readers proceed while an import writes; it does not apply to in-memory databases.
  if (path !== ':memory:') sqlite.pragma('journal_mode = WAL');
  // SQLite leaves foreign keys off unless asked, per connection.
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
}
