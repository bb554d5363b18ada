// JavaScript, not TypeScript: no tsconfig covers the repository root, and the type-aware lint needs one for .ts files.
import { defineConfig } from 'vitest/config';

// `npx vitest run` at the root: the three packages' test suites in one run, side by side. Each
// keeps its own configuration (api/vitest.config.ts, scripts/vitest.config.ts, web/vite.config.ts),
// global setup included; `--project api` (or scripts, web) runs one of them.
// Measured on two shared cores (Dec 2026), one run took as long as the three packages one after
// another (~120-150 s either way): each package alone already keeps both cores busy.
export default defineConfig({
  test: {
    projects: ['api', 'scripts', 'web'],
  },
});
