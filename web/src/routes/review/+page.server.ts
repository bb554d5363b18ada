import { error, fail } from '@sveltejs/kit';
import type { ReviewQueue } from '@tracker/api/schemas';
import { field } from '$lib/editing-links';
import { requireSession, submitToApi } from '$lib/server/editing';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

// A plain form page: no JavaScript, so nothing typed before hydration can be reset by it.
export const csr = false;

// Editors only: an anonymous visitor is sent to sign in and comes back here.
export const load: PageServerLoad = async (event) => {
  await requireSession(event);
  const res = await event.fetch('/api/review-queue', { headers: { accept: 'application/json' } });
  if (!res.ok) error(res.status, `The review queue could not be read (the API answered ${res.status})`);
  return { queue: (await res.json()) as ReviewQueue };
};

/** Which form failed ("confirm-<event id>", "flag-<id>" …), so the page shows the message next to it. */
async function send(
  event: RequestEvent,
  kind: string,
  path: (id: string) => string,
  body: (v: Record<string, string | null>) => unknown,
  done: string,
) {
  const form = await event.request.formData();
  const id = field(form, 'id');
  const values: Record<string, string | null> = {};
  for (const [name, value] of form) if (typeof value === 'string') values[name] = value.trim() === '' ? null : value.trim();
  const result = await submitToApi(event, form, { method: 'POST', path: path(encodeURIComponent(id)), body: body(values) });
  if (!('ok' in result)) return fail(result.status, { ...result.data, formId: `${kind}-${id}` });
  return { formId: `${kind}-${id}`, done };
}

export const actions: Actions = {
  confirm: (event) =>
    send(
      event,
      'confirm',
      (id) => `/review-queue/reports/${id}/confirm`,
      (v) => ({
        notificationSymbol: v.notificationSymbol,
        sourceUrl: v.sourceUrl ?? null,
        ...(v.date && { date: v.date }),
        ...(v.effectiveDate && { effectiveDate: v.effectiveDate }),
        // The API reads a missing address as none; an empty field means the same.
        reason: v.reason,
      }),
      'confirmed',
    ),
  reject: (event) =>
    send(
      event,
      'reject',
      (id) => `/review-queue/reports/${id}/reject`,
      (v) => ({ sourceUrl: v.sourceUrl ?? null, documentSymbol: v.documentSymbol ?? null, reason: v.reason }),
      'rejected',
    ),
  resolveFlag: (event) =>
    send(
      event,
      'flag',
      (id) => `/review-queue/flags/${id}/resolve`,
      (v) => ({ reason: v.reason }),
      'flagResolved',
    ),
  rejectFlag: (event) =>
    send(
      event,
      'flag',
      (id) => `/review-queue/flags/${id}/reject`,
      (v) => ({ reason: v.reason }),
      'flagRejected',
    ),
};
