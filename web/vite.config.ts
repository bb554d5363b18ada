import { fileURLToPath } from 'node:url';
import { sveltekit } from '@sveltejs/kit/vite';
import { svelte, vitePreprocess } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vitest/config';

// `pnpm dev`: the API runs on API_DEV_PORT (default 3001) and Vite forwards /api to it, so pages
// fetch the same URLs in development as in production, where both share one port.
const apiPort = process.env.API_DEV_PORT ?? '3001';

const here = fileURLToPath(new URL('.', import.meta.url));
// SvelteKit's plugin reads its configuration from the working directory, so when the root
// vitest.config.js runs this package's tests from the repository root, they run with Svelte's
// plugin and the $lib alias instead (the tests use nothing else of SvelteKit's).
const fromElsewhere = !!process.env.VITEST && process.cwd() !== here.replace(/\/$/, '');

export default defineConfig({
  root: here,
  plugins: fromElsewhere ? [svelte({ configFile: false, preprocess: vitePreprocess() })] : [sveltekit()],
  resolve: fromElsewhere ? { alias: { $lib: `${here}src/lib` } } : {},
  server: {
    proxy: { '/api': `http://127.0.0.1:${apiPort}` },
  },
  test: {
    name: 'web',
    include: ['src/**/*.test.ts'],
  },
});
