import type { ResponseFormat } from '@tracker/api/domain';

/**
 * The query parameters of the dashboard's download links. A CSV link asks for a byte order mark
 * (`bom=true`, README.md "CSV downloads open in Excel"): without it Excel reads the UTF-8 file in the system's
 * code page and "Côte d'Ivoire" comes out as "CÃ´te d'Ivoire". JSON needs no mark.
 */
export const downloadParams = (format: ResponseFormat | null): { format: ResponseFormat | null; bom: 'true' | null } => ({
  format,
  bom: format === 'csv' ? 'true' : null,
});

/** The value of `bom` a CSV answer accepts: true, false or absent (false); anything else is an error. */
export function readBom(value: string | null): boolean | 'invalid' {
  if (value === null || value === 'false') return false;
  if (value === 'true') return true;
  return 'invalid';
}

/**
 * The map image of a view (GET /api/instruments/{id}/map.svg or .png): the view's own query with its
 * date made explicit, so an image saved later still shows what the page showed, and the page's
 * language (the API's `lang`; English is its default).
 */
export const mapImageParams = (locale: string): { lang: string | null } => ({ lang: locale === 'en' ? null : locale });
