/**
 * The advocacy list's view as it travels in its URL: the date, the statuses (several, as the
 * form's checkboxes send them: `status=signatory&status=no-action`), the state filters and how
 * they combine, the UPR filters and the span of the windows list. The page URL and the API URL
 * use the same names and values, so the CSV link is the view's own query plus `format`. Values are
 * not validated here: the API answers a bad one with a 400 that says what is wrong.
 */
import { NOT_JOINED_STATUSES, type NotJoinedStatus } from '@tracker/api/domain';
import { toSearch } from '$lib/query';

/** The single-valued parameters, in the order the API documents them (and URLs are written in). */
export const ADVOCACY_KEYS = [
  'asOf',
  'region',
  'group',
  'ldc',
  'sids',
  'oda',
  'combine',
  'recommended',
  'supported',
  'reviewWithin',
  'windowMonths',
] as const;
export type AdvocacyKey = (typeof ADVOCACY_KEYS)[number];

export interface AdvocacyView {
  params: Partial<Record<AdvocacyKey, string>>;
  status: string[];
}

/** The view's choices; empty form fields ("any") count as absent; statuses in the vocabulary's order. */
export function readAdvocacyView(search: URLSearchParams): AdvocacyView {
  const params: AdvocacyView['params'] = {};
  for (const key of ADVOCACY_KEYS) {
    const value = search.get(key)?.trim();
    if (value) params[key] = value;
  }
  const asked = new Set(
    search
      .getAll('status')
      .flatMap((v) => v.split(',').map((s) => s.trim()))
      .filter(Boolean),
  );
  const known = NOT_JOINED_STATUSES.filter((s) => asked.delete(s));
  // An unknown status is kept, so the API can say what is wrong with it.
  return { params, status: [...known, ...asked] };
}

/** The view's query string ("" when empty), statuses repeated as a form sends them. */
export function advocacySearch({ params, status }: AdvocacyView, extra: Record<string, string | null | undefined> = {}): string {
  const single = toSearch({ ...Object.fromEntries(ADVOCACY_KEYS.map((k) => [k, params[k]])), ...extra }).slice(1);
  const search = new URLSearchParams(single);
  for (const s of status) search.append('status', s);
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** Whether any choice narrows the list (the date and the windows' span do not). */
export const isFiltered = ({ params, status }: AdvocacyView) =>
  status.length > 0 || ADVOCACY_KEYS.some((k) => k !== 'asOf' && k !== 'windowMonths' && !!params[k]);

export const isNotJoinedStatus = (value: string): value is NotJoinedStatus => (NOT_JOINED_STATUSES as readonly string[]).includes(value);

/** Session numbers as ranges ("1–27, 34, 48"), for a sentence saying which sessions the data covers. */
export function sessionRanges(sessions: readonly number[]): string {
  const sorted = [...new Set(sessions)].sort((a, b) => a - b);
  const parts: string[] = [];
  for (let i = 0; i < sorted.length;) {
    let j = i;
    while (j + 1 < sorted.length && sorted[j + 1] === sorted[j]! + 1) j++;
    parts.push(j > i ? `${sorted[i]}–${sorted[j]}` : String(sorted[i]));
    i = j + 1;
  }
  return parts.join(', ');
}

export type QuestionId = 'ldcSidsSignedRome' | 'supportedOpcat' | 'reviewSoonRome' | 'uncatNotJoined';

/**
 * Questions campaigners ask, each as a view of one instrument's list (the index page links them).
 * Only filters: the answers come from the data.
 */
export const QUESTIONS: readonly { id: QuestionId; instrumentId: string; view: AdvocacyView }[] = [
  {
    id: 'ldcSidsSignedRome',
    instrumentId: 'rome-statute',
    view: { params: { ldc: 'true', sids: 'true', combine: 'any' }, status: ['signatory'] },
  },
  { id: 'supportedOpcat', instrumentId: 'opcat', view: { params: { supported: 'true' }, status: [] } },
  { id: 'reviewSoonRome', instrumentId: 'rome-statute', view: { params: { reviewWithin: '12' }, status: [] } },
  { id: 'uncatNotJoined', instrumentId: 'uncat', view: { params: {}, status: [] } },
];
