import { defineConfig } from '@playwright/test';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { E2E_ADMIN } from './editing-accounts.js';

// The real product, as `pnpm start` serves it, on a fresh database seeded from data/, loopback only.
const port = Number(process.env.E2E_PORT ?? 3190);
const databasePath = join(mkdtempSync(join(tmpdir(), 'tracker-e2e-')), 'e2e.sqlite');

/**
 * The editing spec writes (it confirms a queued report, which changes a State's status), so it has
 * a server and a database of its own; the other specs keep reading the seeded data unchanged. Its
 * first admin is created with the user:create command before the server starts, as a deployment
 * would; the spec reads the port and the password from these variables (workers inherit them).
 */
process.env.E2E_EDITING_PORT ??= String(port + 1);
process.env.E2E_ADMIN_PASSWORD ??= `e2e-admin-${Date.now()}-password`;
const editingPort = Number(process.env.E2E_EDITING_PORT);
const editingDatabasePath = join(mkdtempSync(join(tmpdir(), 'tracker-e2e-editing-')), 'e2e.sqlite');

export default defineConfig({
  testDir: '.',
  testMatch: '**/*.spec.ts',
  // The PostgreSQL smoke run has its own servers and configuration (playwright.postgres.config.ts).
  testIgnore: 'postgres/**',
  forbidOnly: !!process.env.CI,
  retries: process.env.CI ? 1 : 0,
  workers: 2,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    browserName: 'chromium',
    launchOptions: {
      // Debian's Chromium: this machine cannot download Playwright's own browsers.
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: [
    {
      command: 'node ../api/dist/server.js',
      url: `http://127.0.0.1:${port}/api/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      env: { PORT: String(port), HOST: '127.0.0.1', DATABASE_PATH: databasePath, LOG_LEVEL: 'warn' },
    },
    {
      command: `node ../api/dist/cli/user-create.js --admin --email ${E2E_ADMIN.email} --name "${E2E_ADMIN.name}" --organisation "${E2E_ADMIN.organisation}" && node ../api/dist/server.js`,
      url: `http://127.0.0.1:${editingPort}/api/health`,
      reuseExistingServer: false,
      timeout: 90_000,
      env: {
        PORT: String(editingPort),
        HOST: '127.0.0.1',
        DATABASE_PATH: editingDatabasePath,
        LOG_LEVEL: 'warn',
        TRACKER_PASSWORD: process.env.E2E_ADMIN_PASSWORD,
      },
    },
  ],
});
