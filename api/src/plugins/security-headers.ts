import helmet, { type FastifyHelmetOptions } from '@fastify/helmet';
import Fastify from 'fastify';
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

const HELMET_OPTIONS: FastifyHelmetOptions = {
  contentSecurityPolicy: { useDefaults: false, directives: API_CSP },
  // X-Frame-Options for browsers that predate frame-ancestors.
  frameguard: { action: 'deny' },
  // Links to sources tell the other site which page they came from, never a query string.
  referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
  // Only meaningful over HTTPS (browsers ignore it over HTTP); subdomains are the operator's to decide.
  strictTransportSecurity: { maxAge: 31_536_000, includeSubDomains: false },
};

/**
 * The headers @fastify/helmet sets with these options, asked of it once. Registered on the app,
 * it builds them anew on every request (some 40 µs: a quarter of the status endpoint's time);
 * they never change, so they are worked out at start-up and copied onto each response.
 */
async function helmetHeaders(options: FastifyHelmetOptions): Promise<[string, string][]> {
  const probe = Fastify();
  await probe.register(helmet, options);
  probe.get('/', async () => '');
  const { headers } = await probe.inject('/');
  await probe.close();
  const own = new Set(['content-type', 'content-length', 'date', 'connection', 'keep-alive']);
  return Object.entries(headers)
    .filter(([name]) => !own.has(name))
    .map(([name, value]) => [name, String(value)]);
}

const isDocs = (url: string) => url === '/api/docs' || url.startsWith('/api/docs/') || url.startsWith('/api/docs?');

/**
 * Security headers on every response. They are set on the raw response, as helmet does, so they
 * also reach answers sent from a cache and the dashboard's pages, which plugins/web.ts hands to
 * SvelteKit. The pages carry SvelteKit's own Content-Security-Policy (web/svelte.config.js),
 * which replaces the API's strict one when SvelteKit sets its headers.
 */
export default fp(
  async (app) => {
    const api = await helmetHeaders(HELMET_OPTIONS);
    const docs = await helmetHeaders({ ...HELMET_OPTIONS, contentSecurityPolicy: { useDefaults: false, directives: DOCS_CSP } });
    app.addHook('onRequest', (request, reply, done) => {
      for (const [name, value] of isDocs(request.url) ? docs : api) reply.raw.setHeader(name, value);
      done();
    });
  },
  { name: 'security-headers' },
);
