import Fastify from 'fastify';
import sensible from '@fastify/sensible';
import { serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import { retiredSettingWarnings, type Config } from './config.js';
import { createDb, type Database } from './db/database.js';
import { dbPlugin } from './plugins/db.js';
import { authPlugin } from './plugins/auth.js';
import { clientErrorHandler, errorsPlugin, frameworkErrors, MAX_PARAM_LENGTH } from './plugins/errors.js';
import { rateLimitsPlugin } from './plugins/rate-limits.js';
import { languagePlugin } from './plugins/language.js';
import { responseCachePlugin } from './plugins/response-cache.js';
import { swaggerPlugin } from './plugins/swagger.js';
import { webPlugin } from './plugins/web.js';
import { advocacyProgressRoutes } from './routes/advocacy-progress.js';
import { catReportingRoutes } from './routes/cat-reporting.js';
import { agendaRoutes } from './routes/agenda.js';
import { changesRoutes } from './routes/changes.js';
import { instrumentRoutes } from './routes/instruments.js';
import { metaRoutes } from './routes/meta.js';
import { stateRoutes } from './routes/states.js';
import { advocacyRoutes } from './routes/advocacy.js';
import { adminRoutes } from './routes/admin.js';
import { authRoutes } from './routes/auth.js';
import { readerFlagRoutes } from './routes/flags.js';
import { reviewQueueRoutes } from './routes/review.js';
import { uprRoutes } from './routes/upr.js';
import { eventRoutes } from './routes/events.js';
import { catEditingRoutes } from './routes/cat-editing.js';
import { followUpRoutes } from './routes/follow-up.js';

export interface RouteTableEntry {
  method: string;
  url: string;
  hidden: boolean;
}

declare module 'fastify' {
  interface FastifyInstance {
    routeTable: readonly RouteTableEntry[];
    config: Config;
  }
}

/**
 * Builds the whole application without listening, so tests can `inject` into it.
 * The database must already be migrated (server.ts and the test helper do that).
 */
export async function buildApp(config: Config, db: Kysely<Database> = createDb(config.database)) {
  const app = Fastify({
    logger: config.logLevel === 'silent' ? false : { level: config.logLevel },
    trustProxy: config.trustProxy,
    // "/api/states/" answers as "/api/states"; long path parts reach the route, whose schema says what is wrong.
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: MAX_PARAM_LENGTH },
    frameworkErrors,
    clientErrorHandler,
    // Node would refuse an HTTP/1.1 request without Host with a bare 400 and no body; the errors
    // plugin refuses it instead, with the same error body as everything else.
    http: { requireHostHeader: false },
  }).withTypeProvider<ZodTypeProvider>();
  // Every route as registered, so a test can check that each one is documented in OpenAPI.
  const routeTable: RouteTableEntry[] = [];
  app.addHook('onRoute', (route) => {
    for (const method of [route.method].flat()) {
      routeTable.push({ method, url: route.url, hidden: route.schema?.hide === true });
    }
  });
  app.decorate('routeTable', routeTable);
  app.decorate('config', config);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(sensible);
  await app.register(import('./plugins/security-headers.js'));
  await app.register(dbPlugin, { db });
  await app.register(errorsPlugin);
  await app.register(swaggerPlugin);
  await app.register(rateLimitsPlugin);
  await app.register(authPlugin);
  for (const warning of retiredSettingWarnings(config)) app.log.warn(warning);

  await app.register(languagePlugin);
  await app.register(responseCachePlugin);

  await app.register(metaRoutes, { prefix: '/api' });
  await app.register(stateRoutes, { prefix: '/api/states' });
  await app.register(instrumentRoutes, { prefix: '/api/instruments' });
  await app.register(catReportingRoutes, { prefix: '/api/cat-reporting' });
  await app.register(catEditingRoutes, { prefix: '/api/cat-reporting' });
  await app.register(followUpRoutes, { prefix: '/api/follow-up' });
  await app.register(uprRoutes, { prefix: '/api/upr' });
  await app.register(eventRoutes, { prefix: '/api/events' });
  await app.register(advocacyProgressRoutes, { prefix: '/api/advocacy' });
  await app.register(advocacyRoutes, { prefix: '/api/advocacy' });
  await app.register(changesRoutes, { prefix: '/api/changes' });
  await app.register(agendaRoutes, { prefix: '/api/agenda' });
  await app.register(authRoutes, { prefix: '/api/auth' });
  await app.register(adminRoutes, { prefix: '/api/admin' });
  await app.register(reviewQueueRoutes, { prefix: '/api/review-queue' });
  await app.register(readerFlagRoutes, { prefix: '/api/flags' });

  await app.register(webPlugin, { buildDir: config.webBuildDir });
  return app;
}
