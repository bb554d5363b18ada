import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

/**
 * The integration suite again, on PostgreSQL: `TEST_DATABASE_URL=postgres://user@host:port/`
 * names a server on which the run may create and drop databases (test/databases.ts). The unit
 * tests under src/ do not touch a database engine and run once, on the SQLite run. Left out here:
 * the files about SQLite itself (its backup and restore commands, the start-up messages about its
 * file), and the two longest files, which test the rules above the database (the request fuzzer:
 * what every route accepts and refuses; the authorization table: who may call what), so that the
 * PostgreSQL run fits beside the browser tests in CI's 30 minutes. Sessions, tokens and writes on
 * PostgreSQL are tested by accounts, editing, follow-up and test/postgres/.
 */
if (!process.env.TEST_DATABASE_URL) {
  throw new Error(
    'TEST_DATABASE_URL must name a PostgreSQL server (postgres://user@host:port/), or run: scripts/with-postgres.sh pnpm -F @tracker/api test:postgres',
  );
}

export default defineConfig({
  ...base,
  test: {
    ...base.test,
    name: 'api-postgres',
    include: ['test/**/*.test.ts'],
    exclude: ['test/backup.test.ts', 'test/startup.test.ts', 'test/fuzz.test.ts', 'test/authorization.test.ts'],
  },
});
