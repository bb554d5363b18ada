import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'scripts',
    include: ['src/**/*.test.ts'],
    // One migrated and seeded database for the run, made by the API's test setup (the same image its
    // tests start from); the importer tests copy it (src/test-support/seeded-image.ts).
    globalSetup: ['../api/test/global-setup.ts'],
  },
});
