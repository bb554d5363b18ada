import { Resvg } from '@resvg/resvg-js';
import type { TFunction } from 'i18next';
import { LANGUAGES, type Language } from '../domain/languages.js';
import type { InstrumentId, IsoDate, Status } from '../domain/types.js';
import { STATUSES } from '../domain/types.js';
import { mapSvg } from '../map/map-svg.js';
import { worldGeometryFor } from '../map/world-geometry.js';
import { MAP_MESSAGES } from '../messages/map.js';
import { intlLocale, plainTextTranslator } from '../messages/translator.js';
import { titlesIn } from '../messages/instrument-titles.js';
import type { Repositories } from '../repositories/index.js';
import type { StatusFilters, StatusService } from './status.service.js';

// The SVG builder escapes what it writes, so the words stay plain text here.
const translators = Object.fromEntries(LANGUAGES.map((l) => [l, plainTextTranslator(l, MAP_MESSAGES[l])])) as Record<Language, TFunction>;

/** A date as the dashboard writes it: "5 Dec 2026", "5 déc. 2026". */
const dayText = (iso: IsoDate, language: Language) =>
  new Intl.DateTimeFormat(intlLocale(language), { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    Date.parse(`${iso}T00:00:00Z`),
  );

/** Sources listed in full on an image; the rest are counted ("and 12 more"), the permalink lists them all. */
const SOURCES_SHOWN = 3;

export interface MapImageRequest {
  instrumentId: InstrumentId;
  asOf: IsoDate;
  filters: StatusFilters;
  language: Language;
  /** The dashboard page that shows the same view (an absolute address). */
  permalink: string;
  /** The site's name and address, for the credit line. */
  site: string;
}

/**
 * Map images: the dashboard's map of an instrument on a date, for the same filters, as one SVG file
 * (map/map-svg.ts), and that file rasterised to PNG by resvg (a maintained renderer, with the
 * system's fonts: DejaVu Sans covers Latin and Arabic).
 */
export function createMapImageService(repos: Repositories, status: StatusService) {
  async function svg(request: MapImageRequest): Promise<string | undefined> {
    const { instrumentId, asOf, filters, language } = request;
    const result = await status.instrumentStatus(instrumentId, asOf, filters, language);
    const instrument = await repos.instruments.findInstrument(instrumentId);
    if (!result || !instrument) return undefined;
    const states = await repos.states.listStates();
    const t = translators[language];
    const shown = new Map(result.states.map((row) => [row.iso3, row.status]));
    const statuses = new Map(states.map((s) => [s.iso3, shown.get(s.iso3) ?? null]));
    const total = result.states.length;
    const sourceTexts = result.sources.map((s) => (s.asOf ? t('mapText.sourceAsOf', { title: s.title, date: s.asOf }) : s.title));
    const listed = sourceTexts.slice(0, SOURCES_SHOWN);
    if (sourceTexts.length > SOURCES_SHOWN) listed.push(t('mapText.more', { count: sourceTexts.length - SOURCES_SHOWN }));
    const selection = Object.entries(filters)
      .filter(([, v]) => v !== undefined && (!Array.isArray(v) || v.length > 0))
      .map(([k, v]) => `${k}=${Array.isArray(v) ? v.join(',') : String(v)}`);
    return mapSvg({
      geometry: worldGeometryFor(states),
      statuses,
      names: new Map(states.map((s) => [s.iso3, s.names[language]])),
      counts: result.counts,
      rtl: language === 'ar',
      words: {
        title: titlesIn(instrument, language).name,
        subtitle: `${t('mapText.statusOn', { date: dayText(asOf, language) })} · ${t('mapText.statesParties', { count: result.statesParties, total })}`,
        selection: selection.length ? t('mapText.selection', { filters: selection.join(', ') }) : null,
        status: Object.fromEntries(STATUSES.map((s) => [s, t(`status.${s}`)])) as Record<Status, string>,
        notCounted: t(selection.length ? 'legend.notCountedFiltered' : 'legend.notCounted'),
        marker: t('legend.marker'),
        sources: t('mapText.source', { sources: listed.join('; ') }),
        made: t('mapText.made', {
          site: request.site,
          version: repos.meta.dataVersion(),
          date: result.dataAsOf,
          permalink: request.permalink,
        }),
      },
    });
  }

  return {
    svg,
    /** The same image as PNG, `width` pixels wide. */
    async png(request: MapImageRequest, width: number): Promise<Buffer | undefined> {
      const image = await svg(request);
      if (image === undefined) return undefined;
      const rendered = new Resvg(image, {
        fitTo: { mode: 'width', value: width },
        font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
        background: '#ffffff',
      }).render();
      return rendered.asPng();
    },
  };
}

export type MapImageService = ReturnType<typeof createMapImageService>;
