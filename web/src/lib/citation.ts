/**
 * "Cite this": a page's citation in plain text, BibTeX and CSL-JSON (what Zotero, Mendeley and
 * pandoc read). Each names the page's title, the tracker, the dataset version, the date the data
 * was shown as of, the day it was read, and a permalink: the page's address with its date pinned,
 * so opening it later shows the same view rather than that day's.
 */
import type { TFunction } from 'i18next';

export interface CitationInput {
  title: string;
  site: string;
  permalink: string;
  /** The date the page showed its data as of. */
  asOf: string;
  /** The day the page was read (today). */
  accessed: string;
  version: number;
}

/** A page address with its date pinned: `asOf` as given, else the date it showed. */
export function permalinkOf(url: URL, canonical: URLSearchParams, asOf: string): string {
  const query = new URLSearchParams(canonical);
  query.set('asOf', query.get('asOf') ?? asOf);
  return `${url.origin}${url.pathname}?${query.toString()}`;
}

export const plainCitation = (c: CitationInput, t: TFunction): string =>
  t('cite.plain', { title: c.title, site: c.site, version: c.version, asOf: c.asOf, permalink: c.permalink, accessed: c.accessed });

/** BibTeX's special characters in a field, escaped; the URL goes in \url{}, which takes it as it is. */
const bibtexText = (value: string) =>
  value.replace(/([\\{}%&$#_^~])/g, (c) => (c === '\\' ? '\\textbackslash{}' : c === '^' || c === '~' ? `\\${c}{}` : `\\${c}`));

/** A key from the page and its date, e.g. "tracker-maps-rome-statute-2026-12-05". */
export function citationKey(permalink: string, asOf: string): string {
  const path = new URL(permalink).pathname.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '');
  return `tracker-${path || 'home'}-${asOf}`;
}

export function bibtexCitation(c: CitationInput, t: TFunction): string {
  return [
    `@misc{${citationKey(c.permalink, c.asOf)},`,
    `  title = {{${bibtexText(c.title)}}},`,
    `  author = {{${bibtexText(c.site)}}},`,
    `  year = {${c.asOf.slice(0, 4)}},`,
    `  howpublished = {\\url{${c.permalink}}},`,
    `  note = {${bibtexText(t('cite.note', { version: c.version, asOf: c.asOf, accessed: c.accessed }))}},`,
    `  urldate = {${c.accessed}}`,
    '}',
  ].join('\n');
}

const dateParts = (iso: string) => [iso.split('-').map(Number)];

export function cslJsonCitation(c: CitationInput, t: TFunction): string {
  return JSON.stringify(
    [
      {
        id: citationKey(c.permalink, c.asOf),
        type: 'webpage',
        title: c.title,
        'container-title': c.site,
        author: [{ literal: c.site }],
        URL: c.permalink,
        version: String(c.version),
        issued: { 'date-parts': dateParts(c.asOf) },
        accessed: { 'date-parts': dateParts(c.accessed) },
        note: t('cite.note', { version: c.version, asOf: c.asOf, accessed: c.accessed }),
      },
    ],
    null,
    2,
  );
}
