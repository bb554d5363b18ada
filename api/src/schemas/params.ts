import { z } from 'zod';

/**
 * Path parameters check shape only (400 for a malformed one); whether the thing exists is the
 * route's question (404), so a mistyped but well-formed id reads "not found", not "invalid".
 */
const InstrumentIdParam = z
  .string()
  .regex(/^[a-z0-9-]{1,64}$/, 'must be an instrument id such as "rome-statute"')
  .describe('Instrument id, e.g. "rome-statute", "opcat"');
export const InstrumentParams = z.object({ id: InstrumentIdParam });
/** The advocacy routes name the instrument `instrument` (`/api/advocacy/{instrument}`, `…/progress`). */
export const AdvocacyParams = z.object({ instrument: InstrumentIdParam });
export const StateParams = z.object({
  iso3: z
    .string()
    .regex(/^[A-Za-z]{3}$/, 'must be an ISO 3166-1 alpha-3 code such as "UKR"')
    .transform((s) => s.toUpperCase())
    .describe('ISO 3166-1 alpha-3 code, e.g. "UKR"'),
});
