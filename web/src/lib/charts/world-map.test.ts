import { geoIdentity, type GeoProjection } from 'd3-geo';
import type { FeatureCollection, Geometry } from 'geojson';
import { describe, expect, it } from 'vitest';
import { loadCountries } from '$lib/server/world-geometry';
import fixture from './__fixtures__/rome-statute-2017-10-27.json';
import { buildWorldGeometry, compactPath, computedMarkerPoints, largestPartCentroid, regionViewBox, type MapStateInput } from './world-map';

// Planar coordinates taken as pixels, so expected paths can be written by hand.
const pixels = geoIdentity() as unknown as GeoProjection;
const polygon = (...rings: [number, number][][]): Geometry => ({ type: 'Polygon', coordinates: rings });
const multiPolygon = (polygons: [number, number][][][]): Geometry => ({ type: 'MultiPolygon', coordinates: polygons });

describe('compactPath', () => {
  it.each([
    {
      name: 'a square as relative moves',
      geometry: polygon([
        [0, 0],
        [10, 0],
        [10, 10],
        [0, 10],
        [0, 0],
      ]),
      expected: 'M0 0l10 0 0 10-10 0z',
    },
    {
      name: 'rounds to whole units and drops repeated points',
      geometry: polygon([
        [0.4, 0.2],
        [0.6, 0.1],
        [10.2, 0],
        [10, 9.6],
        [0, 10.4],
        [0.4, 0.2],
      ]),
      expected: 'M0 0l1 0 9 0 0 10-10 0z',
    },
    {
      name: 'drops a ring smaller than a unit',
      geometry: polygon([
        [0, 0],
        [0.3, 0],
        [0.3, 0.3],
        [0, 0],
      ]),
      expected: '',
    },
    {
      name: 'keeps each ring of a multipolygon',
      geometry: multiPolygon([
        [
          [
            [0, 0],
            [2, 0],
            [2, 2],
            [0, 0],
          ],
        ],
        [
          [
            [5, 5],
            [7, 5],
            [7, 7],
            [5, 5],
          ],
        ],
      ]),
      expected: 'M0 0l2 0 0 2zM5 5l2 0 0 2z',
    },
  ])('$name', ({ geometry, expected }) => expect(compactPath(geometry, pixels)).toBe(expected));
});

describe('largestPartCentroid', () => {
  // Rings wound clockwise, as d3-geo expects for the outside of a polygon.
  const box = (lon: number, lat: number, size: number): [number, number][] => [
    [lon, lat],
    [lon, lat + size],
    [lon + size, lat + size],
    [lon + size, lat],
    [lon, lat],
  ];
  it.each([
    { name: 'a polygon: its centroid', geometry: polygon(box(10, 10, 2)), expected: { lon: 11, lat: 11 } },
    {
      name: 'islands on both sides of the antimeridian: the biggest island, not the open sea between',
      geometry: multiPolygon([[box(178, 0, 1)], [box(-160, 0, 3)]]),
      expected: { lon: -158.5, lat: 1.5 },
    },
  ])('$name', ({ geometry, expected }) => {
    const point = largestPartCentroid(geometry);
    expect(point.lon).toBeCloseTo(expected.lon, 2);
    expect(point.lat).toBeCloseTo(expected.lat, 2);
  });

  it.each([
    { type: 'Point', coordinates: [0, 0] },
    { type: 'MultiPolygon', coordinates: [] },
  ] as Geometry[])('rejects $type without polygons', (geometry) => {
    expect(() => largestPartCentroid(geometry)).toThrow(TypeError);
  });
});

describe('computedMarkerPoints (world-atlas countries-10m)', () => {
  const states = fixture.states as MapStateInput[];
  const points = computedMarkerPoints(states, loadCountries('countries-10m.json'));

  it('computes a point for exactly the states with neither an outline nor a recorded marker', () => {
    expect(Object.keys(points).sort()).toEqual(['KIR', 'TUV']);
  });

  it.each([
    // Tuvalu's islands lie between 176°E and 180°E, 5°S and 11°S.
    { iso3: 'TUV', lon: [176, 180], lat: [-11, -5] },
    // Kiribati's largest island is Kiritimati (Christmas Island), about 157.4°W 1.9°N.
    { iso3: 'KIR', lon: [-158, -157], lat: [1.5, 2.5] },
  ])('$iso3 falls on its islands', ({ iso3, lon, lat }) => {
    const point = points[iso3];
    expect(point?.lon).toBeGreaterThan(lon[0] as number);
    expect(point?.lon).toBeLessThan(lon[1] as number);
    expect(point?.lat).toBeGreaterThan(lat[0] as number);
    expect(point?.lat).toBeLessThan(lat[1] as number);
  });
});

