import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { Repositories } from '../repositories/index.js';
import { createCatReportingService } from './cat-reporting.service.js';
import { createCatalogueService } from './catalogue.service.js';
import { createStatusService } from './status.service.js';
import { createUprService } from './upr.service.js';

/**
 * Builds the services the routes use, from the repositories (and the database, for the UPR
 * service's bulk reads), so that plugins/db.ts only decorates the app with the result. The routes
 * reach them under one name each: `app.services.status`, `app.services.catalogue`,
 * `app.services.catReporting` and `app.services.upr`.
 */
export function createServices(repos: Repositories, db: Kysely<Database>) {
  const status = createStatusService(repos);
  return {
    status,
    catalogue: createCatalogueService(repos, status),
    catReporting: createCatReportingService(repos),
    upr: createUprService(db, repos),
  };
}
export type Services = ReturnType<typeof createServices>;
