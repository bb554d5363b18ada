import { execFileSync } from 'node:child_process';

/** Drops the run's database once both servers have stopped. */
export default function teardown() {
  const url = process.env.E2E_PG_DATABASE_URL;
  if (url) execFileSync(process.execPath, ['postgres/database.mjs', 'drop', url], { stdio: 'inherit' });
}
