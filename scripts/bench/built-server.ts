/**
 * The built product for a bench, started as `pnpm start` starts it: its own process on loopback,
 * on a fresh temporary database (seeded on start), ready once /api/health answers. `stop()` ends
 * it and removes the database.
 */
import { spawn, type ChildProcess } from 'node:child_process';
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
