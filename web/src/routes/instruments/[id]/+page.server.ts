import { getInstrument, getInstrumentStatus, getInstrumentTimeline, getStates } from '$lib/api';
import { buildTimelineChart, yearlyCounts } from '$lib/charts/timeline';
import { toStatusRow } from '$lib/status-text';
import type { PageServerLoad } from './$types';

// Nothing on this page changes after it is drawn: no JavaScript needed (sorting is by links).
export const csr = false;

export const load: PageServerLoad = async ({ fetch, params, locals }) => {
  const [instrument, timeline, status, { states }] = await Promise.all([
    getInstrument(fetch, params.id),
    getInstrumentTimeline(fetch, params.id),
    getInstrumentStatus(fetch, params.id),
    getStates(fetch),
  ]);
  const parent = instrument.parentId ? await getInstrument(fetch, instrument.parentId) : null;
  return {
    instrument,
    parent: parent ? { id: parent.id, name: parent.name } : null,
    chart: buildTimelineChart({
      points: timeline.points,
      from: timeline.from,
      to: timeline.to,
      generalEntryIntoForce: instrument.generalEntryIntoForce,
    }),
    timeline: {
      from: timeline.from,
      to: timeline.to,
      yearly: yearlyCounts(timeline.points, timeline.from, timeline.to),
      jurisdictionActivation: timeline.jurisdictionActivation,
    },
    status: {
      asOf: status.asOf,
      rows: status.states.map((row) => toStatusRow(row, status.sources)),
      sources: status.sources,
      statesParties: status.statesParties,
      withdrawalPending: status.withdrawalPending.map((w) => w.iso3),
    },
    names: Object.fromEntries(states.map((s) => [s.iso3, s.names[locals.locale] ?? s.names.en])),
  };
};
