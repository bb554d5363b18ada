import type { Principal } from '../services/accounts.service.js';
import type { Editor } from '../services/upr.service.js';
import type { FastifyInstance } from 'fastify';
import { INSTRUMENT_IDS } from '../domain/types.js';

/**
 * Answers shared by several route files (states, instruments, CAT reporting, UPR). They live here
 * so that route files never import one another.
 */

/**
 * A well-formed M49 code that no state has is a mistake, not an empty selection. `param` names the
 * query parameter where a route has more than one region filter.
 */
export async function assertKnownRegion(app: FastifyInstance, code: string, param = 'region') {
  if (!(await app.repos.states.hasRegion(code))) {
    throw app.httpErrors.badRequest(
      `Unknown M49 region "${code}" (${param}): use a region, sub-region or intermediate region code listed by GET /api/states`,
    );
  }
}

/** The 404 for a well-formed instrument id that names none of the 11 instruments. */
export const unknownInstrument = (app: FastifyInstance, id: string) =>
  app.httpErrors.notFound(`No instrument "${id}". Known ids: ${INSTRUMENT_IDS.join(', ')}.`);

/** The 404 for a well-formed ISO3 code that no state of the registry has. */
export const unknownState = (app: FastifyInstance, iso3: string) =>
  app.httpErrors.notFound(`No state with ISO 3166-1 alpha-3 code "${iso3}": GET /api/states lists the codes`);

/** How a write route is reached, for its OpenAPI description. */
export const EDIT_ACCESS =
  'For editors: a signed-in session (sending its x-csrf-token) or an API token with this scope. Every write cites a source and gives a reason, and appears in the public change feed (GET /api/changes). Writes are limited per address (429 past the limit).';

/** Who records a write: the signed-in editor or the token's user, and the organisation it records for. */
export const editorOf = (request: { principal: Principal | null }): Editor => ({
  name: request.principal!.name,
  organisation: request.principal!.organisation,
});
