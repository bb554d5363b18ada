/**
 * What the world map draws for each state on a date: its shape, its fill, and the words a screen
 * reader or tooltip gives for it. Pure, so the map's SVG can be snapshot-tested. The map draws
 * categories: a status here; other maps (CAT reporting situations) build items of their own kind.
 */
import type { TFunction } from 'i18next';
import type { InstrumentId } from '@tracker/api/domain';
import { statusFill } from '$lib/status';
import { statusFacts, statusWithSince, type StatusRow } from '$lib/status-text';
import { regionViewBox, type MapShape, type WorldGeometry } from './world-map';

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

/** What a map needs besides its rows: the shapes, the states' names, where each links, the translator. */
export interface MapItemsInput<R> {
  shapes: MapShape[];
  rows: ReadonlyMap<string, R>;
  names: Readonly<Record<string, string>>;
  href: (iso3: string) => string;
  t: TFunction;
  locale: string;
  /** The instrument a status map shows, for the facts under each state (its amendments are never signed). */
  instrumentId?: InstrumentId;
}

/** How a map shows one state's row: its category and paint, the category in words, and the facts under it. */
export interface ItemDescription<C extends string> {
  category: C;
  fill: string;
  text: string;
  facts: string[];
}

/**
 * One item per shape, for any map of categories. States outside the selection (no row) stay on
 * the map in `blankFill`, still linked to their profile, so the map keeps its geography. Within
 * outlines and within markers, items are in name order, which is also their keyboard order.
 */
export function categoryMapItems<C extends string, R>(
  { shapes, rows, names, href, t, locale }: MapItemsInput<R>,
  describe: (row: R) => ItemDescription<C>,
  blankFill: string,
): MapItem<C>[] {
  const items = shapes.map((shape): MapItem<C> => {
    const name = names[shape.iso3] ?? shape.iso3;
    const row = rows.get(shape.iso3);
    const described = row === undefined ? null : describe(row);
    const text = described?.text ?? t('map.outsideSelection');
    return {
      ...shape,
      name,
      status: described?.category ?? null,
      fill: described?.fill ?? blankFill,
      label: t('map.itemLabel', { name, status: text }),
      details: [name, ...(described?.facts ?? [text])],
      href: href(shape.iso3),
    };
  });
  return orderMapItems(items, locale);
}

/** The status maps' items: each state by its status on the date, with the dates behind it. */
export function mapItems(input: MapItemsInput<StatusRow>): MapItem[] {
  const { t, locale, instrumentId } = input;
  return categoryMapItems(
    input,
    (row) => {
      const text = statusWithSince(row, { t, locale });
      return { category: row.status, fill: statusFill(row.status), text, facts: [text, ...statusFacts(row, { t, locale, instrumentId })] };
    },
    statusFill(null),
  );
}

/**
 * The map's frame: with filters chosen, the region that holds the States in the selection (a
 * region view, so that on a phone the chosen Caribbean or Pacific States are not specks on a whole
 * world); otherwise the whole world.
 */
export const mapViewBox = (
  geometry: Pick<WorldGeometry, 'width' | 'height' | 'viewBox'>,
  items: Pick<MapItem<string>, 'box' | 'status'>[],
  filtered: boolean,
): string =>
  filtered
    ? regionViewBox(
        geometry,
        items.filter((item) => item.status !== null).map((item) => item.box),
      )
    : geometry.viewBox;
