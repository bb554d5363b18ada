import { defineConfig } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { E2E_ADMIN } from './editing-accounts.js';

/**
 * The PostgreSQL smoke run: two server processes, as behind a load balancer, on one new
 * PostgreSQL database (TEST_DATABASE_URL names the server; scripts/with-postgres.sh starts a
 * private one). The first creates the admin with user:create before it serves; both migrate and
 * seed the new database at start-up, one at a time.
 */
const server = process.env.TEST_DATABASE_URL;
if (!server)
  throw new Error('TEST_DATABASE_URL must name a PostgreSQL server: run scripts/with-postgres.sh pnpm -F @tracker/tests e2e:postgres');
// Made once, in the main process; the workers inherit the variables.
process.env.E2E_PG_DATABASE_URL ??= execFileSync(process.execPath, ['postgres/database.mjs', 'create', server], {
  encoding: 'utf8',
}).trim();
process.env.E2E_ADMIN_PASSWORD ??= `e2e-admin-${Date.now()}-password`;
const port = Number(process.env.E2E_PG_PORT ?? 3290);
process.env.E2E_PG_PORTS ??= `${port},${port + 1}`;

const serverEnv = (p: number) => ({
  PORT: String(p),
  HOST: '127.0.0.1',
  DATABASE_URL: process.env.E2E_PG_DATABASE_URL!,
  LOG_LEVEL: 'warn',
  TRACKER_PASSWORD: process.env.E2E_ADMIN_PASSWORD!,
});

export default defineConfig({
  testDir: './postgres',
  testMatch: '*.spec.ts',
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: 1,
  reporter: [['list']],
  globalTeardown: './postgres/teardown.ts',
  use: {
    browserName: 'chromium',
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  webServer: [
    {
      command: `node ../api/dist/cli/user-create.js --admin --email ${E2E_ADMIN.email} --name "${E2E_ADMIN.name}" --organisation "${E2E_ADMIN.organisation}" && node ../api/dist/server.js`,
      url: `http://127.0.0.1:${port}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: serverEnv(port),
    },
    {
      command: 'node ../api/dist/server.js',
      url: `http://127.0.0.1:${port + 1}/api/health`,
      reuseExistingServer: false,
      timeout: 120_000,
      env: serverEnv(port + 1),
    },
  ],
});
