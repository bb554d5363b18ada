import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/**
 * Every word a page shows comes from the catalogues, so that it reads in the page's language: a
 * Svelte template may hold markup and {expressions}, but no text of its own. What a template may
 * still write as is: code (inside <code>), HTML entities, and document symbols or codes as
 * placeholders (CAT/C/SVN/CO/4, SVN-48), which are the same in every language.
 */
function englishOnlyText(template: string): string[] {
  let markup = template
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/<code>[\s\S]*?<\/code>/g, '')
    .replace(/&[a-z]+;|&#\d+;/g, ' ');
  // Drop {expressions}, nested or not: what they show comes from code, which the catalogues check.
  let depth = 0;
  markup = [...markup]
    .filter((c) => {
      if (c === '{') depth++;
      else if (c === '}' && depth > 0) depth--;
      else return depth === 0;
      return false;
    })
    .join('');
  const found: string[] = [];
  for (const [, attribute, value] of markup.matchAll(/\b(aria-label|aria-description|title|placeholder|alt|label)="([^"]*)"/g))
    if (/\p{L}/u.test(value!) && !/^[A-Z0-9/.-]+$/.test(value!)) found.push(`${attribute}="${value}"`);
  const text = markup.replace(/<[^>]*>/g, ' ');
  for (const [word] of text.matchAll(/[^\W\d_]{2,}/gu)) found.push(word);
  return found;
}

describe('Svelte templates', () => {
  const src = fileURLToPath(new URL('../..', import.meta.url));
  const templates = (readdirSync(src, { recursive: true }) as string[]).filter((f) => f.endsWith('.svelte'));

  it('hold no words of their own: every text comes from the catalogues', () => {
    expect(templates.length).toBeGreaterThan(40);
    const found = templates
      .map((file) => [file, englishOnlyText(readFileSync(join(src, file), 'utf8'))] as const)
      .filter(([, words]) => words.length > 0);
    expect(Object.fromEntries(found)).toEqual({});
  });

  it('finds words written into markup, in text and in the attributes people read', () => {
    expect(englishOnlyText('<p>{t("a")}</p><legend>UPR</legend>')).toEqual(['UPR']);
    expect(englishOnlyText('<button aria-label="Close">{t("x")}</button>')).toEqual(['aria-label="Close"']);
    expect(englishOnlyText('<input placeholder="Search" />')).toEqual(['placeholder="Search"']);
    // Expressions, code, entities, scripts, styles and symbols are not words of the page.
    expect(
      englishOnlyText(
        '<script>const a = "Hello";</script><p>{t(`x.${y ? "a" : "b"}`)}&nbsp;<code>pnpm start</code></p><input placeholder="CAT/C/SVN/CO/4" /><style>p { color: red }</style>',
      ),
    ).toEqual([]);
  });
});
