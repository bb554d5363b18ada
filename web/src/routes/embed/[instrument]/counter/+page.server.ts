import { getInstrument, getInstrumentStatus } from '$lib/api';
import type { PageServerLoad } from './$types';

// Shown inside other sites' pages: no JavaScript, one number and what it counts.
export const csr = false;

export const load: PageServerLoad = async ({ fetch, params, url }) => {
  const asOf = url.searchParams.get('asOf')?.trim() || null;
  const [instrument, status] = await Promise.all([
    getInstrument(fetch, params.instrument),
    getInstrumentStatus(fetch, params.instrument, { asOf }),
  ]);
  return {
    instrumentId: instrument.id,
    shortName: instrument.shortName,
    titleLanguage: instrument.titleLanguage,
    asOf: status.asOf,
    dataAsOf: status.dataAsOf,
    statesParties: status.statesParties,
    total: status.states.length,
    pending: status.withdrawalPending.length,
  };
};
