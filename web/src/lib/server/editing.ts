/**
 * The dashboard's side of editing: who is signed in, and sending a form's write to the API.
 *
 * Forms post to the page's own action (they work without JavaScript); the action sends the write
 * to the API in-process with the reader's session cookie and the form's CSRF token as the
 * x-csrf-token header. The API checks both, validates the body with the same zod schema as for
 * scripts, and records the change; this module only carries the answer back to the form.
 */
import { fail, redirect, type RequestEvent } from '@sveltejs/kit';
import type { ErrorBody, SessionInfo } from '@tracker/api/schemas';
import { CSRF_FIELD } from '$lib/editing-links';
import { localeOfPath, localizePath } from '$lib/i18n';

/** The session cookie the API sets at sign-in (api/src/plugins/auth.ts). */
export const SESSION_COOKIE = 'tracker_session';
export { CSRF_FIELD };

type Fetch = typeof fetch;

/** Who is signed in on this browser, or null. Asks the API only when a session cookie is present. */
export async function readSession(fetch: Fetch, cookies: RequestEvent['cookies']): Promise<SessionInfo | null> {
  if (!cookies.get(SESSION_COOKIE)) return null;
  const res = await fetch('/api/auth/session', { headers: { accept: 'application/json' } });
  if (!res.ok) return null;
  const session = (await res.json()) as SessionInfo;
  return session.user ? session : null;
}

/** The signed-in editor, or a redirect to the sign-in page that comes back here afterwards. */
export async function requireSession(event: Pick<RequestEvent, 'fetch' | 'cookies' | 'url'>): Promise<SessionInfo> {
  const session = await readSession(event.fetch, event.cookies);
  if (!session) redirect(303, signInUrl(event.url));
  return session;
}

/** The sign-in page in the page's language, to come back to the page after. */
export const signInUrl = (url: URL) =>
  `${localizePath('/login', localeOfPath(url.pathname))}?next=${encodeURIComponent(url.pathname + url.search)}`;

/** A form's fields as text, empty ones as null, without the CSRF token (it travels as a header). */
export function formValues(form: FormData): Record<string, string | null> {
  const values: Record<string, string | null> = {};
  for (const [name, value] of form) {
    if (name === CSRF_FIELD || typeof value !== 'string') continue;
    values[name] = value.trim() === '' ? null : value;
  }
  return values;
}

/** What a failed form shows: the API's message, its per-field details, and the values to refill. */
export interface FormFailure {
  message: string;
  details: { path: string; message: string }[];
  values: Record<string, string | null>;
}

/**
 * Sends a write to the API as the signed-in reader and returns its JSON answer, or a form failure
 * with the API's own message (400 with the fields at fault, 403 for a stale CSRF token, 409, 413,
 * 429). An ended session sends the editor to sign in again. The body is JSON, or a file itself
 * (a spreadsheet to import) with its content type.
 */
export async function submitToApi<T>(
  event: Pick<RequestEvent, 'fetch' | 'url'>,
  form: FormData,
  request: { method: 'POST' | 'PUT' | 'PATCH'; path: string; body: unknown } | { path: string; file: Blob; contentType: string },
): Promise<{ ok: true; data: T } | ReturnType<typeof fail<FormFailure>>> {
  const csrf = form.get(CSRF_FIELD);
  const sent =
    'file' in request
      ? { method: 'POST', contentType: request.contentType, body: request.file }
      : { method: request.method, contentType: 'application/json', body: JSON.stringify(request.body) };
  const res = await event.fetch(`/api${request.path}`, {
    method: sent.method,
    headers: { 'content-type': sent.contentType, accept: 'application/json', 'x-csrf-token': typeof csrf === 'string' ? csrf : '' },
    body: sent.body,
  });
  if (res.ok) return { ok: true, data: (await res.json()) as T };
  if (res.status === 401) redirect(303, signInUrl(event.url));
  const body = (await res.json().catch(() => null)) as ErrorBody | null;
  return fail(res.status, {
    message: body?.message ?? `The API answered ${res.status}`,
    details: body?.details ?? [],
    values: formValues(form),
  });
}
