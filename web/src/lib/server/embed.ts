/**
 * The embeddable map and counter (/embed/...) are the only pages another site may show in a frame:
 * their Content-Security-Policy names the sites allowed (EMBED_ALLOWED_ORIGINS, passed on by the
 * API server as EMBED_FRAME_ANCESTORS; `*` when unset). Every other page keeps frame-ancestors 'none'.
 */
import { delocalizePath } from '$lib/i18n';

export const isEmbedPath = (pathname: string) => delocalizePath(pathname).startsWith('/embed/');

/** The policy with its frame-ancestors directive replaced by `ancestors`. */
export function withFrameAncestors(policy: string, ancestors: string): string {
  const directives = policy
    .split(';')
    .map((d) => d.trim())
    .filter((d) => d && !d.startsWith('frame-ancestors'));
  return [...directives, `frame-ancestors ${ancestors}`].join('; ');
}

export const embedFrameAncestors = () => process.env.EMBED_FRAME_ANCESTORS?.trim() || '*';
