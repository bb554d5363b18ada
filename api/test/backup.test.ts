import SQLite from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupDatabase, integrityProblems, restoreDatabase } from '../src/db/backup.js';
import { createDb, sqliteOf } from '../src/db/database.js';
import { dataTables, exportDataset, importDataset, MANIFEST_FILE, type Manifest } from '../src/db/dataset-export.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { seededImage } from './helper.js';

const apiDir = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');
let dir: string;
/** The seeded database as a file, with a user, a session, an API token, a reader's flag and a retracted event added. */
let seeded: string;
/**
 * The same with only its first 2,000 UPR recommendations: the exports, imports and child
 * processes below read and write every row, and the other 59,000 add time but no case.
 */
let small: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tracker-backup-test-'));
  seeded = join(dir, 'seeded.sqlite');
  writeFileSync(seeded, seededImage());
  const db = new SQLite(seeded);
  db.pragma('journal_mode = WAL');
  db.exec(`
    insert into user (id, email, name, organisation, role, passwordHash, createdAt) values (7, 'ed@example.org', 'Ed', 'NGO', 'editor', 'scrypt$SECRET-PASSWORD-HASH', '2026-12-01T00:00:00Z');
    insert into session (tokenHash, userId, csrfToken, createdAt, expiresAt) values ('SECRET-SESSION-HASH', 7, 'SECRET-CSRF', '2026-12-01T00:00:00Z', '2026-12-02T00:00:00Z');
    insert into apiToken (userId, name, tokenHash, scopes, createdAt) values (7, 'script', 'SECRET-TOKEN-HASH', '[]', '2026-12-01T00:00:00Z');
    insert into readerFlag (pageUrl, message, contact, createdAt) values ('/states/FRA', 'a date is wrong, "quoted", with, commas', '', '2026-12-01T00:00:00Z');
    update participationEvent set retractedAt = '2026-12-02T00:00:00Z' where rowid = (select min(rowid) from participationEvent);
  `);
  db.close();
  small = join(dir, 'small.sqlite');
  copyFileSync(seeded, small);
  const trim = new SQLite(small);
  const trigger = trim.prepare("select sql from sqlite_master where name = 'uprRecommendation_ad'").pluck().get() as string;
  // Without the index's row-by-row delete trigger, then one rebuild: seconds faster.
  trim.exec(`drop trigger uprRecommendation_ad;
    delete from uprLink where recommendation > 2000; delete from uprRecommendation where seq > 2000;
    insert into uprRecommendationFts(uprRecommendationFts) values ('rebuild'); ${trigger}; vacuum;`);
  trim.close();
}, 60_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const open = (path: string) => new SQLite(path, { readonly: true, fileMustExist: true });

/** Every row of every table an export carries (plus the accounts when asked), in key order. */
function contents(path: string, tables?: string[]): Record<string, unknown[]> {
  const db = open(path);
  try {
    const names = tables ?? dataTables(db);
    const order = (t: string) => db.prepare('select count(*) from pragma_table_info(?)').pluck().get(t) as number;
    // Every column in turn: some tables are WITHOUT ROWID.
    const by = (t: string) => Array.from({ length: order(t) }, (_, i) => i + 1).join(', ');
    return Object.fromEntries(names.map((t) => [t, db.prepare(`select * from "${t}" order by ${by(t)}`).all()]));
  } finally {
    db.close();
  }
}

/** The rowids the UPR full-text index finds for a query. */
const search = (path: string, q: string) => {
  const db = open(path);
  try {
    return db.prepare('select rowid from uprRecommendationFts where uprRecommendationFts match ? order by rowid').pluck().all(q);
  } finally {
    db.close();
  }
};

const digest = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