describe('buildWorldGeometry', () => {
  const states = fixture.states as MapStateInput[];
  const countries: FeatureCollection = loadCountries('countries-110m.json');
  const geometry = buildWorldGeometry({
    countries,
    states,
    computedPoints: { KIR: { lon: -157.4, lat: 1.9 }, TUV: { lon: 179.2, lat: -8.5 } },
  });
  const byIso = new Map(geometry.shapes.map((s) => [s.iso3, s]));

  it('places every one of the 197 states, as an outline, a marker or both', () => {
    expect(geometry.unplaced).toEqual([]);
    expect(geometry.shapes).toHaveLength(197);
    expect(geometry.shapes.every((s) => s.d || s.marker)).toBe(true);
  });

  it.each([
    { iso3: 'FRA', outline: true, marker: false },
    // Drawn at 110m but a pixel or two wide: both.
    { iso3: 'LUX', outline: true, marker: true },
    { iso3: 'PSE', outline: true, marker: true },
    // No 110m outline: a marker only.
    { iso3: 'NRU', outline: false, marker: true },
    { iso3: 'VAT', outline: false, marker: true },
    { iso3: 'TUV', outline: false, marker: true },
  ])('$iso3: outline $outline, marker $marker', ({ iso3, outline, marker }) => {
    const shape = byIso.get(iso3);
    expect(!!shape?.d).toBe(outline);
    expect(!!shape?.marker).toBe(marker);
  });

  it('draws markers after outlines, so they are on top', () => {
    const firstMarker = geometry.shapes.findIndex((s) => s.marker);
    expect(firstMarker).toBeGreaterThan(0);
    expect(geometry.shapes.slice(firstMarker).every((s) => s.marker)).toBe(true);
  });

  it('keeps other land as territories and leaves Antarctica out', () => {
    // W. Sahara, Falklands, Greenland, Fr. S. Antarctic Lands, Puerto Rico, New Caledonia, Taiwan, N. Cyprus, Somaliland, Kosovo.
    expect(geometry.territories).toHaveLength(10);
    expect(geometry.viewBox).toBe('-8 -8 976 438');
  });

  describe('region view', () => {
    const boxOf = (...iso3s: string[]) => iso3s.map((iso3) => byIso.get(iso3)!.box);
    const view = (...iso3s: string[]) =>
      regionViewBox(geometry, boxOf(...iso3s))
        .split(' ')
        .map(Number) as [number, number, number, number];
    const inside = ([x, y, w, h]: number[], [a, b, c, d]: number[]) => a! >= x! && b! >= y! && c! <= x! + w! && d! <= y! + h!;

    it("holds every chosen State, no wider than the world map's proportions and not much taller than wide", () => {
      const chosen = ['ARG', 'BRA', 'CHL', 'COL', 'MEX', 'PER'];
      const box = view(...chosen);
      for (const b of boxOf(...chosen)) expect(inside(box, b)).toBe(true);
      expect(box[2] / box[3]).toBeGreaterThanOrEqual(1.2);
      expect(box[2] / box[3]).toBeLessThanOrEqual(976 / 438);
      // Latin America is about a fifth of the world's width: the view zooms in.
      expect(box[2]).toBeLessThan(976 / 2);
    });

    it('shows a small State with its neighbours, never a dot filling the frame', () => {
      const box = view('LUX');
      expect(inside(box, byIso.get('LUX')!.box)).toBe(true);
      expect(box[2]).toBeGreaterThanOrEqual(960 / 6);
    });

    it('is the whole map for States all over the world, or for none', () => {
      expect(regionViewBox(geometry, boxOf('FJI', 'FRA', 'USA', 'AUS'))).toBe(geometry.viewBox);
      expect(regionViewBox(geometry, [])).toBe(geometry.viewBox);
    });
  });

  it('stays small: the paths of the whole world are under 45 000 characters', () => {
    const size = [...geometry.shapes.map((s) => s.d ?? ''), ...geometry.territories].join('').length;
    expect(size).toBeLessThan(45_000);
  });
});
