// The map's geometry is the API's (the dashboard's maps and the API's map images draw the same map).
export * from '@tracker/api/map';