describe('backup and restore', { timeout: 30_000 }, () => {
  let backup: string;
  beforeAll(async () => {
    backup = join(dir, 'backup.sqlite');
    await backupDatabase(seeded, backup);
  }, 30_000);

  it('restores a backup of the seeded database to an identical database', async () => {
    const target = join(dir, 'restored.sqlite');
    const { restored, migrated } = await restoreDatabase(backup, target);
    expect(migrated).toEqual([]);
    expect(restored.dataVersion).toBe(1);
    const all = [...dataTables(open(seeded)), 'user', 'session', 'apiToken', 'kysely_migration'];
    expect(contents(target, all)).toEqual(contents(seeded, all));
    expect(search(target, 'torture')).toEqual(search(seeded, 'torture'));
    expect(search(target, 'torture').length).toBeGreaterThan(100);
    const db = open(target);
    expect(integrityProblems(db)).toEqual([]);
    db.close();
    // One file: the backup and the restored database carry no -wal beside them.
    expect(existsSync(`${backup}-wal`)).toBe(false);
  });

  it('refuses an existing backup file, and the database itself', async () => {
    await expect(backupDatabase(seeded, backup)).rejects.toThrow(/already exists/);
    await expect(backupDatabase(seeded, seeded)).rejects.toThrow(/over the database itself/);
  });

  it('refuses a damaged file and leaves the target as it was', async () => {
    const damaged = join(dir, 'damaged.sqlite');
    const bytes = readFileSync(backup);
    // A run of pages in the middle overwritten: b-tree pages no longer parse.
    const middle = Math.floor(bytes.length / 2 / 4096) * 4096;
    bytes.fill(0x5a, middle, middle + 64 * 1024);
    writeFileSync(damaged, bytes);
    const check = open(damaged);
    expect(integrityProblems(check).length).toBeGreaterThan(0);
    check.close();
    const target = join(dir, 'kept.sqlite');
    copyFileSync(seeded, target);
    const before = digest(target);
    await expect(restoreDatabase(damaged, target)).rejects.toThrow(/damaged: PRAGMA integrity_check/);
    expect(digest(target)).toBe(before);
  });

  it('refuses a file that is not SQLite, and an empty one', async () => {
    const text = join(dir, 'notes.sqlite');
    writeFileSync(text, 'these are not the pages you are looking for\n'.repeat(200));
    await expect(restoreDatabase(text, join(dir, 'x.sqlite'))).rejects.toThrow(/is not an SQLite database/);
    writeFileSync(text, '');
    await expect(restoreDatabase(text, join(dir, 'x.sqlite'))).rejects.toThrow(/is not an SQLite database/);
    expect(existsSync(join(dir, 'x.sqlite'))).toBe(false);
  });

  it('refuses a backup made by a newer version', async () => {
    const newer = join(dir, 'newer.sqlite');
    copyFileSync(backup, newer);
    const db = new SQLite(newer);
    db.prepare('insert into kysely_migration (name, timestamp) values (?, ?)').run('2099_01_01_999_from_the_future', '2099-01-01');
    db.close();
    await expect(restoreDatabase(newer, join(dir, 'y.sqlite'))).rejects.toThrow(/newer version.*2099_01_01_999_from_the_future/);
  });

  it('migrates a backup made by an older version', async () => {
    const older = join(dir, 'older.sqlite');
    const db = new SQLite(older);
    const { Kysely, SqliteDialect, Migrator } = await import('kysely');
    const { migrations } = await import('../src/db/migrations/index.js');
    const k = new Kysely<unknown>({ dialect: new SqliteDialect({ database: db }) });
    const names = Object.keys(migrations).sort();
    await new Migrator({ db: k, provider: { getMigrations: async () => migrations } }).migrateTo(names[names.length - 2]!);
    await k.destroy();
    const { migrated } = await restoreDatabase(older, join(dir, 'upgraded.sqlite'));
    expect(migrated).toEqual([names[names.length - 1]]);
  });

  it('does not replay the old database’s -wal onto the restored one', async () => {
    // A database left with committed pages in its -wal (a crashed server), copied with its log.
    const live = join(dir, 'live.sqlite');
    copyFileSync(seeded, live);
    const writer = new SQLite(live);
    writer.pragma('journal_mode = WAL');
    writer.pragma('wal_autocheckpoint = 0');
    writer.exec('delete from uprLink; update dataVersion set version = 999');
    const crashed = join(dir, 'crashed.sqlite');
    copyFileSync(live, crashed);
    copyFileSync(`${live}-wal`, `${crashed}-wal`);
    writer.close();
    await restoreDatabase(backup, crashed);
    expect(existsSync(`${crashed}-wal`)).toBe(false);
    expect(contents(crashed, ['uprLink', 'dataVersion'])).toEqual(contents(seeded, ['uprLink', 'dataVersion']));
  });
});

