import SQLite from 'better-sqlite3';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { Kysely, SqliteDialect } from 'kysely';
import { z } from 'zod';
import { describe, LATEST_MIGRATION } from './backup.js';
import { migrateToLatest } from './migrate.js';
import { migrations } from './migrations/index.js';

/**
 * The dataset as plain files, and back. Every data table is written with the columns the live
 * schema has (so columns added by later migrations travel without a change here); secrets never
 * leave the database; the full-text index is not exported but rebuilt from its content table.
 *
 * Left out, on purpose:
 * - `session` and `apiToken`: their rows are credentials (hashes of sign-in and token secrets,
 *   CSRF tokens).
 * - `user`: accounts are people's credentials and addresses, not the dataset. Who recorded what
 *   stays in the data itself (each audit entry's actor and organisation, each assessment's
 *   recordedBy). After an import, create the first admin with user:create as on a fresh install;
 *   a backup (db:backup) is what carries accounts.
 * - Migration bookkeeping (`kysely_migration*`), which the manifest states as the schema version,
 *   SQLite's own tables, and the full-text index (a virtual table and its shadow tables).
 */
export const EXCLUDED_TABLES: ReadonlySet<string> = new Set(['user', 'session', 'apiToken', 'kysely_migration', 'kysely_migration_lock']);

export const MANIFEST_FILE = 'manifest.json';
const FORMAT = 'treaty-tracker-dataset';

export type ExportFormat = 'json' | 'csv';

/** A refusal, with the file (and row) it is about in the message. */
export class DatasetError extends Error {}

const TableEntry = z.object({
  file: z.string().regex(/^[A-Za-z0-9_.-]+$/, 'a plain file name'),
  rows: z.number().int().min(0),
  columns: z.array(z.string()).min(1),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
});

const Manifest = z.object({
  format: z.literal(FORMAT),
  formatVersion: z.literal(1),
  fileFormat: z.enum(['json', 'csv']),
  createdAt: z.string(),
  /** The latest migration of the database exported. */
  schemaVersion: z.string(),
  migrations: z.array(z.string()),
  dataVersion: z.number().int().nullable(),
  /** AUTOINCREMENT counters, so ids are never handed out twice after an import. */
  sequences: z.record(z.string(), z.number().int()),
  tables: z.record(z.string(), TableEntry),
  excludedTables: z.array(z.string()),
});
export type Manifest = z.infer<typeof Manifest>;

