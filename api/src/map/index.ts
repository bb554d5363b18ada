// The world map shared by the dashboard and the API's map images: geometry (no file access) and paints.
export * from './world-map.js';
export * from './paint.js';
