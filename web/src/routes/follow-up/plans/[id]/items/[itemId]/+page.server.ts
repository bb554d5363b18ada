import { error, fail, redirect, type RequestEvent } from '@sveltejs/kit';
import { serverT } from '$lib/i18n/server';
import { localizePath } from '$lib/i18n';
import { getFollowUpPlan } from '$lib/api';
import { actionBody, indicatorBody, mayEditPlan, planHref, updateBody } from '$lib/follow-up';
import { formValues, requireSession, submitToApi } from '$lib/server/editing';
import type { Actions, PageServerLoad } from './$types';

export const csr = false;

/** One recommendation of a plan, for the editors of its organisation: its actions, progress, indicators and cluster. */
export const load: PageServerLoad = async (event) => {
  const session = await requireSession(event);
  const plan = await getFollowUpPlan(event.fetch, event.params.id);
  const t = serverT(event.locals.locale);
  if (!mayEditPlan(plan, session)) error(403, t('error.server.planEditorsOnly'));
  const cluster = plan.clusters.find((c) => c.recommendations.some((r) => r.itemId === event.params.itemId));
  if (!cluster) error(404, t('error.server.noPlanItem', { id: event.params.itemId }));
  const bodies = await event
    .fetch(`/api/follow-up/bodies?state=${plan.stateIso3}`)
    .then((r) => r.json() as Promise<{ bodies: { name: string }[] }>);
  return {
    plan: { id: plan.id, title: plan.title, stateIso3: plan.stateIso3, clusters: plan.clusters.map((c) => ({ id: c.id, title: c.title })) },
    clusterId: cluster.id,
    recommendation: cluster.recommendations.find((r) => r.itemId === event.params.itemId)!,
    bodies: bodies.bodies.map((b) => b.name),
  };
};

async function write(
  event: RequestEvent,
  formId: string,
  path: string,
  method: 'POST' | 'PUT',
  body: (v: Record<string, string | null>) => unknown,
) {
  const form = await event.request.formData();
  await requireSession(event);
  const values = formValues(form);
  const base = `/follow-up/plans/${encodeURIComponent(event.params.id!)}`;
  const result = await submitToApi(event, form, { method, path: `${base}${path}`, body: body(values) });
  if (!('ok' in result)) return fail(result.status, { ...result.data, formId });
  if (formId === 'remove') redirect(303, localizePath(planHref(event.params.id!), event.locals.locale));
  return { formId, done: formId };
}

export const actions: Actions = {
  addAction: (event) => write(event, 'addAction', '/actions', 'POST', (v) => actionBody(event.params.itemId, v)),
  addUpdate: (event) => write(event, 'addUpdate', '/updates', 'POST', (v) => updateBody(event.params.itemId, v)),
  addIndicator: (event) => write(event, 'addIndicator', '/indicators', 'POST', (v) => indicatorBody(event.params.itemId, v)),
  move: (event) =>
    write(event, 'move', `/items/${encodeURIComponent(event.params.itemId)}`, 'PUT', (v) => ({ clusterId: v.clusterId ?? '' })),
  remove: (event) =>
    write(event, 'remove', `/items/${encodeURIComponent(event.params.itemId)}/remove`, 'POST', (v) => ({ reason: v.reason ?? '' })),
  addBody: async (event) => {
    const form = await event.request.formData();
    await requireSession(event);
    const v = formValues(form);
    const result = await submitToApi(event, form, {
      method: 'POST',
      path: '/follow-up/bodies',
      body: { stateIso3: v.stateIso3 ?? '', name: v.name ?? '', kind: v.kind ?? 'other' },
    });
    if (!('ok' in result)) return fail(result.status, { ...result.data, formId: 'addBody' });
    return { formId: 'addBody', done: 'addBody' };
  },
};
