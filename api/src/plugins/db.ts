import fp from 'fastify-plugin';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { dialectOf } from '../db/dialect.js';
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
  // On PostgreSQL other server processes write too: every request first reads the data version
  // (one primary-key read), so that caches keyed on it never answer from data another process
  // has since changed. SQLite reads it where it is used (one process owns the file).
  if (dialectOf(db) === 'postgres') {
    await repos.meta.refreshDataVersion();
    app.addHook('onRequest', async () => {
      await repos.meta.refreshDataVersion();
    });
  }
  app.addHook('onClose', async () => db.destroy());
});
