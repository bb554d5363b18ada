import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRawSnippet } from 'svelte';
import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import ExternalLink from './components/ExternalLink.svelte';
import { safeHref } from './safe-href';

describe('safeHref', () => {
  it.each([
    [
      'https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no=XVIII-10',
      'https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no=XVIII-10',
    ],
    ['http://example.org/report.pdf', 'http://example.org/report.pdf'],
    ['  HTTPS://Example.org/a b ', 'https://example.org/a%20b'],
  ])('keeps the http(s) address %j', (url, expected) => expect(safeHref(url)).toBe(expected));

  it.each([
    'javascript:alert(1)',
    ' JavaScript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'ftp://example.org/a',
    'mailto:someone@example.org',
    '//evil.example/a',
    '/relative/path',
    'example.org/no-scheme',
    '',
    null,
    undefined,
  ])('refuses %j', (url) => expect(safeHref(url)).toBeNull());
});

describe('ExternalLink', () => {
  const html = (url: string | null) =>
    render(ExternalLink, { props: { url, children: createRawSnippet(() => ({ render: () => '<span>UNTC</span>' })) } }).body.replace(
      /<!--.*?-->/g, // Svelte's hydration markers
      '',
    );

  it('links an http(s) address', () => {
    expect(html('https://treaties.un.org/x')).toMatch(
      /<a href="https:\/\/treaties\.un\.org\/x" rel="external noreferrer"><span>UNTC<\/span><\/a>/,
    );
  });

  it.each(['javascript:alert(document.cookie)', 'data:text/html,x', null])('shows %j as text', (url) => {
    const out = html(url);
    expect(out).toContain('<span>UNTC</span>');
    expect(out).not.toContain('<a');
  });
});

describe('links built from data', () => {
  it('go through ExternalLink (or safeHref), never straight into an href', () => {
    const src = fileURLToPath(new URL('..', import.meta.url));
    const files = (readdirSync(src, { recursive: true }) as string[]).filter((f) => f.endsWith('.svelte'));
    expect(files.length).toBeGreaterThan(20);
    for (const file of files) {
      const text = readFileSync(join(src, file), 'utf8');
      // href={source.url}, href={a.sourceUrl}, href={url ?? …}: an address from the data (the page's own URL is not).
      expect(text, file).not.toMatch(/href=\{(?!(localHref\()?page\.url\.)[^}]*\b(url|[a-z]+Url)\b/);
    }
  });
});
