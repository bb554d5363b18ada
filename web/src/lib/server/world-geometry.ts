// The map's geometry, built once per server process: the API's (the dashboard's maps and the API's map images draw the same map).
export { loadCountries, worldGeometryFor } from '@tracker/api/map/geometry';