interface Column {
  name: string;
  /** SQLite's type affinity of the declared type. */
  affinity: 'INTEGER' | 'TEXT' | 'REAL' | 'NUMERIC' | 'BLOB';
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/** SQLite's rules for the affinity of a declared type (section 3.1 of "Datatypes In SQLite"). */
function affinity(declared: string): Column['affinity'] {
  const type = declared.toUpperCase();
  if (type.includes('INT')) return 'INTEGER';
  if (/CHAR|CLOB|TEXT/.test(type)) return 'TEXT';
  if (type === '' || type.includes('BLOB')) return 'BLOB';
  if (/REAL|FLOA|DOUB/.test(type)) return 'REAL';
  return 'NUMERIC';
}

/** The tables an export carries, read from the live schema, in name order. */
export function dataTables(sqlite: SQLite.Database): string[] {
  const tables = sqlite.prepare("select name, type from pragma_table_list where schema = 'main'").all() as { name: string; type: string }[];
  for (const t of tables) {
    if (t.type !== 'virtual') continue;
    const sql = (sqlite.prepare('select sql from sqlite_master where name = ?').get(t.name) as { sql: string }).sql;
    // An external-content FTS5 index is rebuilt from its table; any other virtual table would hold data this code does not carry.
    if (!/using\s+fts5\s*\(.*content\s*=\s*'?\w+'?/is.test(sql))
      throw new DatasetError(`Table ${t.name} is a virtual table the export does not know how to carry.`);
  }
  return tables
    .filter((t) => t.type === 'table' && !t.name.startsWith('sqlite_') && !EXCLUDED_TABLES.has(t.name))
    .map((t) => t.name)
    .sort();
}

/** A table's stored columns (generated and hidden columns are computed, not stored, so not carried). */
function columnsOf(sqlite: SQLite.Database, table: string): Column[] {
  const rows = sqlite.prepare('select name, type, hidden from pragma_table_xinfo(?)').all(table) as {
    name: string;
    type: string;
    hidden: number;
  }[];
  return rows.filter((c) => c.hidden === 0).map((c) => ({ name: c.name, affinity: affinity(c.type) }));
}

/** Refuses to export a table that points at one left out: the import could not satisfy the reference. */
function checkReferences(sqlite: SQLite.Database, tables: string[]) {
  for (const table of tables) {
    const refs = sqlite.prepare('select "table" as target from pragma_foreign_key_list(?)').all(table) as { target: string }[];
    const excluded = refs.find((r) => EXCLUDED_TABLES.has(r.target));
    if (excluded)
      throw new DatasetError(
        `Table ${table} refers to ${excluded.target}, which exports leave out; decide in dataset-export.ts how to carry it.`,
      );
  }
}

/** The FTS5 tables to rebuild after their content tables are loaded. */
function fullTextTables(sqlite: SQLite.Database): string[] {
  return (
    sqlite.prepare("select name from pragma_table_list where schema = 'main' and type = 'virtual' order by name").all() as {
      name: string;
    }[]
  ).map((r) => r.name);
}

const jsonValue = (value: unknown) => (Buffer.isBuffer(value) ? { base64: value.toString('base64') } : value);

/** Writes rows to a file in chunks as they are read, hashing what is written. */
function fileWriter(path: string) {
  const fd = openSync(path, 'wx');
  const hash = createHash('sha256');
  return {
    write(text: string) {
      if (text === '') return;
      writeSync(fd, text);
      hash.update(text);
    },
    close: () => {
      closeSync(fd);
      return hash.digest('hex');
    },
  };
}

export interface ExportResult {
  dir: string;
  manifest: Manifest;
}

/**
 * Writes every data table of `sqlite` into `dir` (which must be empty or absent) as NDJSON (one
 * object per line, so large tables stream and a row number is a line number) or CSV, then
 * `manifest.json` last: a folder without a manifest is an export that did not finish. All tables
 * are read in one read transaction, so the export is one consistent state even while the server
 * writes.
 *
 * CSV cells are written as stored, never formula-neutralised: the file must re-import to the same
 * data. Strings are always quoted and numbers never, so an empty string, a null (an empty
 * unquoted cell) and a number stay apart.
 */
export function exportDataset(sqlite: SQLite.Database, dir: string, format: ExportFormat = 'json', now = new Date()): ExportResult {
  if (existsSync(dir) && readdirSync(dir).length > 0) throw new DatasetError(`${dir} is not empty; export into a new or empty folder.`);
  mkdirSync(dir, { recursive: true });
  const tables: Manifest['tables'] = {};
  sqlite.exec('begin');
  try {
    const names = dataTables(sqlite);
    checkReferences(sqlite, names);
    const info = describe(sqlite, '');
    const sequences = Object.fromEntries(
      (sqlite.prepare('select name, seq from sqlite_sequence').all() as { name: string; seq: number }[])
        .filter((r) => names.includes(r.name))
        .map((r) => [r.name, r.seq]),
    );
    for (const table of names) {
      const columns = columnsOf(sqlite, table).map((c) => c.name);
      const file = `${table}.${format === 'json' ? 'ndjson' : 'csv'}`;
      const out = fileWriter(join(dir, file));
      let rows = 0;
      // Primary-key (rowid) order, so two exports of the same data are the same files.
      const select = sqlite.prepare(`select ${columns.map(quote).join(', ')} from ${quote(table)} order by ${orderBy(sqlite, table)}`);
      if (format === 'csv') out.write(stringify([columns], { quoted_string: true }));
      let chunk: unknown[][] = [];
      const flush = () => {
        if (format === 'csv') {
          for (const row of chunk)
            if (row.some((v) => Buffer.isBuffer(v)))
              throw new DatasetError(`Table ${table} holds binary values, which CSV cannot carry; export as JSON.`);
          out.write(stringify(chunk, { quoted_string: true }));
        } else {
          out.write(chunk.map((row) => `${JSON.stringify(Object.fromEntries(columns.map((c, i) => [c, jsonValue(row[i])])))}\n`).join(''));
        }
        chunk = [];
      };
      for (const row of select.raw().iterate() as Iterable<unknown[]>) {
        chunk.push(row);
        rows++;
        if (chunk.length === 1000) flush();
      }
      flush();
      tables[table] = { file, rows, columns, sha256: out.close() };
    }
    const manifest: Manifest = {
      format: FORMAT,
      formatVersion: 1,
      fileFormat: format,
      createdAt: now.toISOString(),
      schemaVersion: info.schemaVersion ?? '',
      migrations: (sqlite.prepare('select name from kysely_migration order by name').all() as { name: string }[]).map((r) => r.name),
      dataVersion: info.dataVersion,
      sequences,
      tables,
      excludedTables: [...EXCLUDED_TABLES].sort(),
    };
    const out = fileWriter(join(dir, MANIFEST_FILE));
    out.write(`${JSON.stringify(manifest, null, 2)}\n`);
    out.close();
    return { dir, manifest };
  } finally {
    sqlite.exec('commit');
  }
}

/** The order rows are written in: the primary key's columns, or the rowid. */
function orderBy(sqlite: SQLite.Database, table: string): string {
  const pk = (sqlite.prepare('select name, pk from pragma_table_info(?) where pk > 0 order by pk').all(table) as { name: string }[]).map(
    (c) => quote(c.name),
  );
  return pk.length ? pk.join(', ') : 'rowid';
}

/** Reads and checks the manifest of an export. */
export function readManifest(dir: string): Manifest {
  const path = join(dir, MANIFEST_FILE);
  if (!existsSync(path)) throw new DatasetError(`${path} is missing: ${dir} is not a finished export.`);
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new DatasetError(`${path} is not valid JSON: ${(err as Error).message}`);
  }
  const parsed = Manifest.safeParse(json);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new DatasetError(`${path} is not an export manifest: at [${first?.path.join('.')}] ${first?.message}`);
  }
  return parsed.data;
}

