/**
 * Pure helpers for the editing pages: where to go after signing in, and what a reader's error
 * report is about. Kept apart from the routes so that they can be tested without a server.
 */

/** The hidden form field that carries the session's CSRF token (EditForm.svelte; the server sends it as x-csrf-token). */
export const CSRF_FIELD = 'csrf';

/**
 * The page to return to after signing in: only a path on this site. Anything else ("//evil.example",
 * "https://…", "/\\evil.example", a control character) would turn the sign-in page into an open
 * redirect, so it falls back to the home page.
 */
export function safeNext(next: string | null | undefined): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  // eslint-disable-next-line no-control-regex -- refusing control characters is the point
  if (/[\u0000-\u001F\u007F\\]/u.test(next)) return '/';
  return next;
}

/** What a page is about, when its address says so simply; the API checks the values it is sent. */
export interface PageSubject {
  instrumentId: string | null;
  stateIso3: string | null;
}

const SLUG = /^[a-z0-9][a-z0-9-]{0,63}$/;
const ISO3 = /^[A-Za-z]{3}$/;

/**
 * The instrument and State of a page from its path (/states/{iso3}, /maps/{instrument},
 * /instruments/{id}, /advocacy/{instrument}[/{iso3}], /upr/reviews/{iso3}); null for the rest.
 * Accepts a path with a query ("/maps/opcat?asOf=2020-01-01"); only the path counts.
 */
export function pageSubject(page: string | null | undefined): PageSubject {
  const none: PageSubject = { instrumentId: null, stateIso3: null };
  if (!page || !page.startsWith('/')) return none;
  const path = page.split(/[?#]/, 1)[0] ?? '';
  const parts = path.split('/').filter(Boolean).map(decodeSafely);
  const [section, first, second] = parts;
  const iso3 = (s: string | undefined) => (s && ISO3.test(s) ? s.toUpperCase() : null);
  const slug = (s: string | undefined) => (s && SLUG.test(s) ? s : null);
  switch (section) {
    case 'states':
      return { instrumentId: null, stateIso3: iso3(first) };
    case 'maps':
    case 'instruments':
      return { instrumentId: slug(first), stateIso3: null };
    case 'advocacy':
      return { instrumentId: slug(first), stateIso3: second === 'progress' ? null : iso3(second) };
    case 'upr':
      return { instrumentId: null, stateIso3: first === 'reviews' ? iso3(second) : null };
    default:
      return none;
  }
}

function decodeSafely(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** A refused form as the page shows it: the API's message, the fields at fault, the values to refill. */
export interface FormFailureView {
  formId?: string;
  message: string;
  details: { path: string; message: string }[];
  values: Record<string, string | null>;
}

/**
 * The failure of one form of a page with several (`formId` names it), or of the page's only form;
 * null when the answer was a success or belongs to another form.
 */
export function failureOf(form: unknown, formId?: string): FormFailureView | null {
  if (!form || typeof form !== 'object') return null;
  const f = form as Partial<FormFailureView>;
  if (typeof f.message !== 'string') return null;
  if (formId !== undefined && f.formId !== formId) return null;
  return { formId: f.formId, message: f.message, details: Array.isArray(f.details) ? f.details : [], values: f.values ?? {} };
}

/** The `done` word of a successful form action, or null. */
export function doneOf(form: unknown): string | null {
  if (!form || typeof form !== 'object') return null;
  const done = (form as { done?: unknown }).done;
  return typeof done === 'string' ? done : null;
}

/** A record's fields as a form's values (numbers as text, absent ones null), to prefill a correction. */
export function asFormValues(record: object): Record<string, string | null> {
  return Object.fromEntries(Object.entries(record).map(([k, v]) => [k, v === null || v === undefined ? null : String(v)]));
}

/** A form field as text; '' when absent or a file. */
export const field = (form: FormData, name: string): string => {
  const value = form.get(name);
  return typeof value === 'string' ? value : '';
};
