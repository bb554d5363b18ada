import fp from 'fastify-plugin';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { createRepositories, type Repositories } from '../repositories/index.js';
import { createServices, type Services } from '../services/index.js';

declare module 'fastify' {
  interface FastifyInstance {
    db: Kysely<Database>;
    repos: Repositories;
    services: Services;
  }
}

/**
 * Shares the database, its repositories and the services with every route; closes the database
 * with the app. Repositories and services are assembled in repositories/index.ts and
 * services/index.ts; this plugin only decorates.
 */
export const dbPlugin = fp<{ db: Kysely<Database> }>(async (app, { db }) => {
  const repos = createRepositories(db);
  app.decorate('db', db);
  app.decorate('repos', repos);
  app.decorate('services', createServices(repos));
  app.addHook('onClose', async () => db.destroy());
});
