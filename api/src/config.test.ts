import { describe, expect, it } from 'vitest';
import { loadConfig, repoRoot } from './config.js';

describe('loadConfig', () => {
  it('defaults to port 3000 on loopback with the database under data/', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3000);
    expect(config.host).toBe('127.0.0.1');
    expect(config.databasePath).toBe(`${repoRoot}/data/tracker.sqlite`);
  });

  it('honours PORT, HOST and DATABASE_PATH as service managers set them', () => {
    const config = loadConfig({ PORT: '8080', HOST: '0.0.0.0', DATABASE_PATH: '/var/lib/tracker/db.sqlite' });
    expect(config).toMatchObject({ port: 8080, host: '0.0.0.0', databasePath: '/var/lib/tracker/db.sqlite' });
  });

  it('resolves a relative DATABASE_PATH from the repository root, not the working directory', () => {
    expect(loadConfig({ DATABASE_PATH: 'tmp/x.sqlite' }).databasePath).toBe(`${repoRoot}/tmp/x.sqlite`);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
  ])('rejects %o naming the variable', (env, name) => {
    expect(() => loadConfig(env)).toThrow(new RegExp(`Invalid configuration: ${name}`));
  });
});
