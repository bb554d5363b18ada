/**
 * What the world map draws for each state on a date: its shape, its fill, and the words a screen
 * reader or tooltip gives for it. Pure, so the map's SVG can be snapshot-tested. The map draws
 * categories: a status here; other maps (CAT reporting situations) build items of their own kind.
 */
import type { TFunction } from 'i18next';
import { statusFill } from '$lib/status';
import { statusFacts, statusWithSince, type StatusRow } from '$lib/status-text';
import type { MapShape } from './world-map';

export interface MapItem<C extends string = StatusRow['status']> extends MapShape {
  name: string;
  /** The state's category on the map (its status); null: the state is outside the filtered selection. */
  status: C | null;
  fill: string;
  /** Accessible name of the state's link: name and status. */
  label: string;
  /** Name, status and the dates behind it, one line each (tooltip and `<title>`). */
  details: string[];
  href: string;
}

/** One line of a map's key: a category, its paint (an SVG fill) and how many states it has. */
export interface LegendEntry {
  key: string;
  label: string;
  fill: string;
  count: number;
}

/**
 * Items in paint and keyboard order: outlines first, then markers (drawn on top), each in name
 * order.
 */
export function orderMapItems<T extends Pick<MapItem<string>, 'marker' | 'name'>>(items: T[], locale: string): T[] {
  const collator = new Intl.Collator(locale);
  return items.sort((a, b) => Number(!!a.marker) - Number(!!b.marker) || collator.compare(a.name, b.name));
}

/**
 * One item per shape. States outside the selection stay on the map (white, still linked to their
 * profile) so the map keeps its geography. Within outlines and within markers, items are in name
 * order, which is also their keyboard order.
 */
export function mapItems({
  shapes,
  rows,
  names,
  href,
  t,
  locale,
}: {
  shapes: MapShape[];
  rows: ReadonlyMap<string, StatusRow>;
  names: Readonly<Record<string, string>>;
  href: (iso3: string) => string;
  t: TFunction;
  locale: string;
}): MapItem[] {
  const items = shapes.map((shape): MapItem => {
    const name = names[shape.iso3] ?? shape.iso3;
    const row = rows.get(shape.iso3);
    const statusText = row ? statusWithSince(row, { t, locale }) : t('map.outsideSelection');
    return {
      ...shape,
      name,
      status: row?.status ?? null,
      fill: statusFill(row?.status ?? null),
      label: t('map.itemLabel', { name, status: statusText }),
      details: row ? [name, statusText, ...statusFacts(row, { t, locale })] : [name, statusText],
      href: href(shape.iso3),
    };
  });
  return orderMapItems(items, locale);
}
