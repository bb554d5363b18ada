import fp from 'fastify-plugin';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { createCatReportingRepository } from '../repositories/cat-reporting.repository.js';
import { createInstrumentRepository } from '../repositories/instrument.repository.js';
import { createMetaRepository } from '../repositories/meta.repository.js';
import { createParticipationRepository } from '../repositories/participation.repository.js';
import { createStateRepository } from '../repositories/state.repository.js';
import { createCatReportingService, type CatReportingService } from '../services/cat-reporting.service.js';
import { createCatalogueService, type CatalogueService } from '../services/catalogue.service.js';
import { createUprService, type UprService } from '../services/upr.service.js';
import { createStatusService, type StatusService } from '../services/status.service.js';

const createRepositories = (db: Kysely<Database>) => ({
  meta: createMetaRepository(db),
  states: createStateRepository(db),
  instruments: createInstrumentRepository(db),
  participation: createParticipationRepository(db),
  catReporting: createCatReportingRepository(db),
});
export type Repositories = ReturnType<typeof createRepositories>;

declare module 'fastify' {
  interface FastifyInstance {
    db: Kysely<Database>;
    repos: Repositories;
    statusService: StatusService;
    catalogue: CatalogueService;
    catReporting: CatReportingService;
    upr: UprService;
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
  app.decorate('catReporting', createCatReportingService(repos));
  app.decorate('upr', createUprService(db, repos));
  app.addHook('onClose', async () => db.destroy());
});
