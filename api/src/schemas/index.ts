// Type-only entry point for the web app: `import type { Source } from '@tracker/api/schemas'`.
export * from './common.js';
export * from './health.js';
export * from './instrument.js';
export * from './participation.js';
export * from './state.js';
export * from './state-detail.js';
export * from './upr.js';
export * from './cat-reporting.js';
export * from './advocacy.js';
export * from './advocacy-progress.js';
export * from './accounts.js';
export * from './editing.js';
export * from './event-editing.js';
export * from './cat-editing.js';
export * from './changes.js';
export * from './review.js';
export * from './follow-up.js';