describe('dataset export and import', { timeout: 30_000 }, () => {
  const exports: Record<'json' | 'csv', string> = { json: '', csv: '' };
  beforeAll(() => {
    const db = createDb(small);
    for (const format of ['json', 'csv'] as const) {
      exports[format] = join(dir, `export-${format}`);
      exportDataset(sqliteOf(db), exports[format], format);
    }
    return db.destroy();
  }, 30_000);

  const freshDatabase = async (name: string) => {
    const path = join(dir, name);
    const db = createDb(path);
    await migrateToLatest(db);
    return { path, db, sqlite: sqliteOf(db) };
  };

  it.each(['json', 'csv'] as const)('a %s export re-imports to the same tables and the same search results', async (format) => {
    const { path, db, sqlite } = await freshDatabase(`imported-${format}.sqlite`);
    await importDataset(sqlite, exports[format]);
    await db.destroy();
    const tables = dataTables(open(small));
    expect(tables).toEqual(
      expect.arrayContaining(['participationEvent', 'auditLog', 'readerFlag', 'uprAssessment', 'uprRecommendation', 'dataVersion']),
    );
    expect(contents(path, tables)).toEqual(contents(small, tables));
    for (const q of ['torture', 'ratif*', '"national preventive mechanism"']) expect(search(path, q)).toEqual(search(small, q));
    const check = open(path);
    expect(integrityProblems(check)).toEqual([]);
    expect(check.prepare('select count(*) from participationEvent where retractedAt is not null').pluck().get()).toBe(1);
    expect(check.prepare('select seq from sqlite_sequence where name = ?').pluck().get('auditLog')).toBe(
      open(small).prepare('select seq from sqlite_sequence where name = ?').pluck().get('auditLog'),
    );
    check.close();
  });

  it('never writes accounts, sessions or tokens', () => {
    for (const format of ['json', 'csv'] as const) {
      const manifest = JSON.parse(readFileSync(join(exports[format], MANIFEST_FILE), 'utf8')) as Manifest;
      expect(Object.keys(manifest.tables)).not.toEqual(expect.arrayContaining(['user']));
      for (const table of ['user', 'session', 'apiToken']) expect(manifest.tables[table]).toBeUndefined();
      for (const { file } of Object.values(manifest.tables))
        expect(readFileSync(join(exports[format], file), 'utf8')).not.toMatch(/SECRET-/);
      expect(manifest.tables.readerFlag!.rows).toBe(1);
      expect(manifest.dataVersion).toBe(1);
    }
  });

  it('refuses a database that holds data, and leaves it unchanged', async () => {
    const target = join(dir, 'not-empty.sqlite');
    copyFileSync(small, target);
    const db = new SQLite(target);
    const before = contents(target, ['dataVersion', 'source']);
    await expect(importDataset(db, exports.json)).rejects.toThrow(/not empty/);
    db.close();
    expect(contents(target, ['dataVersion', 'source'])).toEqual(before);
  });

  /** A copy of an export with one file changed; `rehash` also updates the manifest's checksum, to reach the row checks. */
  const tampered = (
    format: 'json' | 'csv',
    file: string,
    change: (text: string) => string,
    rehash: boolean,
    manifestChange?: (m: Manifest) => void,
  ) => {
    const copy = mkdtempSync(join(dir, 'tampered-'));
    const manifest = JSON.parse(readFileSync(join(exports[format], MANIFEST_FILE), 'utf8')) as Manifest;
    for (const entry of Object.values(manifest.tables)) copyFileSync(join(exports[format], entry.file), join(copy, entry.file));
    const text = change(readFileSync(join(copy, file), 'utf8'));
    writeFileSync(join(copy, file), text);
    const entry = Object.values(manifest.tables).find((e) => e.file === file)!;
    if (rehash) entry.sha256 = createHash('sha256').update(text).digest('hex');
    manifestChange?.(manifest);
    writeFileSync(join(copy, MANIFEST_FILE), JSON.stringify(manifest));
    return copy;
  };

  it('refuses a tampered export, naming the file and row, and writes nothing', async () => {
    const { db, sqlite } = await freshDatabase('refusing.sqlite');
    const cases: [string, RegExp][] = [
      [tampered('json', 'uprSession.ndjson', (t) => t.replace('"cycle":1', '"cycle":2'), false), /uprSession\.ndjson has been changed/],
      [
        tampered('json', 'uprSession.ndjson', (t) => t.replace(/\n[^\n]*\n$/, '\n'), true),
        /uprSession\.ndjson has \d+ rows; the manifest says \d+/,
      ],
      [
        tampered('json', 'state.ndjson', (t) => t.replace(/"sids":0/, '"sids":"no"'), true),
        /state\.ndjson row \d+: column sids should be a whole number/,
      ],
      [
        tampered('json', 'source.ndjson', (t) => t.replace(/\n/, '\n{oops\n').replace(/\n[^\n]*\n$/, '\n'), true),
        /source\.ndjson row 2: not valid JSON/,
      ],
      [tampered('csv', 'uprPledge.csv', (t) => t.replace(/\r?\n"/, '\n"x",'), true), /uprPledge\.csv/],
      [
        tampered('csv', 'instrument.csv', (t) => t.replace(',"rome-statute",', ',rome,'), true),
        /instrument\.csv row \d+: column \w+ is neither a quoted text nor a number/,
      ],
      [
        tampered(
          'json',
          'dataVersion.ndjson',
          (t) => t,
          false,
          (m) => m.migrations.push('2099_01_01_999_from_the_future'),
        ),
        /newer version of the tracker/,
      ],
      // A participation event whose instrument the export does not have: caught at the end, so nothing lands.
      [
        tampered('json', 'participationEvent.ndjson', (t) => t.replace(/"instrumentId":"[^"]+"/, '"instrumentId":"nowhere"'), true),
        /participationEvent\.ndjson: 1 row\(s\) refer to instrument/,
      ],
    ];
    for (const [copy, message] of cases) {
      await expect(importDataset(sqlite, copy), String(message)).rejects.toThrow(message);
      const counts = dataTables(sqlite).map((t) => [t, sqlite.prepare(`select count(*) from "${t}"`).pluck().get()]);
      expect(counts.filter(([t, n]) => n !== (t === 'dataVersion' ? 1 : 0))).toEqual([]);
    }
    await db.destroy();
  });
});

/** Runs `args` under Node with tsx from the api folder; resolves when it prints `ready` (or exits). */
function child(args: string[]) {
  const proc = spawn(process.execPath, ['--import', 'tsx', ...args], { cwd: apiDir, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  proc.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const exited = new Promise<number | null>((done) => proc.on('exit', (code) => done(code)));
  const ready = new Promise<void>((done) => {
    proc.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('ready')) done();
    });
    void exited.then(() => done());
  });
  return { proc, ready, exited, output: () => out + err };
}

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

describe('crash safety', () => {
  it('a restore killed at any moment leaves the old or the new database, whole', async () => {
    const backup = join(dir, 'crash-backup.sqlite');
    await backupDatabase(small, backup);
    const target = join(dir, 'crash-target.sqlite');
    const fingerprint = (path: string) => {
      const db = open(path);
      try {
        expect(integrityProblems(db)).toEqual([]);
        return db
          .prepare(
            "select (select version from dataVersion) || ':' || (select count(*) from uprLink) || ':' || (select count(*) from source)",
          )
          .pluck()
          .get();
      } finally {
        db.close();
      }
    };
    // The old database: the small one after a change the backup does not have.
    const reset = () => {
      rmSync(target, { force: true });
      copyFileSync(small, target);
      const db = new SQLite(target);
      db.exec('delete from uprLink where recommendation % 2 = 0; update dataVersion set version = 2');
      db.close();
    };
    reset();
    const oldPrint = fingerprint(target);
    const newPrint = fingerprint(backup);
    expect(oldPrint).not.toBe(newPrint);

    // An uninterrupted run gives the time the kills are spread over.
    const started = Date.now();
    const full = child(['src/db/restore-cli.ts', '--from', backup, '--to', target]);
    expect(await full.exited, full.output()).toBe(0);
    const duration = Date.now() - started;
    expect(fingerprint(target)).toBe(newPrint);

    const kills = 4;
    const seen: string[] = [];
    for (let i = 0; i < kills; i++) {
      reset();
      const run = child(['src/db/restore-cli.ts', '--from', backup, '--to', target]);
      // Spread over the run, one random moment in each fifth of it.
      await sleep(((i + Math.random()) / kills) * duration);
      run.proc.kill('SIGKILL');
      await run.exited;
      const print = fingerprint(target);
      expect([oldPrint, newPrint]).toContain(print);
      seen.push(print === oldPrint ? 'old' : 'new');
    }
    expect(seen).toHaveLength(kills);
  }, 60_000);

  it('a burst of audited writes killed at random moments applies each write with its audit entry or not at all', async () => {
    const target = join(dir, 'burst.sqlite');
    copyFileSync(small, target);
    const db = open(target);
    const recommendationId = db.prepare('select id from uprRecommendation order by seq limit 1').pluck().get() as string;
    db.close();
    const script = join(dir, 'burst.mts');
    writeFileSync(
      script,
      `import { createDb } from ${JSON.stringify(pathToFileURL(join(apiDir, 'src/db/database.ts')).href)};
import { createUprRepository } from ${JSON.stringify(pathToFileURL(join(apiDir, 'src/repositories/upr.repository.ts')).href)};
const db = createDb(process.argv[2]);
const repo = createUprRepository(db);
const source = { id: 'crash-test-source', title: 'Crash test', publisher: null, url: 'https://example.org/crash', asOf: null, rawFile: null, note: null };
for (let i = 0; ; i++) {
  await repo.appendAssessment(process.argv[3], { status: 'partially-implemented', assessedOn: '2026-12-01', sourceKind: 'ngo', sourceTitle: 'Crash test', sourceUrl: 'https://example.org/crash', documentSymbol: null, evidence: 'write ' + i }, { editor: { name: 'Crash Tester', organisation: 'Test NGO' }, at: new Date().toISOString(), reason: 'crash test', source });
  if (i === 0) console.log('ready');
}
`,
    );
    for (let i = 0; i < 3; i++) {
      const run = child([script, target, recommendationId]);
      await run.ready;
      await sleep(50 + Math.random() * 250);
      run.proc.kill('SIGKILL');
      await run.exited;

      const check = open(target);
      expect(integrityProblems(check)).toEqual([]);
      const assessments = check.prepare('select id from uprAssessment order by id').pluck().all() as number[];
      const entries = check
        .prepare("select entityId from auditLog where entity = 'uprAssessment' and action = 'insert' order by id")
        .pluck()
        .all() as string[];
      expect(assessments.length).toBeGreaterThan(0);
      // Each applied write has exactly one audit entry, each entry one applied write, and the data version moved once per write.
      expect(entries.map(Number)).toEqual(assessments);
      expect(check.prepare('select version from dataVersion').pluck().get()).toBe(1 + assessments.length);
      check.close();
    }
  }, 60_000);
});
