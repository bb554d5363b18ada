import { isAbsolute, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

/** Repository root: this file sits at api/src/config.ts (or api/dist/config.js once built). */
export const repoRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');

const fromRepoRoot = (path: string) => (path === ':memory:' || isAbsolute(path) ? path : resolve(repoRoot, path));

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_PATH: z.string().min(1).default('data/tracker.sqlite').transform(fromRepoRoot),
  /**
   * A PostgreSQL database (postgres://user:password@host:port/name) instead of the SQLite file:
   * for several server processes behind a load balancer. Unset: the SQLite file at DATABASE_PATH.
   */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// (or postgresql://) address such as postgres://tracker@db:5432/tracker')
    .optional(),
  LOG_LEVEL: z.enum(['silent', 'fatal', 'error', 'warn', 'info', 'debug', 'trace']).default('info'),
  /** The built SvelteKit app (adapter-node output). Without it the server answers /api only. */
  WEB_BUILD_DIR: z.string().min(1).default('web/build').transform(fromRepoRoot),
  /** The normalised dataset loaded into an empty database on start. */
  SEED_DIR: z.string().min(1).default('data/seed').transform(fromRepoRoot),
  /**
   * Retired: writes once needed this one server-wide token; they now need an account (a session
   * or an API token). Still read only to say so at start-up, so that nobody believes it protects anything.
   */
  EDIT_TOKEN: z.string().optional(),
  /**
   * The address readers reach the tracker at, for the absolute links the server writes (calendar
   * feeds). Never taken from a request's Host header: that is the sender's to choose, and an answer
   * built from it would be cached and served to everyone. Default: http://HOST:PORT.
   */
  PUBLIC_URL: z
    .url({ protocol: /^https?$/, error: 'must be an http:// or https:// address such as https://tracker.example.org' })
    .transform((url) => url.replace(/\/+$/, ''))
    .optional(),
  /**
   * Behind a reverse proxy, every request arrives from the proxy's address; set this to the
   * proxy's address (or a comma-separated list, or true) so that rate limits count each reader by
   * the X-Forwarded-For address the proxy adds. Unset: requests are counted by their own address.
   */
  TRUST_PROXY: z.string().min(1).optional(),
  /** Requests per minute one address may make (pages, files and API alike); 0 turns the limits off. */
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(1200),
  /**
   * The sites that may show the embeddable map and counter (/embed/...) in a frame: their
   * Content-Security-Policy frame-ancestors, space-separated. `*` (the default) lets any site embed
   * them; a list of origins (https://coalition.example.org https://news.example.com) only those.
   * Every other page may never be framed.
   */
  EMBED_ALLOWED_ORIGINS: z
    .string()
    .trim()
    .default('*')
    .transform((value) => value.split(/\s+/).filter(Boolean))
    .pipe(
      z
        .array(
          z.string().regex(/^(\*|'self'|https?:\/\/(\*\.)?[a-z0-9.-]+(:\d{1,5})?)$/i, {
            error: (issue) => `"${String(issue.input)}" is not *, 'self' or an origin such as https://coalition.example.org`,
          }),
        )
        .min(1, 'must name at least one origin, or *'),
    ),
});

/** http://HOST:PORT; a wildcard address (0.0.0.0, ::) is no address to link to, so localhost stands in. */
const defaultPublicUrl = (host: string, port: number) => {
  const name = host === '0.0.0.0' || host === '::' ? 'localhost' : host.includes(':') ? `[${host}]` : host;
  return `http://${name}:${port}`;
};

/** TRUST_PROXY as Fastify takes it: true (any proxy), or the proxies' addresses and CIDR ranges, comma-separated. */
const trustProxy = (value: string | undefined): boolean | string =>
  value === undefined || value === 'false' ? false : value === 'true' ? true : value;

const ConfigSchema = Env.transform((env) => ({
  port: env.PORT,
  host: env.HOST,
  databasePath: env.DATABASE_PATH,
  /** Where the data lives: the PostgreSQL address when DATABASE_URL is set, else the SQLite file. */
  database: env.DATABASE_URL ?? env.DATABASE_PATH,
  logLevel: env.LOG_LEVEL,
  webBuildDir: env.WEB_BUILD_DIR,
  seedDir: env.SEED_DIR,
  editTokenRetired: env.EDIT_TOKEN !== undefined,
  publicUrl: env.PUBLIC_URL ?? defaultPublicUrl(env.HOST, env.PORT),
  trustProxy: trustProxy(env.TRUST_PROXY),
  rateLimitPerMinute: env.RATE_LIMIT_PER_MINUTE,
  embedFrameAncestors: env.EMBED_ALLOWED_ORIGINS,
}));

export type Config = Readonly<z.output<typeof ConfigSchema>>;

/**
 * Parses the environment once, at start-up; nothing else reads process.env.
 * A bad value stops the server with a message naming the variable.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ConfigSchema.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ');
    throw new Error(`Invalid configuration: ${problems}`);
  }
  return Object.freeze(parsed.data);
}

/** Start-up warnings about settings that no longer do anything, so nobody relies on them unawares. */
export function retiredSettingWarnings(config: Config): string[] {
  return config.editTokenRetired
    ? [
        'EDIT_TOKEN is set but no longer used: writes now need an account. Create the first admin with `pnpm -F @tracker/api user:create -- --admin …`, then an API token for scripts (README, "Accounts and editing"), and remove EDIT_TOKEN.',
      ]
    : [];
}
