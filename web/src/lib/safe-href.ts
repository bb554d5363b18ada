/**
 * Links to sources come from the data (imports, editors' assessments), so a `javascript:` or
 * `data:` address could reach a page through them. Only absolute http(s) addresses become links;
 * anything else is shown as text (see ExternalLink.svelte).
 */
export function safeHref(url: string | null | undefined): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url.trim());
  } catch {
    return null; // not an absolute address
  }
  return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : null;
}
