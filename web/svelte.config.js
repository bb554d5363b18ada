import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    // The API server mounts build/handler.js, so the dashboard and /api share one port.
    adapter: adapter({ out: 'build' }),
  },
};

export default config;
