/**
 * The map's words in each language: the status names, the key (`legend`) and the lines of a map
 * image (`mapText`). The API words its map images (GET /api/instruments/{id}/map.svg) with them,
 * and the dashboard merges them into its catalogues (web/src/lib/i18n/server.ts), so a map on a
 * page and the image of it say the same thing.
 */
import type { Language } from '../domain/languages.js';
import ar from './map.ar.json' with { type: 'json' };
import en from './map.en.json' with { type: 'json' };
import es from './map.es.json' with { type: 'json' };
import fr from './map.fr.json' with { type: 'json' };

export const MAP_MESSAGES: Record<
  Language,
  { status: Record<string, string>; legend: Record<string, string>; mapText: Record<string, string> }
> = {
  en,
  fr,
  es,
  ar,
};
