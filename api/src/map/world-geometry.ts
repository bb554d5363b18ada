/**
 * The world map's geometry, built once per server process from the world-atlas package and the
 * states the API lists. Only the finished paths (≈ 40 KB) travel to pages; the TopoJSON files
 * never leave the server.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { feature } from 'topojson-client';
import type { FeatureCollection } from 'geojson';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { buildWorldGeometry, computedMarkerPoints, type MapStateInput, type WorldGeometry } from './world-map.js';

// Read from node_modules at run time rather than imported: the 10m file is 3.6 MB and only two
// states need it, and a JSON import of an external package needs import attributes in Node 20.
const require = createRequire(import.meta.url);

/** A world-atlas file's `countries` object as GeoJSON features (ids are ISO numeric codes). */
export function loadCountries(file: 'countries-110m.json' | 'countries-50m.json' | 'countries-10m.json'): FeatureCollection {
  const topology = JSON.parse(readFileSync(require.resolve(`world-atlas/${file}`), 'utf8')) as Topology<{
    countries: GeometryCollection;
  }>;
  return feature(topology, topology.objects.countries);
}

let cached: { key: string; geometry: WorldGeometry } | undefined;

/**
 * The map for these states. Markers for states with neither a 110m outline nor a recorded marker
 * (Kiribati, Tuvalu) are computed from the finest world-atlas geometry (10m), never guessed.
 */
export function worldGeometryFor(states: MapStateInput[]): WorldGeometry {
  const inputs = states.map(({ iso3, isoNumeric, map }) => ({
    iso3,
    isoNumeric,
    map: { polygon110m: map.polygon110m, marker: map.marker },
  }));
  const key = JSON.stringify(inputs);
  if (cached?.key === key) return cached.geometry;

  const needsComputedMarker = inputs.some((s) => !s.map.polygon110m && !s.map.marker);
  const computedPoints = needsComputedMarker ? computedMarkerPoints(inputs, loadCountries('countries-10m.json')) : {};
  const geometry = buildWorldGeometry({ countries: loadCountries('countries-110m.json'), states: inputs, computedPoints });
  if (geometry.unplaced.length > 0) {
    console.warn(`[world map] no outline or marker for: ${geometry.unplaced.join(', ')}`);
  }
  cached = { key, geometry };
  return geometry;
}