/** A row's value checked against the column's affinity: a number where a number belongs, text where text does. */
function checkValue(value: unknown, column: Column): string | null {
  if (value === null) return null;
  if (typeof value === 'number' && !Number.isFinite(value)) return 'is not a finite number';
  switch (column.affinity) {
    case 'INTEGER':
      return Number.isSafeInteger(value) ? null : `should be a whole number, not ${JSON.stringify(value)}`;
    case 'REAL':
    case 'NUMERIC':
      return typeof value === 'number' ? null : `should be a number, not ${JSON.stringify(value)}`;
    case 'TEXT':
      return typeof value === 'string' ? null : `should be text, not ${JSON.stringify(value)}`;
    default:
      return typeof value === 'string' || typeof value === 'number' || Buffer.isBuffer(value) ? null : `is not a value SQLite stores`;
  }
}

/** The rows of one exported file, as arrays in the manifest's column order. */
function readRows(dir: string, format: ExportFormat, table: string, entry: Manifest['tables'][string]): unknown[][] {
  const path = join(dir, entry.file);
  if (!existsSync(path)) throw new DatasetError(`${entry.file} (table ${table}) is missing from ${dir}.`);
  const bytes = readFileSync(path);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  if (sha256 !== entry.sha256)
    throw new DatasetError(`${entry.file} has been changed since it was exported (its SHA-256 differs from the manifest's).`);
  const text = bytes.toString('utf8');
  const rows: unknown[][] = [];
  if (format === 'json') {
    const lines = text.split('\n');
    if (lines[lines.length - 1] === '') lines.pop();
    lines.forEach((line, i) => {
      let record: unknown;
      try {
        record = JSON.parse(line);
      } catch (err) {
        throw new DatasetError(`${entry.file} row ${i + 1}: not valid JSON (${(err as Error).message}).`);
      }
      if (typeof record !== 'object' || record === null || Array.isArray(record))
        throw new DatasetError(`${entry.file} row ${i + 1}: not a JSON object.`);
      const keys = Object.keys(record);
      const extra = keys.filter((k) => !entry.columns.includes(k));
      const missing = entry.columns.filter((c) => !(c in record));
      if (extra.length || missing.length) {
        throw new DatasetError(
          `${entry.file} row ${i + 1}: ${extra.length ? `unexpected column ${extra.join(', ')}` : ''}${extra.length && missing.length ? '; ' : ''}${missing.length ? `missing column ${missing.join(', ')}` : ''}.`,
        );
      }
      rows.push(
        entry.columns.map((c) => {
          const v = (record as Record<string, unknown>)[c];
          return typeof v === 'object' && v !== null && 'base64' in v && typeof v.base64 === 'string' ? Buffer.from(v.base64, 'base64') : v;
        }),
      );
    });
    return rows;
  }
  let records: unknown[][];
  try {
    // A quoted cell is text; an unquoted one is a number, or null when empty (see exportDataset).
    records = parse(text, {
      cast: (value, context) => (context.quoting ? value : value === '' ? null : Number(value)),
      relax_column_count: false,
    });
  } catch (err) {
    throw new DatasetError(`${entry.file}: not valid CSV (${(err as Error).message}).`);
  }
  const [header, ...data] = records;
  if (!header || header.length !== entry.columns.length || header.some((h, i) => h !== entry.columns[i])) {
    throw new DatasetError(`${entry.file}: the header row is not the manifest's columns (${entry.columns.join(', ')}).`);
  }
  data.forEach((row, i) => {
    const bad = row.findIndex((v) => typeof v === 'number' && Number.isNaN(v));
    if (bad >= 0) throw new DatasetError(`${entry.file} row ${i + 1}: column ${entry.columns[bad]} is neither a quoted text nor a number.`);
  });
  return data;
}

