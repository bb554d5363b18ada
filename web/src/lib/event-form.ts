/**
 * Pure helpers for the participation-event forms (/events/new, /events/{id}). The vocabularies are
 * the API's (api/src/domain/types.ts); the web imports only types from the API, so they are listed
 * here as records keyed by the API's types: a kind added there fails the type check until added here.
 */
import type { ApiToken, EditableEvent as ParticipationEvent } from '@tracker/api/schemas';

type Kind = ParticipationEvent['kind'];
type Attestation = ParticipationEvent['attestation'];
type Precision = ParticipationEvent['datePrecision'];

const KINDS: Record<Kind, true> = {
  signature: true,
  ratification: true,
  accession: true,
  succession: true,
  acceptance: true,
  approval: true,
  'signature-withdrawn': true,
  'consent-withdrawn': true,
  'withdrawal-notified': true,
  'withdrawal-revoked': true,
  declaration: true,
  reservation: true,
  'reservation-withdrawn': true,
};
const ATTESTATION: Record<Attestation, true> = { depositary: true, 'official-statement': true, 'news-report': true, unverified: true };
const PRECISION: Record<Precision, true> = { day: true, month: true, year: true };

export const EVENT_KIND_OPTIONS = Object.keys(KINDS) as Kind[];
export const ATTESTATION_OPTIONS = Object.keys(ATTESTATION) as Attestation[];
export const PRECISION_OPTIONS = Object.keys(PRECISION) as Precision[];

/** The citation every write carries; empty fields null so the API names what is missing. */
export function citationBody(values: Record<string, string | null>) {
  return { sourceUrl: values.sourceUrl ?? null, documentSymbol: values.documentSymbol ?? null, reason: values.reason ?? null };
}

/**
 * The correctable fields of an event form as EventCorrectionInput takes them. Optional fields left
 * empty are left out so the API applies its defaults (day precision; the notification symbol from a
 * cited C.N. symbol).
 */
export function correctionBody(values: Record<string, string | null>) {
  const body: Record<string, string | null> = { date: values.date ?? null, attestation: values.attestation ?? null };
  for (const name of ['datePrecision', 'effectiveDate', 'article', 'notificationSymbol', 'note'] as const) {
    if (values[name] !== null && values[name] !== undefined) body[name] = values[name];
  }
  return { ...body, ...citationBody(values) };
}

/** A new event: its identity (instrument, State, kind) and the correctable fields. */
export function eventBody(values: Record<string, string | null>) {
  return {
    instrumentId: values.instrumentId ?? null,
    stateIso3: values.stateIso3 ? values.stateIso3.toUpperCase() : null,
    kind: values.kind ?? null,
    ...correctionBody(values),
  };
}

/** The fields that differ between two versions of an event in its history, for "what changed". */
export function changedFields(before: unknown, after: unknown): { field: string; from: string; to: string }[] {
  const b = (before && typeof before === 'object' ? before : {}) as Record<string, unknown>;
  const a = (after && typeof after === 'object' ? after : {}) as Record<string, unknown>;
  const show = (v: unknown): string => {
    if (v === null || v === undefined) return '—';
    return typeof v === 'string' ? v : JSON.stringify(v);
  };
  const names = [...new Set([...Object.keys(b), ...Object.keys(a)])].filter((k) => k !== 'retractedAt');
  return names.filter((k) => show(b[k]) !== show(a[k])).map((k) => ({ field: k, from: show(b[k]), to: show(a[k]) }));
}

/** The event page of an event id (ids contain colons: "uncat:TUV:accession:2024-03-25"). */
export const eventHref = (id: string) => `/events/${encodeURIComponent(id)}`;

/** Whether a token is usable now: not revoked and not past its expiry date. */
export function tokenActive(token: Pick<ApiToken, 'revokedAt' | 'expiresAt'>, now: string): boolean {
  return !token.revokedAt && (!token.expiresAt || token.expiresAt > now);
}
