import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'api',
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    // Tests of what only PostgreSQL does (several processes on one database, copies between the
    // engines) need a PostgreSQL server: they run in vitest.postgres.config.ts.
    exclude: ['test/postgres/**', '**/node_modules/**'],
    globalSetup: ['test/global-setup.ts'],
    // Tests that sign in hash passwords with scrypt (some 50 ms each, by design) and some start a
    // command-line tool: on a loaded 2-core CI machine 5 s is not enough for them.
    testTimeout: 30_000,
  },
});
