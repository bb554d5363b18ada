import { describe, expect, it } from 'vitest';
import { downloadParams, readBom } from './downloads';
import { toSearch } from './query';

describe('downloadParams', () => {
  it('asks for a byte order mark on CSV links only', () => {
    expect(toSearch({ asOf: '2026-04-22', ...downloadParams('csv') })).toBe('?asOf=2026-04-22&format=csv&bom=true');
    expect(toSearch({ asOf: '2026-04-22', ...downloadParams('json') })).toBe('?asOf=2026-04-22&format=json');
    expect(toSearch({ asOf: '2026-04-22', ...downloadParams(null) })).toBe('?asOf=2026-04-22');
  });
});

describe('readBom', () => {
  it.each([
    [null, false],
    ['false', false],
    ['true', true],
    ['maybe', 'invalid'],
    ['TRUE', 'invalid'],
    ['', 'invalid'],
  ] as const)('reads %j as %j, as the API does', (value, expected) => {
    expect(readBom(value)).toBe(expected);
  });
});
