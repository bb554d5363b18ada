import { defineConfig } from 'vitest/config';
import base from './vitest.config.js';

/**
 * The integration suite again, on PostgreSQL: `TEST_DATABASE_URL=postgres://user@host:port/`
 * names a server on which the run may create and drop databases (test/databases.ts). The unit
 * tests under src/ do not touch a database engine and run once, on the SQLite run. Left out here:
 * the files about SQLite itself — its backup and restore commands, the start-up messages about
 * its file, and the tests that read or damage its file directly.
 */
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    name: 'api-postgres',
    include: ['test/**/*.test.ts'],
    exclude: ['test/backup.test.ts', 'test/startup.test.ts'],
  },
});
