import type { Repositories } from '../repositories/index.js';
import { createAgendaService } from './agenda.service.js';
import { createAdvocacyProgressService } from './advocacy-progress.service.js';
import { createAdvocacyService } from './advocacy.service.js';
import { createCatReportingService } from './cat-reporting.service.js';
import { createCatalogueService } from './catalogue.service.js';
import { createMapImageService } from './map-image.service.js';
import { createChangesService } from './changes.service.js';
import { createStatusService } from './status.service.js';
import { createUprService } from './upr.service.js';

/**
 * Builds the services the routes use from the repositories (the services built here hold no SQL
 * of their own), so that plugins/db.ts only decorates the app with the result. The routes reach
 * them under one name each: `app.services.status`, `app.services.catalogue`,
 * `app.services.catReporting`, `app.services.upr`, `app.services.advocacy`, `app.services.changes`, `app.services.agenda` and `app.services.mapImage`.
 */
export function createServices(repos: Repositories) {
  const status = createStatusService(repos);
  const catReporting = createCatReportingService(repos);
  return {
    status,
    catalogue: createCatalogueService(repos, status),
    catReporting,
    upr: createUprService(repos),
    advocacyProgress: createAdvocacyProgressService(repos, status),
    advocacy: createAdvocacyService(repos, status, catReporting),
    changes: createChangesService(repos),
    agenda: createAgendaService(repos, status, catReporting),
    mapImage: createMapImageService(repos, status),
  };
}
export type Services = ReturnType<typeof createServices>;
