import { describe, expect, it } from 'vitest';
import { importedSource, isHttpUrl } from './source-record.js';

describe('importedSource', () => {
  const source = (url: string | null) => importedSource('import:cat', { title: 'A report', url, asOf: '2026-01-01' });

  it('keeps an http or https address, and no address', () => {
    expect(source('https://tbinternet.ohchr.org/x').url).toBe('https://tbinternet.ohchr.org/x');
    expect(source('HTTP://example.org/').url).toBe('HTTP://example.org/');
    expect(source(null).url).toBeNull();
  });

  it.each([
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'ftp://example.org/file',
    'file:///etc/passwd',
    'example.org',
    '',
  ])('refuses %j, which would become a link that runs or shows what its author chose', (url) => {
    expect(isHttpUrl(url)).toBe(false);
    expect(() => source(url)).toThrow(`--source-url ${JSON.stringify(url)} is not an http:// or https:// address`);
  });
});
