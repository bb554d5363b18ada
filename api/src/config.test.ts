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

describe('PUBLIC_URL', () => {
  it('defaults to the address the server listens on', () => {
    expect(loadConfig({}).publicUrl).toBe('http://127.0.0.1:3000');
    expect(loadConfig({ HOST: '0.0.0.0', PORT: '8080' }).publicUrl).toBe('http://localhost:8080');
    expect(loadConfig({ HOST: '::1' }).publicUrl).toBe('http://[::1]:3000');
  });

  it('takes a configured address without its trailing slash', () => {
    expect(loadConfig({ PUBLIC_URL: 'https://tracker.example.org/' }).publicUrl).toBe('https://tracker.example.org');
  });

  it.each(['javascript:alert(1)', 'tracker.example.org', 'ftp://tracker.example.org'])('refuses %s', (value) => {
    expect(() => loadConfig({ PUBLIC_URL: value })).toThrow(/Invalid configuration: PUBLIC_URL/);
  });
});

describe('rate limits and proxies', () => {
  it('limits each address to 1,200 requests a minute unless told otherwise, and 0 turns limits off', () => {
    expect(loadConfig({}).rateLimitPerMinute).toBe(1200);
    expect(loadConfig({ RATE_LIMIT_PER_MINUTE: '0' }).rateLimitPerMinute).toBe(0);
    expect(() => loadConfig({ RATE_LIMIT_PER_MINUTE: '-1' })).toThrow(/RATE_LIMIT_PER_MINUTE/);
  });

  it('reads TRUST_PROXY as a boolean or addresses', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ TRUST_PROXY: '127.0.0.1,::1' }).trustProxy).toBe('127.0.0.1,::1');
    expect(loadConfig({ TRUST_PROXY: 'true' }).trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8' }).trustProxy).toBe('10.0.0.0/8');
  });

  it('lets any site frame the embeds unless EMBED_ALLOWED_ORIGINS names the sites, and refuses anything that is not an origin', () => {
    expect(loadConfig({}).embedFrameAncestors).toEqual(['*']);
    expect(
      loadConfig({ EMBED_ALLOWED_ORIGINS: ' https://coalition.example.org  https://news.example.com:8443 ' }).embedFrameAncestors,
    ).toEqual(['https://coalition.example.org', 'https://news.example.com:8443']);
    expect(() => loadConfig({ EMBED_ALLOWED_ORIGINS: "https://ok.example.org 'none'; script-src *" })).toThrow(/EMBED_ALLOWED_ORIGINS/);
    expect(() => loadConfig({ EMBED_ALLOWED_ORIGINS: 'javascript:alert(1)' })).toThrow(/not \*, 'self' or an origin/);
  });
});
