/**
 * Geometry of the world map, computed once on the server: world-atlas (Natural Earth) countries
 * projected with Equal Earth (equal-area, so no state looks bigger than it is) into short SVG
 * paths, and a marker for every state too small to see or to click at this scale.
 *
 * The paths are written with whole-pixel, relative coordinates: at the map's 960-pixel width that
 * is as sharp as the 1:110m data and about a third of d3's default output (≈ 11 KB gzipped for
 * the world). Rings that shrink to fewer than three distinct points are dropped.
 */
import { geoArea, geoCentroid, geoEqualEarth, geoPath, type GeoPermissibleObjects, type GeoProjection } from 'd3-geo';
import type { Feature, FeatureCollection, Geometry, Polygon } from 'geojson';

/** Width of the map in SVG units; the SVG scales to its container. */
export const MAP_WIDTH = 960;
/** Room around the map so markers at its edges (Tuvalu, Samoa) are not cut. */
const PADDING = 8;
/**
 * Polygons smaller than this (in square SVG units, about square pixels at full width) also get a
 * marker: Luxembourg, the State of Palestine or Cyprus are drawn at 110m but would be one or two
 * pixels wide, too small to see a colour or to hit with a pointer.
 */
export const SMALL_AREA = 8;

/** What the map needs to know about a state (a subset of the API's `State`). */
export interface MapStateInput {
  iso3: string;
  /** ISO 3166-1 numeric code: world-atlas feature ids are these codes. */
  isoNumeric: string;
  map: { polygon110m: boolean; marker: { lon: number; lat: number } | null };
}

export interface MapShape {
  iso3: string;
  /** The state's outline, or null when it has none at 110m. */
  d: string | null;
  /** Where its marker goes, in SVG units, or null for a state big enough to see. */
  marker: { x: number; y: number } | null;
  /** The box it covers on the map, [x0, y0, x1, y1] in SVG units: what a region view zooms to. */
  box: [number, number, number, number];
}

export interface WorldGeometry {
  width: number;
  height: number;
  viewBox: string;
  /** One entry per state that could be placed, outlines first, then states with a marker (drawn on top). */
  shapes: MapShape[];
  /** Land that is not one of the states (Greenland, Western Sahara, Taiwan…): drawn, not counted. */
  territories: string[];
  /** States that could not be placed at all; should be empty, and a test checks it is. */
  unplaced: string[];
}

export type LonLat = { lon: number; lat: number };

const round = (value: number, digits: number) => {
  const factor = 10 ** digits;
  return Math.round(value * factor) / factor;
};

/**
 * An SVG path for a GeoJSON object: projected, rounded to whole units, as relative moves.
 * Returns "" when nothing is left (an island smaller than a unit).
 */
export function compactPath(object: GeoPermissibleObjects, projection: GeoProjection): string {
  const rings: [number, number][][] = [];
  let ring: [number, number][] = [];
  // geoPath streams projected, clipped and resampled points into this "canvas" context.
  const context = {
    moveTo(x: number, y: number) {
      ring = [[x, y]];
      rings.push(ring);
    },
    lineTo(x: number, y: number) {
      ring.push([x, y]);
    },
    closePath() {},
    arc() {},
  };
  geoPath(projection, context as unknown as Parameters<typeof geoPath>[1])(object);

  let out = '';
  for (const points of rings) {
    const rounded: [number, number][] = [];
    for (const [x, y] of points) {
      const point: [number, number] = [Math.round(x), Math.round(y)];
      const last = rounded[rounded.length - 1];
      if (!last || last[0] !== point[0] || last[1] !== point[1]) rounded.push(point);
    }
    const first = rounded[0];
    const lastPoint = rounded[rounded.length - 1];
    if (first && lastPoint && rounded.length > 1 && first[0] === lastPoint[0] && first[1] === lastPoint[1]) rounded.pop();
    if (rounded.length < 3 || !first) continue;
    out += `M${first[0]} ${first[1]}l`;
    let [px, py] = first;
    let numbers = '';
    for (const [x, y] of rounded.slice(1)) {
      for (const n of [x - px, y - py]) numbers += numbers === '' || n < 0 ? String(n) : ` ${n}`;
      [px, py] = [x, y];
    }
    out += `${numbers}z`;
  }
  return out;
}

/**
 * A point of the state for its marker: the spherical centroid of its largest part (by area).
 * The centroid of the whole of a scattered archipelago such as Kiribati falls in open sea, and the
 * centre of its bounding box is meaningless across the antimeridian; the largest part's centroid
 * is on or within that island. Rounded to 0.001°. Rings must wind as d3-geo expects (world-atlas
 * does): a polygon wound the other way would mean "the whole Earth but this".
 */
export function largestPartCentroid(geometry: Geometry): LonLat {
  let parts: Polygon[];
  if (geometry.type === 'Polygon') parts = [geometry];
  else if (geometry.type === 'MultiPolygon') parts = geometry.coordinates.map((coordinates) => ({ type: 'Polygon', coordinates }));
  else throw new TypeError(`Expected a Polygon or MultiPolygon, got ${geometry.type}`);
  if (parts.length === 0) throw new TypeError('Expected a geometry with at least one polygon');

  let largest = parts[0] as Polygon;
  let largestArea = -1;
  for (const part of parts) {
    const area = geoArea(part);
    if (area > largestArea) [largest, largestArea] = [part, area];
  }
  const [lon, lat] = geoCentroid(largest);
  return { lon: round(lon, 3), lat: round(lat, 3) };
}

