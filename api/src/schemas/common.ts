import { z } from 'zod';
import { RESPONSE_FORMATS } from '../domain/vocabulary.js';
import { IsoDate as DatasetIsoDate, SourceRecord } from './dataset.js';

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

/**
 * A calendar date in the API's answers and queries: the dataset's date rule (dataset.ts), with the
 * description the OpenAPI document gives it. Dataset records carry no description of their own.
 */
export const IsoDate = DatasetIsoDate.describe('Calendar date, YYYY-MM-DD');

/**
 * `?format=json|csv`: every list the API serves is also available as CSV (lib/formats.ts sends it);
 * `?bom=true` starts the CSV with a byte order mark (U+FEFF, by which Excel recognises UTF-8 instead
 * of assuming the system's code page), so that Excel shows "Côte d'Ivoire" instead of "CÃ´te
 * d'Ivoire". Without it the file is unchanged: scripts that read the CSV byte for byte keep working.
 */
export const FormatQuery = z.object({
  format: z.enum(RESPONSE_FORMATS).default('json').describe('Response format; csv gives the list as a spreadsheet'),
  bom: z
    .enum(['true', 'false'], { error: 'must be true or false' })
    .optional()
    .transform((value) => value === 'true')
    .describe(
      'true: start a CSV answer with a UTF-8 byte order mark (U+FEFF), so that Excel reads it as UTF-8. Default false; ignored for JSON',
    ),
});

/** Control characters other than tab and line breaks: never part of text a person wrote. */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
export const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/u;

/**
 * Text a person types into a form: trimmed, without control characters (a NUL byte is not a
 * name) or broken characters, and with at least one letter or digit, so that a field cannot be filled with nothing
 * visible.
 */
export const PlainText = (min: number, max: number) =>
  z
    .string()
    .trim()
    .min(min)
    .max(max)
    .refine((s) => !CONTROL.test(s), 'must not contain control characters')
    // A lone UTF-16 surrogate is half a character: stored, it comes back as U+FFFD.
    // (With the u flag, \p{Cs} matches only a surrogate that is not part of a pair.)
    .refine((s) => !/\p{Cs}/u.test(s), 'must be well-formed Unicode text')
    .refine((s) => /[\p{L}\p{N}]/u.test(s), 'must contain at least one letter or digit');

/** A cited source, as the dataset records it (one schema for the seed file and the API). */
export const Source = SourceRecord.meta({ id: 'Source' });
export type Source = z.infer<typeof Source>;

/**
 * A whole number in a query string, written in plain digits: "0x10", "1e3", " 5" or "+5" are
 * refused rather than read as some other number than the one a person meant.
 */
export const IntParam = (min: number, max: number) =>
  z
    .string()
    .regex(/^[0-9]{1,9}$/, `must be a whole number from ${min} to ${max}, in digits`)
    .transform(Number)
    .pipe(z.number().int().min(min, `must be at least ${min}`).max(max, `must be at most ${max}`))
    .describe(`A whole number from ${min} to ${max}`);
