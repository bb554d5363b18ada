import { z } from 'zod';

/**
 * A query parameter naming one or several values of a list, comma-separated (`status=signatory,no-action`)
 * or repeated (`status=signatory&status=no-action`, what a form's checkboxes send); duplicates are
 * dropped, and an unknown value is a 400 that names it, so a typo among several is found at once.
 * `noun` names one value in the messages ("status", "kind").
 */
export const enumListParam = <const T extends readonly [string, ...string[]]>(values: T, noun: string) =>
  z
    .union([z.string(), z.array(z.string())])
    .transform((value) => [
      ...new Set(
        (Array.isArray(value) ? value : [value])
          .flatMap((v) => v.split(','))
          .map((v) => v.trim())
          .filter(Boolean),
      ),
    ])
    .pipe(
      z
        .array(z.enum(values, { error: (issue) => `"${String(issue.input)}" is not a ${noun}: use ${values.join(', ')}` }), {
          error: `must be one or more of ${values.join(', ')}, separated by commas`,
        })
        .min(1, `must name at least one ${noun}`),
    )
    .describe(`One or more of ${values.join(', ')}: comma-separated, or the parameter repeated`);
