import { z } from 'zod';
import { SourceRecord } from './dataset.js';

/** The one error body every 4xx and 5xx response uses. */
export const ErrorBody = z
  .object({
    error: z.string().describe('HTTP status text, e.g. "Bad Request"'),
    message: z.string().describe('What is wrong, in words a person can act on'),
    details: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .optional()
      .describe('One entry per invalid field, for validation errors'),
  })
  .meta({ id: 'ErrorBody' });
export type ErrorBody = z.infer<typeof ErrorBody>;

/** A calendar date; validated as a real date, not just its shape (2026-02-30 is rejected). */
export const IsoDate = z.iso.date().describe('Calendar date, YYYY-MM-DD');

/** A cited source, as the dataset records it (one schema for the seed file and the API). */
export const Source = SourceRecord.meta({ id: 'Source' });
export type Source = z.infer<typeof Source>;
