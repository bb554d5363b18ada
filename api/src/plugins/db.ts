import fp from 'fastify-plugin';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { createMetaRepository } from '../repositories/meta.repository.js';

const createRepositories = (db: Kysely<Database>) => ({
  meta: createMetaRepository(db),
});
export type Repositories = ReturnType<typeof createRepositories>;

declare module 'fastify' {
  interface FastifyInstance {
    db: Kysely<Database>;
    repos: Repositories;
  }
}

/** Shares the database and its repositories with every route; closes the database with the app. */
export const dbPlugin = fp<{ db: Kysely<Database> }>(async (app, { db }) => {
  app.decorate('db', db);
  app.decorate('repos', createRepositories(db));
  app.addHook('onClose', async () => db.destroy());
});
