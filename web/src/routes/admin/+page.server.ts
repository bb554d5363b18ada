import { error, fail } from '@sveltejs/kit';
import { serverT } from '$lib/i18n/server';
import type { ApiToken, User } from '@tracker/api/schemas';
import { userPatch } from '$lib/admin-form';
import { field } from '$lib/editing-links';
import { formValues, requireSession, submitToApi } from '$lib/server/editing';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const csr = false;

const TOKEN_SCOPES = [
  'participation-events',
  'cat-reporting',
  'upr-assessments',
  'review-queue',
  'follow-up',
] as const satisfies readonly ApiToken['scopes'][number][];

/** Admins only: anyone else signed in gets a 403 page; nobody signed in goes to sign in first. */
async function requireAdmin(event: Pick<RequestEvent, 'fetch' | 'cookies' | 'url' | 'locals'>) {
  const session = await requireSession(event);
  if (session.user?.role !== 'admin') error(403, serverT(event.locals.locale)('error.server.adminOnly'));
  return session;
}

async function getJson<T>(fetch: typeof globalThis.fetch, path: string): Promise<T> {
  const res = await fetch(`/api${path}`, { headers: { accept: 'application/json' } });
  if (!res.ok) error(res.status, `The API answered ${res.status} for ${path}`);
  return (await res.json()) as T;
}

export const load: PageServerLoad = async (event) => {
  await requireAdmin(event);
  const [users, tokens] = await Promise.all([
    getJson<User[]>(event.fetch, '/admin/users'),
    getJson<ApiToken[]>(event.fetch, '/admin/tokens'),
  ]);
  return { users, tokens, scopes: TOKEN_SCOPES, now: new Date().toISOString() };
};

const id = (form: FormData) => field(form, 'id').replace(/\D/g, '');

async function send(
  event: RequestEvent,
  formId: (form: FormData) => string,
  request: (form: FormData) => { method: 'POST' | 'PATCH'; path: string; body: unknown },
  done: string,
) {
  await requireAdmin(event);
  const form = await event.request.formData();
  const result = await submitToApi<Record<string, unknown>>(event, form, request(form));
  if (!('ok' in result)) return fail(result.status, { ...result.data, formId: formId(form) });
  // The secret of a new token travels only in this answer to the POST: never in a URL, never stored.
  const secret = typeof result.data.secret === 'string' ? result.data.secret : null;
  return { formId: formId(form), done, secret };
}

export const actions: Actions = {
  createUser: (event) =>
    send(
      event,
      () => 'create-user',
      (form) => {
        const v = formValues(form);
        return {
          method: 'POST',
          path: '/admin/users',
          body: { email: v.email, name: v.name, organisation: v.organisation, role: v.role, password: v.password },
        };
      },
      'userCreated',
    ),
  updateUser: (event) =>
    send(
      event,
      (form) => `user-${id(form)}`,
      (form) => ({ method: 'PATCH', path: `/admin/users/${id(form)}`, body: userPatch(formValues(form)) }),
      'userUpdated',
    ),
  revokeSessions: (event) =>
    send(
      event,
      (form) => `user-${id(form)}`,
      (form) => ({ method: 'POST', path: `/admin/users/${id(form)}/revoke-sessions`, body: {} }),
      'sessionsEnded',
    ),
  createToken: (event) =>
    send(
      event,
      () => 'create-token',
      (form) => {
        const v = formValues(form);
        return {
          method: 'POST',
          path: '/admin/tokens',
          body: {
            userId: v.userId ? Number(v.userId) : null,
            name: v.name,
            scopes: form.getAll('scopes').filter((s) => typeof s === 'string'),
            expiresOn: v.expiresOn,
          },
        };
      },
      'tokenCreated',
    ),
  revokeToken: (event) =>
    send(
      event,
      (form) => `token-${id(form)}`,
      (form) => ({ method: 'POST', path: `/admin/tokens/${id(form)}/revoke`, body: {} }),
      'tokenRevoked',
    ),
};
