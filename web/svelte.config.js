import adapter from '@sveltejs/adapter-node';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** @type {import('@sveltejs/kit').Config} */
const config = {
  preprocess: vitePreprocess(),
  kit: {
    // The API server mounts build/handler.js, so the dashboard and /api share one port.
    adapter: adapter({ out: 'build' }),
    // Every page's Content-Security-Policy header. Hashes, not nonces, allow SvelteKit's inline
    // start-up script: a hash is the same on every render, so the server can cache a rendered
    // page (api/src/plugins/web.ts) without reusing a nonce, which must be new on every response.
    csp: {
      mode: 'hash',
      directives: {
        'default-src': ['self'],
        'script-src': ['self'],
        'style-src': ['self'],
        // Colours and tooltip positions set in style="" attributes (Chip, the map's tooltip,
        // app.html's wrapper): attributes cannot load anything or run script.
        'style-src-attr': ['unsafe-inline'],
        'img-src': ['self', 'data:'],
        'font-src': ['self'],
        'connect-src': ['self'],
        'object-src': ['none'],
        'base-uri': ['self'],
        'form-action': ['self'],
        'frame-ancestors': ['none'],
      },
    },
  },
};

export default config;
