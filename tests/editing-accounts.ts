/** The editing spec's first admin, created by user:create before its server starts (playwright.config.ts). */
export const E2E_ADMIN = { email: 'e2e-admin@example.org', name: 'E2E Admin', organisation: 'Tracker e2e' };
