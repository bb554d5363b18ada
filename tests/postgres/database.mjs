// Creates (`create SERVER`) or drops (`drop URL`) the database of the PostgreSQL smoke run; prints
// the new database's address. C collation, as the tracker expects (README, "Running for many users").
import { randomBytes } from 'node:crypto';
import pg from 'pg';

const [action, address] = process.argv.slice(2);
const url = new URL(address);
const name = action === 'create' ? `tracker_e2e_${randomBytes(5).toString('hex')}` : url.pathname.slice(1);
const admin = new pg.Client({ connectionString: new URL('/postgres', url).href });
await admin.connect();
try {
  if (action === 'create') {
    await admin.query(`create database "${name}" template template0 encoding 'UTF8' lc_collate 'C' lc_ctype 'C.UTF-8'`);
    console.log(new URL(`/${name}`, url).href);
  } else {
    await admin.query(`drop database if exists "${name}" with (force)`);
  }
} finally {
  await admin.end();
}
