import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    name: 'scripts',
    include: ['src/**/*.test.ts'],
    // One migrated and seeded database for the run; the importer tests copy it (src/test-support/seeded-image.ts).
    globalSetup: ['src/test-support/global-setup.ts'],
  },
});
