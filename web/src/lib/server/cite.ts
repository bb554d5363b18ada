/**
 * Puts the "Cite this page" block into every page (web/src/hooks.server.ts): the layout leaves an
 * empty slot in its footer, and the block is written once the page is rendered, when its <title>
 * (set by each page) is known. The dataset version is read from the API (GET /api/health) only then.
 */
import { todayUtc } from '@tracker/api/domain';
import { bibtexCitation, cslJsonCitation, permalinkOf, plainCitation, type CitationInput } from '$lib/citation';
import type { Locale } from '$lib/i18n';
import { serverT } from '$lib/i18n/server';
import { canonicalQuery } from '$lib/page-params';

/** What the layout renders where the block goes. */
export const CITE_SLOT = '<div data-cite-slot=""></div>';

const escapeHtml = (value: string) =>
  value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
const unescapeHtml = (value: string) =>
  value.replace(/&(amp|lt|gt|quot|#39|#x27);/g, (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", '#x27': "'" })[e]!);

/** The page's own title, from its rendered <title>. */
export const titleOf = (html: string): string | null => {
  const match = /<title>([^<]*)<\/title>/.exec(html);
  return match ? unescapeHtml(match[1]!).trim() : null;
};

export function citeBlock(input: { html: string; url: URL; locale: Locale; version: number }): string {
  const t = serverT(input.locale);
  const title = titleOf(input.html) ?? t('app.name');
  const today = todayUtc();
  const asOf = input.url.searchParams.get('asOf')?.trim() || today;
  const citation: CitationInput = {
    title,
    site: t('app.name'),
    permalink: permalinkOf(input.url, canonicalQuery(input.url.searchParams), asOf),
    asOf,
    accessed: today,
    version: input.version,
  };
  const field = (label: string, value: string, kind: string, rows: number) =>
    `<label class="cite-field"><span>${escapeHtml(label)}</span><textarea readonly rows="${rows}" data-cite="${kind}">${escapeHtml(value)}</textarea></label>`;
  return (
    `<details class="cite" data-testid="cite-this"><summary>${escapeHtml(t('cite.heading'))}</summary>` +
    `<p>${escapeHtml(t('cite.intro'))}</p>` +
    field(t('cite.text'), plainCitation(citation, t), 'text', 3) +
    field('BibTeX', bibtexCitation(citation, t), 'bibtex', 8) +
    field('CSL-JSON', cslJsonCitation(citation, t), 'csl-json', 10) +
    `<p><a href="${escapeHtml(citation.permalink)}" rel="bookmark">${escapeHtml(t('cite.permalink'))}</a></p>` +
    '</details>'
  );
}