/** The row counts a freshly migrated database has (the rows migrations put in, such as dataVersion's). */
async function baselineCounts(tables: string[]): Promise<Map<string, number>> {
  const sqlite = new SQLite(':memory:');
  const db = new Kysely<unknown>({ dialect: new SqliteDialect({ database: sqlite }) });
  try {
    await migrateToLatest(db);
    return new Map(tables.map((t) => [t, (sqlite.prepare(`select count(*) as n from ${quote(t)}`).get() as { n: number }).n]));
  } finally {
    await db.destroy();
  }
}

export interface ImportResult {
  manifest: Manifest;
  rows: Record<string, number>;
}

/**
 * Loads an export into `sqlite`, which must be migrated to this build's latest schema and hold
 * no data (nothing beyond what migrations put in). Every file is read and checked before anything
 * is written; then all rows go in one transaction, with foreign keys checked at its end and the
 * full-text index rebuilt inside it, so the import lands whole or not at all.
 */
export async function importDataset(sqlite: SQLite.Database, dir: string): Promise<ImportResult> {
  const manifest = readManifest(dir);
  const known = new Set(Object.keys(migrations));
  const unknown = manifest.migrations.filter((m) => !known.has(m));
  if (unknown.length || !known.has(manifest.schemaVersion)) {
    throw new DatasetError(
      `The export was made by a newer version of the tracker (schema ${manifest.schemaVersion}; unknown migration ${unknown.join(', ') || manifest.schemaVersion}). Import it with that version.`,
    );
  }
  const target = describe(sqlite, 'the target database');
  if (target.unknownMigrations.length || target.pendingMigrations.length) {
    throw new DatasetError(`The target database is not at this version's schema (${LATEST_MIGRATION}); migrate it first.`);
  }
  const tables = dataTables(sqlite);
  const baseline = await baselineCounts([...tables, ...EXCLUDED_TABLES].filter((t) => !t.startsWith('kysely_')));
  for (const [table, expected] of baseline) {
    const n = (sqlite.prepare(`select count(*) as n from ${quote(table)}`).get() as { n: number }).n;
    if (n !== expected)
      throw new DatasetError(`The target database is not empty (table ${table} has ${n} rows); import only into a new, migrated database.`);
  }
  const sameSchema = manifest.schemaVersion === LATEST_MIGRATION;
  for (const table of Object.keys(manifest.tables)) {
    if (!tables.includes(table))
      throw new DatasetError(
        `The export has table ${table} (${manifest.tables[table]!.file}), which this database does not have or does not import.`,
      );
  }
  if (sameSchema) {
    const missing = tables.filter((t) => !(t in manifest.tables));
    if (missing.length)
      throw new DatasetError(`The manifest does not list table ${missing.join(', ')}, which an export of this schema has.`);
  }

  // Read and check everything first: a refusal then leaves the target untouched.
  const loaded = Object.entries(manifest.tables).map(([table, entry]) => {
    const columns = new Map(columnsOf(sqlite, table).map((c) => [c.name, c]));
    const unknownColumn = entry.columns.find((c) => !columns.has(c));
    if (unknownColumn) throw new DatasetError(`${entry.file}: column ${unknownColumn} is not a column of table ${table}.`);
    const rows = readRows(dir, manifest.fileFormat, table, entry);
    if (rows.length !== entry.rows) throw new DatasetError(`${entry.file} has ${rows.length} rows; the manifest says ${entry.rows}.`);
    rows.forEach((row, i) => {
      entry.columns.forEach((name, c) => {
        const problem = checkValue(row[c], columns.get(name)!);
        if (problem) throw new DatasetError(`${entry.file} row ${i + 1}: column ${name} ${problem}.`);
      });
    });
    return { table, entry, rows };
  });

  const counts: Record<string, number> = {};
  const run = sqlite.transaction(() => {
    // Rows go in table by table, not parents first; references are checked once all are in.
    sqlite.pragma('defer_foreign_keys = ON');
    for (const { table } of loaded) if (baseline.get(table)) sqlite.prepare(`delete from ${quote(table)}`).run();
    for (const { table, entry, rows } of loaded) {
      const insert = sqlite.prepare(
        `insert into ${quote(table)} (${entry.columns.map(quote).join(', ')}) values (${entry.columns.map(() => '?').join(', ')})`,
      );
      rows.forEach((row, i) => {
        try {
          insert.run(row);
        } catch (err) {
          throw new DatasetError(`${entry.file} row ${i + 1}: ${(err as Error).message}.`);
        }
      });
      counts[table] = rows.length;
    }
    const broken = sqlite.prepare('select "table" as tbl, rowid, parent from pragma_foreign_key_check').all() as {
      tbl: string;
      rowid: number;
      parent: string;
    }[];
    if (broken.length) {
      const first = broken[0]!;
      throw new DatasetError(
        `${manifest.tables[first.tbl]?.file ?? first.tbl}: ${broken.length} row(s) refer to ${first.parent} rows the export does not have (first: rowid ${first.rowid}).`,
      );
    }
    for (const [table, seq] of Object.entries(manifest.sequences)) {
      if (!tables.includes(table)) continue;
      sqlite.prepare('update sqlite_sequence set seq = max(seq, ?) where name = ?').run(seq, table);
      sqlite
        .prepare('insert into sqlite_sequence (name, seq) select ?, ? where not exists (select 1 from sqlite_sequence where name = ?)')
        .run(table, seq, table);
    }
    for (const fts of fullTextTables(sqlite)) sqlite.prepare(`insert into ${quote(fts)} (${quote(fts)}) values ('rebuild')`).run();
  });
  run();
  return { manifest, rows: counts };
}