/**
 * Marker points computed from geometry (e.g. world-atlas countries-10m) for the states that have
 * neither a 110m polygon nor a recorded marker (Kiribati and Tuvalu: see data/README.md). States
 * absent from `countries` too are left out; `buildWorldGeometry` reports them as unplaced.
 */
export function computedMarkerPoints(states: MapStateInput[], countries: FeatureCollection): Record<string, LonLat> {
  const byId = new Map(countries.features.map((f) => [String(f.id), f]));
  const points: Record<string, LonLat> = {};
  for (const state of states) {
    if (state.map.polygon110m || state.map.marker) continue;
    const feature = byId.get(state.isoNumeric);
    if (feature?.geometry) points[state.iso3] = largestPartCentroid(feature.geometry);
  }
  return points;
}

const ANTARCTICA = '010';

/** A marker's box: the point itself (the region view pads every box). */
const pointBox = ({ x, y }: { x: number; y: number }): MapShape['box'] => [Math.floor(x), Math.floor(y), Math.ceil(x), Math.ceil(y)];

/** The tallest a region view gets: its width at least this times its height. */
const MIN_REGION_RATIO = 1.2;

/**
 * The part of the map that holds the chosen States, for a region view: the union of their boxes,
 * padded, in proportions between the whole map's and MIN_REGION_RATIO (so a region fills the
 * frame and a page grows only a little taller), and never smaller than a sixth of the map's width,
 * so a single small State still shows its neighbours. The whole map when nothing is chosen.
 */
export function regionViewBox(geometry: Pick<WorldGeometry, 'width' | 'height' | 'viewBox'>, boxes: MapShape['box'][]): string {
  if (boxes.length === 0) return geometry.viewBox;
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [a, b, c, d] of boxes) [x0, y0, x1, y1] = [Math.min(x0, a), Math.min(y0, b), Math.max(x1, c), Math.max(y1, d)];
  let width = Math.max(x1 - x0, geometry.width / 6) * 1.15 + 2 * PADDING;
  let height = (y1 - y0) * 1.15 + 2 * PADDING;
  // As wide as the world map or up to a little taller than wide (the Americas, Africa), no more.
  const ratio = Math.min(Math.max(width / height, MIN_REGION_RATIO), geometry.width / geometry.height);
  if (width / height < ratio) width = height * ratio;
  else height = width / ratio;
  // No wider than the world: the whole map instead.
  if (width >= geometry.width + 2 * PADDING) return geometry.viewBox;
  const fit = (centre: number, size: number, max: number) => Math.min(Math.max(centre - size / 2, -PADDING), max + PADDING - size);
  const x = fit((x0 + x1) / 2, width, geometry.width);
  const y = fit((y0 + y1) / 2, height, geometry.height);
  return [x, y, width, height].map((v) => Math.round(v)).join(' ');
}

/**
 * The whole map: each state's outline (matched by ISO numeric code) or marker, and the outlines
 * of other land. `computedPoints` supplies markers for states without a recorded one.
 */
export function buildWorldGeometry({
  countries,
  states,
  computedPoints = {},
  width = MAP_WIDTH,
}: {
  countries: FeatureCollection;
  states: MapStateInput[];
  computedPoints?: Record<string, LonLat>;
  width?: number;
}): WorldGeometry {
  // Antarctica is left out: no state, and a fifth of the map's height.
  const land = countries.features.filter((f) => String(f.id) !== ANTARCTICA);
  const landCollection: FeatureCollection = { type: 'FeatureCollection', features: land };
  const projection = geoEqualEarth().fitWidth(width, landCollection);
  const [[, y0], [, y1]] = geoPath(projection).bounds(landCollection);
  const height = Math.ceil(y1 - Math.min(0, y0));

  const byId = new Map<string, Feature>(land.map((f) => [String(f.id), f]));
  const used = new Set<string>();
  const project = ({ lon, lat }: LonLat) => {
    const point = projection([lon, lat]);
    if (!point) throw new TypeError(`Cannot project ${lon},${lat}`);
    return { x: round(point[0], 1), y: round(point[1], 1) };
  };

  const shapes: MapShape[] = [];
  const unplaced: string[] = [];
  for (const state of states) {
    const feature = state.map.polygon110m ? byId.get(state.isoNumeric) : undefined;
    if (feature?.geometry) {
      used.add(state.isoNumeric);
      const d = compactPath(feature, projection);
      const small = geoPath(projection).area(feature) < SMALL_AREA;
      const marker = small || !d ? project(largestPartCentroid(feature.geometry)) : null;
      const [[x0, y0], [x1, y1]] = geoPath(projection).bounds(feature);
      const box = marker ? pointBox(marker) : ([x0, y0, x1, y1].map((v) => Math.round(v)) as MapShape['box']);
      shapes.push({ iso3: state.iso3, d: d || null, marker, box });
      continue;
    }
    const point = state.map.marker ?? computedPoints[state.iso3];
    if (point) {
      const marker = project(point);
      shapes.push({ iso3: state.iso3, d: null, marker, box: pointBox(marker) });
    } else unplaced.push(state.iso3);
  }
  // Markers last, so they are painted over their neighbours' outlines.
  shapes.sort((a, b) => Number(!!a.marker) - Number(!!b.marker) || (a.iso3 < b.iso3 ? -1 : a.iso3 > b.iso3 ? 1 : 0));

  const territories = land
    .filter((f) => !used.has(String(f.id)))
    .map((f) => compactPath(f, projection))
    .filter((d) => d !== '');

  return {
    width,
    height,
    viewBox: `${-PADDING} ${-PADDING} ${width + 2 * PADDING} ${height + 2 * PADDING}`,
    shapes,
    territories,
    unplaced,
  };
}
