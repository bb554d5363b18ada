import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

/**
 * The integration suite again, on PostgreSQL: `TEST_DATABASE_URL=postgres://user@host:port/`
 * names a server on which the run may create and drop databases (test/databases.ts), and
 * test/postgres/ adds what only PostgreSQL does (two processes on one database, copies between the
 * engines, search parity). The unit tests under src/ touch no database and run once, on SQLite.
 *
 * Left out here, so that the PostgreSQL half fits in CI's 30 minutes with the rest: the files about
 * SQLite's own files (backup and restore, start-up messages about the file), and those that test
 * rules above the database, which no query of theirs depends on the engine for: the request
 * fuzzer (what every route accepts and refuses), the authorization table (who may call what), the
 * CSV byte-order mark, language negotiation, the map images' drawing and the OpenAPI document.
 * Sessions, tokens, writes, searches, caches and every query of the repositories run here.
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
    exclude: [
      'test/backup.test.ts',
      'test/startup.test.ts',
      'test/fuzz.test.ts',
      'test/authorization.test.ts',
      'test/csv-bom.test.ts',
      'test/language.test.ts',
      'test/map-image.test.ts',
      'test/meta.test.ts',
    ],
  },
});
