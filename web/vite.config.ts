import { sveltekit } from '@sveltejs/kit/vite';
import { defineConfig } from 'vitest/config';

// `pnpm dev`: the API runs on API_DEV_PORT (default 3001) and Vite forwards /api to it, so pages
// fetch the same URLs in development as in production, where both share one port.
const apiPort = process.env.API_DEV_PORT ?? '3001';

export default defineConfig({
  plugins: [sveltekit()],
  server: {
    proxy: { '/api': `http://127.0.0.1:${apiPort}` },
  },
  test: {
    name: 'web',
    include: ['src/**/*.test.ts'],
  },
});
