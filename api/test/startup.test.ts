import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../src/config.js';
import { createDb, sqliteOf } from '../src/db/database.js';
import { explainDatabaseError, openDatabase } from '../src/db/open.js';
import { withoutPassword } from '../src/db/dialect.js';
import { seededImage } from './helper.js';

const seedDir = loadConfig({}).seedDir;
const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'tracker-startup-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('opening the database at start-up', () => {
  it('says a file is not a database, and names it', async () => {
    const path = join(tempDir(), 'notes.sqlite');
    writeFileSync(path, 'these are my notes, not a database '.repeat(200));
    await expect(openDatabase(path, seedDir)).rejects.toThrow(`The database at ${path} is not an SQLite database`);
  });

  it('says a database set up by a newer version is newer, naming the migration it does not know', async () => {
    const path = join(tempDir(), 'db.sqlite');
    writeFileSync(path, seededImage());
    const db = createDb(path);
    sqliteOf(db)
      .prepare("insert into kysely_migration (name, timestamp) values ('2099_01_01_001_from_the_future', '2099-01-01T00:00:00.000Z')")
      .run();
    await db.destroy();
    await expect(openDatabase(path, seedDir)).rejects.toThrow(
      /newer version of the tracker: it has migration 2099_01_01_001_from_the_future/,
    );
  });

  it('says a path that is a folder cannot be opened', async () => {
    const path = join(tempDir(), 'db.sqlite');
    mkdirSync(path);
    await expect(openDatabase(path, seedDir)).rejects.toThrow(`The database at ${path} cannot be opened: it is a folder, not a file`);
  });

  it('says a folder that cannot be made cannot be made', async () => {
    const file = join(tempDir(), 'a-file');
    writeFileSync(file, '');
    const path = join(file, 'db.sqlite');
    await expect(openDatabase(path, seedDir)).rejects.toThrow(`The database at ${path} cannot be opened`);
  });

  it('opens, migrates and seeds a new file', async () => {
    const db = await openDatabase(join(tempDir(), 'new.sqlite'), seedDir);
    expect((sqliteOf(db).prepare('select count(*) as n from state').get() as { n: number }).n).toBe(197);
    await db.destroy();
  });
});

describe('explainDatabaseError', () => {
  it.each([
    ['SQLITE_READONLY', /cannot be written .* make \/srv\/tracker writable/],
    ['SQLITE_CORRUPT', /is damaged .* Restore it from a backup/],
    ['SQLITE_BUSY', /locked by another process/],
  ])('words %s with the file and what to do', (code, expected) => {
    const err = Object.assign(new Error('sqlite says no'), { code });
    expect(explainDatabaseError(err, '/srv/tracker/db.sqlite')).toMatch(expected);
    expect(explainDatabaseError(err, '/srv/tracker/db.sqlite')).toContain('/srv/tracker/db.sqlite');
  });

  it.each([
    ['ECONNREFUSED', /cannot be reached .* names its host and port/],
    ['28P01', /refused the account .* user and password/],
    ['3D000', /does not exist: create it first \(createdb .*lc-collate=C/],
    ['42501', /does not let this account create/],
  ])('words PostgreSQL %s with the address (never the password) and what to do', (code, expected) => {
    const err = Object.assign(new Error('postgres says no'), { code });
    const address = withoutPassword('postgres://tracker:s3cret@db.example.org:5432/tracker');
    expect(address).toBe('postgres://tracker:***@db.example.org:5432/tracker');
    expect(explainDatabaseError(err, address)).toMatch(expected);
    expect(explainDatabaseError(err, address)).toContain('db.example.org:5432/tracker');
    expect(explainDatabaseError(err, address)).not.toContain('s3cret');
  });

  it('names an unreachable PostgreSQL server at start-up, without its password', async () => {
    await expect(openDatabase('postgres://tracker:s3cret@127.0.0.1:1/tracker', seedDir)).rejects.toThrow(
      /^The database at postgres:\/\/tracker:\*\*\*@127\.0\.0\.1:1\/tracker cannot be reached/,
    );
  });
});
