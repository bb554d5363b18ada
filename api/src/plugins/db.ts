import fp from 'fastify-plugin';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { createInstrumentRepository } from '../repositories/instrument.repository.js';
import { createMetaRepository } from '../repositories/meta.repository.js';
import { createParticipationRepository } from '../repositories/participation.repository.js';
import { createStateRepository } from '../repositories/state.repository.js';
import { createCatalogueService, type CatalogueService } from '../services/catalogue.service.js';
import { createStatusService, type StatusService } from '../services/status.service.js';

const createRepositories = (db: Kysely<Database>) => ({
  meta: createMetaRepository(db),
  states: createStateRepository(db),
  instruments: createInstrumentRepository(db),
  participation: createParticipationRepository(db),
});
export type Repositories = ReturnType<typeof createRepositories>;

declare module 'fastify' {
  interface FastifyInstance {
    db: Kysely<Database>;
    repos: Repositories;
    statusService: StatusService;
    catalogue: CatalogueService;
  }
}

/** Shares the database and its repositories with every route; closes the database with the app. */
export const dbPlugin = fp<{ db: Kysely<Database> }>(async (app, { db }) => {
  app.decorate('db', db);
  const repos = createRepositories(db);
  app.decorate('repos', repos);
  const statusService = createStatusService(repos);
  app.decorate('statusService', statusService);
  app.decorate('catalogue', createCatalogueService(repos, statusService));
  app.addHook('onClose', async () => db.destroy());
});
