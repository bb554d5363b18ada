import helmet from '@fastify/helmet';
import fp from 'fastify-plugin';

/**
 * API answers are data (JSON, CSV, calendars): nothing in them may load, run or be framed, even
 * if a browser is tricked into rendering one as a document.
 */
export const API_CSP = { 'default-src': ["'none'"], 'frame-ancestors': ["'none'"] };

/**
 * Swagger UI at /api/docs: its scripts are files of its own (no inline script), it fetches the
 * OpenAPI document from the same origin and draws its icons as data: images. Its bundle adds a
 * <style> element when it starts, whose content changes with its version, so inline styles are
 * allowed on this page alone (a style cannot run script).
 */
export const DOCS_CSP = {
  'default-src': ["'self'"],
  'base-uri': ["'self'"],
  'connect-src': ["'self'"],
  'font-src': ["'self'", 'data:'],
  'form-action': ["'self'"],
  'frame-ancestors': ["'none'"],
  'img-src': ["'self'", 'data:'],
  'object-src': ["'none'"],
  'script-src': ["'self'"],
  'script-src-attr': ["'none'"],
  'style-src': ["'self'", "'unsafe-inline'"],
};

const isDocs = (url: string) => url === '/api/docs' || url.startsWith('/api/docs/');

/**
 * Security headers on every response (helmet's onRequest hook sets them on the raw response, so
 * they also reach answers sent from a cache and the dashboard's pages, which plugins/web.ts
 * hands to SvelteKit). The dashboard's pages carry SvelteKit's own Content-Security-Policy
 * (web/svelte.config.js), which replaces the API's strict one when SvelteKit sets its headers.
 * Must be registered before the routes, so that the docs' routes get their own policy.
 */
export default fp(
  async (app) => {
    // Added before helmet's own onRoute hook, which reads the route option set here.
    app.addHook('onRoute', (route) => {
      if (isDocs(route.url)) route.helmet = { contentSecurityPolicy: { useDefaults: false, directives: DOCS_CSP } };
    });
    await app.register(helmet, {
      contentSecurityPolicy: { useDefaults: false, directives: API_CSP },
      // X-Frame-Options for browsers that predate frame-ancestors.
      frameguard: { action: 'deny' },
      // Links to sources tell the other site which page they came from, never a query string.
      referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
      // Only meaningful over HTTPS (browsers ignore it over HTTP); subdomains are the operator's to decide.
      strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: false },
    });
  },
  { name: 'security-headers' },
);
