import { fail, type RequestEvent } from '@sveltejs/kit';
import { serverT } from '$lib/i18n/server';
import type { ImportPreview } from '@tracker/api/schemas';
import { getFollowUpPlan, getStates } from '$lib/api';
import { otherRecommendationBody } from '$lib/follow-up';
import { formValues, readSession, submitToApi } from '$lib/server/editing';
import type { Actions, PageServerLoad } from './$types';

export const csr = false;

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const load: PageServerLoad = async ({ fetch, locals, params, url }) => {
  const asOf = url.searchParams.get('asOf') || null;
  const [plan, { states }] = await Promise.all([getFollowUpPlan(fetch, params.id, { asOf }), getStates(fetch)]);
  const state = states.find((s) => s.iso3 === plan.stateIso3);
  return { plan, asOf, stateName: state ? (state.names[locals.locale] ?? state.names.en) : plan.stateIso3 };
};

const planPath = (event: RequestEvent) => `/follow-up/plans/${encodeURIComponent(event.params.id!)}`;

/** Sends one form of the page to the API and says which form answered. */
async function write(
  event: RequestEvent,
  formId: string,
  request: (values: Record<string, string | null>) => { method: 'POST' | 'PUT'; path: string; body: unknown },
) {
  const form = await event.request.formData();
  if (!(await readSession(event.fetch, event.cookies)))
    return fail(401, {
      formId,
      message: serverT(event.locals.locale)('error.server.signInPlan'),
      details: [],
      values: formValues(form),
    });
  const result = await submitToApi(event, form, request(formValues(form)));
  if (!('ok' in result)) return fail(result.status, { ...result.data, formId });
  return { formId, done: formId };
}

/**
 * The import in two steps that work without JavaScript: the file is previewed (nothing is
 * written), and the preview page carries the file back, with the text matches the editor
 * confirms, to be applied whole.
 */
async function importMatrix(event: RequestEvent, apply: boolean) {
  const form = await event.request.formData();
  let file: Buffer;
  let name: string;
  const upload = form.get('file');
  const carried = form.get('fileData');
  const carriedName = form.get('fileName');
  if (!apply && upload instanceof File && upload.size > 0) {
    file = Buffer.from(await upload.arrayBuffer());
    name = upload.name;
  } else if (apply && typeof carried === 'string') {
    file = Buffer.from(carried, 'base64');
    name = typeof carriedName === 'string' ? carriedName : 'matrix.csv';
  } else
    return fail(400, { formId: 'import', message: serverT(event.locals.locale)('error.server.chooseMatrix'), details: [], values: {} });
  const confirm = form
    .getAll('confirm')
    .map(String)
    .filter((v) => /^\d+$/.test(v));
  const query = `dryRun=${apply ? 'false' : 'true'}${confirm.length ? `&confirm=${confirm.join(',')}` : ''}`;
  const contentType = /\.xlsx$/i.test(name) ? XLSX_TYPE : 'text/csv';
  const result = await submitToApi<ImportPreview>(event, form, {
    path: `${planPath(event)}/import?${query}`,
    file: new Blob([new Uint8Array(file)]),
    contentType,
  });
  if (!('ok' in result)) return fail(result.status, { ...result.data, formId: 'import' });
  return { formId: 'import', done: apply ? 'imported' : null, preview: result.data, fileData: file.toString('base64'), fileName: name };
}

export const actions: Actions = {
  addCluster: (event) =>
    write(event, 'addCluster', (v) => ({ method: 'POST', path: `${planPath(event)}/clusters`, body: { title: v.title ?? '' } })),
  renameCluster: (event) =>
    write(event, 'renameCluster', (v) => ({
      method: 'PUT',
      path: `${planPath(event)}/clusters/${encodeURIComponent(v.clusterId ?? '')}`,
      body: { title: v.title ?? '' },
    })),
  addOther: (event) =>
    write(event, 'addOther', (v) => ({ method: 'POST', path: `${planPath(event)}/recommendations`, body: otherRecommendationBody(v) })),
  publish: (event) =>
    write(event, 'publish', (v) => ({ method: 'POST', path: `${planPath(event)}/publish`, body: { reason: v.reason ?? '' } })),
  previewImport: (event) => importMatrix(event, false),
  applyImport: (event) => importMatrix(event, true),
};
