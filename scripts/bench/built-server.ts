/**
 * The built product for a bench, started as `pnpm start` starts it: its own process on loopback,
 * on a fresh temporary database (seeded on start), ready once /api/health answers. `stop()` ends
 * it and removes the database.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '@tracker/api';

export interface BuiltServer {
  process: ChildProcess;
  base: string;
  stop(): void;
}

const healthy = (base: string) =>
  new Promise<boolean>((resolve) => {
    get(`${base}/api/health`, (res) => res.resume().on('end', () => resolve(res.statusCode === 200))).on('error', () => resolve(false));
  });

export async function startBuiltServer({
  port,
  name,
  env = {},
}: {
  port: string;
  name: string;
  env?: Record<string, string>;
}): Promise<BuiltServer> {
  const dataDir = mkdtempSync(join(tmpdir(), `bench-${name}-`));
  const child = spawn(process.execPath, [join(repoRoot, 'api/dist/server.js')], {
    env: { ...process.env, PORT: port, HOST: '127.0.0.1', LOG_LEVEL: 'warn', DATABASE_PATH: join(dataDir, 'db.sqlite'), ...env },
    stdio: 'inherit',
  });
  const base = `http://127.0.0.1:${port}`;
  const stop = () => {
    child.kill();
    rmSync(dataDir, { recursive: true, force: true });
  };
  // Start-up migrates and seeds the database: up to 30 s on a busy machine.
  for (let i = 0; !(await healthy(base)); i++) {
    if (i > 150 || child.exitCode !== null) {
      stop();
      throw new Error('the server did not start (run `pnpm build` first)');
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return { process: child, base, stop };
}

export interface BenchAdmin {
  email: string;
  name: string;
  organisation: string;
  password: string;
}

/** The first admin of a fresh database, made with the user:create command as an operator would, before the server starts. */
export function createFirstAdmin(databasePath: string, admin: BenchAdmin) {
  const args = ['--admin', '--email', admin.email, '--name', admin.name, '--organisation', admin.organisation];
  const created = spawnSync('npx', ['--yes', 'pnpm@10', '-F', '@tracker/api', 'user:create', '--', ...args], {
    cwd: repoRoot,
    env: { ...process.env, DATABASE_PATH: databasePath, TRACKER_PASSWORD: admin.password },
    encoding: 'utf8',
  });
  if (created.status !== 0) throw new Error(`user:create failed (${created.status}): ${created.stderr}`);
}

/** Signs in through the API: the session cookie and the CSRF token to send with each write. */
export async function signInAs(base: string, admin: BenchAdmin) {
  const res = await fetch(`${base}/api/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email: admin.email, password: admin.password }),
  });
  if (res.status !== 200) throw new Error(`sign-in: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  return { cookie, 'x-csrf-token': csrfToken };
}
