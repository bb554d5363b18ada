import { describe, expect, it } from 'vitest';
import { createTranslator } from './i18n';
import en from './i18n/locales/en.json';
import {
  activeFilters,
  apiSearchQuery,
  downloadHref,
  effectiveSort,
  facetHref,
  facetOptions,
  filterValueLabel,
  ordinal,
  rangesText,
  readUprQuery,
  responseCounts,
  responseText,
  selectReview,
  summariseCoverage,
  toRanges,
  uprHref,
  sourcesAsOf,
} from './upr';
import { toSearch } from './query';

const { t } = createTranslator('en', en);
const query = (search: string) => readUprQuery(new URLSearchParams(search));
const labels = {
  t,
  instruments: { opcat: 'OPCAT', uncat: 'UNCAT', 'rome-statute': 'Rome Statute' },
  states: { SVN: 'Slovenia', FRA: 'France' },
  regions: { '002': 'Africa', '029': 'Caribbean' },
};

describe('readUprQuery', () => {
  it.each([
    { search: '', expected: { filters: {}, sort: null, page: 1, pageSize: 25 } },
    // A submitted form sends every field, empty ones as "".
    {
      search: 'q=&state=&recommendingState=&session=&sort=',
      expected: { filters: {}, sort: null, page: 1, pageSize: 25 },
    },
    {
      search: 'q=+ratif+&state=svn&instrument=opcat&action=ratify-accede&sort=state&page=3&pageSize=100',
      expected: {
        filters: { q: 'ratif', state: 'SVN', instrument: 'opcat', action: 'ratify-accede' },
        sort: 'state',
        page: 3,
        pageSize: 100,
      },
    },
    // What the page itself must get right falls back to the default; filter values go to the API as they are.
    { search: 'page=0&pageSize=500&sort=newest&cycle=9', expected: { filters: { cycle: '9' }, sort: null, page: 1, pageSize: 25 } },
    { search: 'page=abc&pageSize=-5', expected: { filters: {}, sort: null, page: 1, pageSize: 25 } },
  ])('?$search', ({ search, expected }) => expect(query(search)).toEqual(expected));
});

describe('effectiveSort', () => {
  it.each([
    ['', 'session'],
    ['q=ratif', 'relevance'],
    ['q=ratif&sort=session', 'session'],
    // The API refuses relevance without a text: the page never asks for it.
    ['sort=relevance', 'session'],
    ['sort=state', 'state'],
  ])('?%s → %s', (search, expected) => expect(effectiveSort(query(search))).toBe(expected));
});

describe('uprHref', () => {
  const view = query('q=ratif&state=SVN&cycle=4&response=supported&page=3');

  it('keeps every other parameter when one changes, and starts again at page 1', () => {
    expect(uprHref(view, { filters: { instrument: 'opcat' } })).toBe('/upr?q=ratif&state=SVN&cycle=4&response=supported&instrument=opcat');
    expect(uprHref(view, { filters: { response: null } })).toBe('/upr?q=ratif&state=SVN&cycle=4');
  });

  it('moves between pages without losing the filters', () => {
    expect(uprHref(view, { page: 4 })).toBe('/upr?q=ratif&state=SVN&cycle=4&response=supported&page=4');
    expect(uprHref(view, { page: 1 })).toBe('/upr?q=ratif&state=SVN&cycle=4&response=supported');
    expect(uprHref(view)).toBe('/upr?q=ratif&state=SVN&cycle=4&response=supported&page=3');
  });

  it('writes a chosen sort and a non-default page size, and leaves defaults out', () => {
    const sorted = query('state=FRA&sort=state&pageSize=50');
    expect(uprHref(sorted, { filters: { cycle: '1' } })).toBe('/upr?state=FRA&cycle=1&sort=state&pageSize=50');
    expect(uprHref(sorted, { sort: null })).toBe('/upr?state=FRA&pageSize=50');
    expect(uprHref(query(''))).toBe('/upr');
  });

  it('encodes search text and themes', () => {
    expect(uprHref(query(''), { filters: { q: '"Rome Statute"', theme: "Women's rights" } })).toBe(
      '/upr?q=%22Rome+Statute%22&theme=Women%27s+rights',
    );
  });
});

describe('facets', () => {
  it('a facet link adds the value, or clears it when it is the chosen one', () => {
    const view = query('q=torture&page=2');
    expect(facetHref(view, 'response', 'noted')).toBe('/upr?q=torture&response=noted');
    expect(facetHref(query('q=torture&response=noted'), 'response', 'noted')).toBe('/upr?q=torture');
  });

  it('labels each facet value and keeps natural orders', () => {
    const view = query('instrument=opcat');
    const cycles = facetOptions(
      view,
      'cycle',
      [
        { value: '2', count: 299 },
        { value: '1', count: 402 },
      ],
      labels,
    );
    expect(cycles.map((o) => [o.label, o.count])).toEqual([
      ['1st cycle (2008–2011)', 402],
      ['2nd cycle (2012–2016)', 299],
    ]);
    expect(cycles[0]!.href).toBe('/upr?cycle=1&instrument=opcat');
    const instruments = facetOptions(view, 'instrument', [{ value: 'opcat', count: 978 }], labels);
    expect(instruments).toEqual([{ value: 'opcat', label: 'OPCAT', count: 978, selected: true, href: '/upr' }]);
    const responses = facetOptions(
      query(''),
      'response',
      [
        { value: 'noted', count: 10685 },
        { value: 'supported', count: 31013 },
      ],
      labels,
    );
    expect(responses.map((o) => o.label)).toEqual(['Supported', 'Noted']);
  });

  it('still lists a chosen value that matches nothing, so it can be cleared', () => {
    const options = facetOptions(query('implementation=fully-implemented'), 'implementation', [], labels);
    expect(options).toEqual([{ value: 'fully-implemented', label: 'Fully implemented', count: 0, selected: true, href: '/upr' }]);
  });

  it.each([
    ['response', 'supported', 'Supported'],
    ['response', 'not-recorded', 'Not recorded'],
    ['cycle', '4', '4th cycle (from November 2022)'],
    ['session', '48', '48th session'],
    ['session', '1', '1st session'],
    ['session', '12', '12th session'],
    ['session', '22', '22nd session'],
    ['session', '43', '43rd session'],
    ['instrument', 'rome-statute', 'Rome Statute'],
    ['action', 'ratify-accede', 'ratify or accede'],
    ['action', 'report-to-committee', 'report to the Committee'],
    ['recommendingGroup', 'latin-american-caribbean', 'Latin American and Caribbean Group'],
    ['implementation', 'not-assessed', 'No assessment recorded'],
    ['state', 'SVN', 'Slovenia'],
    ['recommendingState', 'FRA', 'France'],
    ['theme', 'Torture and other CID treatment', 'Torture and other CID treatment'],
    ['stateGroup', 'asia-pacific', 'Asia-Pacific Group'],
    ['stateRegion', '002', 'Africa'],
    ['stateRegion', '999', '999'],
    ['stateLdc', 'true', 'Yes'],
    ['stateSids', 'false', 'No'],
    ['stateCombine', 'any', 'any one is enough (e.g. LDC or SIDS)'],
  ] as const)('%s=%s reads "%s"', (key, value, label) => expect(filterValueLabel(key, value, labels)).toBe(label));

  it('lists the chosen filters with links that remove each', () => {
    expect(activeFilters(query('q=ratif&state=SVN&instrument=opcat'), labels)).toEqual([
      { key: 'q', value: 'ratif', label: 'ratif', removeHref: '/upr?state=SVN&instrument=opcat' },
      { key: 'state', value: 'SVN', label: 'Slovenia', removeHref: '/upr?q=ratif&instrument=opcat' },
      { key: 'instrument', value: 'opcat', label: 'OPCAT', removeHref: '/upr?q=ratif&state=SVN' },
    ]);
  });
});

describe('the groups of the State under review', () => {
  const chosen = 'instrument=rome-statute&action=ratify-accede&stateLdc=true&stateSids=true&stateCombine=any';

  it('are read from the URL, empty form fields left out', () => {
    expect(query(`${chosen}&stateGroup=&stateRegion=`).filters).toEqual({
      instrument: 'rome-statute',
      action: 'ratify-accede',
      stateLdc: 'true',
      stateSids: 'true',
      stateCombine: 'any',
    });
  });

  it('travel to the API, the CSV download and the page links, in the API’s order', () => {
    const q = query(`${chosen}&stateGroup=african&stateRegion=002&page=3`);
    const groups = 'stateGroup=african&stateRegion=002&stateLdc=true&stateSids=true&stateCombine=any';
    expect(toSearch(apiSearchQuery(q, { facets: false }))).toBe(
      `?${groups}&instrument=rome-statute&action=ratify-accede&sort=session&page=3&pageSize=25`,
    );
    expect(downloadHref(q)).toBe(
      `/api/upr/recommendations?${groups}&instrument=rome-statute&action=ratify-accede&sort=session&format=csv&bom=true`,
    );
    expect(uprHref(q, { page: 4 })).toBe(`/upr?${groups}&instrument=rome-statute&action=ratify-accede&page=4`);
  });

  it('show as active filters, each removable on its own', () => {
    const active = activeFilters(query('stateLdc=true&stateSids=true&stateCombine=any'), labels);
    expect(active.map((f) => [f.key, f.label, f.removeHref])).toEqual([
      ['stateLdc', 'Yes', '/upr?stateSids=true&stateCombine=any'],
      ['stateSids', 'Yes', '/upr?stateLdc=true&stateCombine=any'],
      ['stateCombine', 'any one is enough (e.g. LDC or SIDS)', '/upr?stateLdc=true&stateSids=true'],
    ]);
  });
});

describe('API and download links', () => {
  it('asks the API for one page with facets, in the page’s own parameter names', () => {
    expect(toSearch(apiSearchQuery(query('q=ratif&instrument=opcat&page=2')))).toBe(
      '?q=ratif&instrument=opcat&sort=relevance&page=2&pageSize=25&facets=true',
    );
    expect(toSearch(apiSearchQuery(query('state=SVN&session=48'), { facets: false }))).toBe(
      '?state=SVN&session=48&sort=session&page=1&pageSize=25',
    );
  });

  it('downloads the whole filtered set, whatever page is shown, as a CSV that Excel reads as UTF-8', () => {
    expect(downloadHref(query('instrument=opcat&action=ratify-accede&page=7&pageSize=50'))).toBe(
      '/api/upr/recommendations?instrument=opcat&action=ratify-accede&sort=session&format=csv&bom=true',
    );
  });
});

describe('responses', () => {
  it.each([
    [{ response: 'supported', responseAsRecorded: 'Accepted' }, 'Supported (recorded as “Accepted”)'],
    [{ response: 'supported', responseAsRecorded: 'Supported' }, 'Supported'],
    [{ response: 'noted', responseAsRecorded: 'Rejected' }, 'Noted (recorded as “Rejected”)'],
    [{ response: 'noted', responseAsRecorded: null }, 'Noted'],
    [{ response: null, responseAsRecorded: null }, 'Not recorded'],
  ] as const)('%j → %s', (rec, text) => expect(responseText(rec, t)).toBe(text));

  it('counts responses in reading order, without zeros', () => {
    // Slovenia, 48th session (A/HRC/59/15/Add.1).
    expect(responseCounts({ noted: 37, supported: 217 })).toEqual([
      { response: 'supported', count: 217 },
      { response: 'noted', count: 37 },
    ]);
    expect(responseCounts({ 'not-recorded': 3, split: 0, supported: 1 })).toEqual([
      { response: 'supported', count: 1 },
      { response: 'not-recorded', count: 3 },
    ]);
  });
});

describe('ordinal', () => {
  it.each([
    [1, '1st'],
    [2, '2nd'],
    [3, '3rd'],
    [4, '4th'],
    [11, '11th'],
    [13, '13th'],
    [21, '21st'],
    [52, '52nd'],
  ])('%i → %s', (n, text) => expect(ordinal(t, n)).toBe(text));
});

describe('coverage of the bundled data', () => {
  it('groups session numbers into ranges', () => {
    expect(toRanges([21, 22, 23, 24, 25, 26])).toEqual([{ from: 21, to: 26 }]);
    expect(rangesText(toRanges([35, 27, 28, 29, 30, 31, 32, 33, 36, 37, 38, 39, 40]))).toBe('27–33, 35–40');
    expect(rangesText(toRanges([48]))).toBe('48');
    expect(toRanges([])).toEqual([]);
  });

  // Real counts from the calendar of the bundled data (GET /api/upr/calendar), cut to a few sessions.
  const review = (stateIso3: string, name: string, recommendationsRecorded: number) => ({ stateIso3, name, recommendationsRecorded });
  const sessions = [
    {
      session: 12,
      cycle: 1,
      year: 2011,
      recommendationsRecorded: 369,
      reviews: [review('ATG', 'Antigua and Barbuda', 90), review('SWZ', 'Eswatini', 143), review('HTI', 'Haiti', 136)],
    },
    {
      session: 13,
      cycle: 2,
      year: 2012,
      recommendationsRecorded: 346,
      reviews: [review('DZA', 'Algeria', 170), review('BHR', 'Bahrain', 176)],
    },
    {
      session: 20,
      cycle: 2,
      year: 2014,
      recommendationsRecorded: 419,
      reviews: [review('AGO', 'Angola', 226), review('BOL', 'Bolivia (Plurinational State of)', 193)],
    },
    { session: 21, cycle: 2, year: 2015, recommendationsRecorded: 0, reviews: [] },
    { session: 22, cycle: 2, year: 2015, recommendationsRecorded: 0, reviews: [] },
    { session: 33, cycle: 3, year: 2019, recommendationsRecorded: 0, reviews: [] },
    { session: 34, cycle: 3, year: 2019, recommendationsRecorded: 215, reviews: [review('SVN', 'Slovenia', 215)] },
    { session: 35, cycle: 3, year: 2020, recommendationsRecorded: 0, reviews: [] },
    { session: 47, cycle: 4, year: 2024, recommendationsRecorded: 0, reviews: [review('ALB', 'Albania', 0)] },
    {
      session: 48,
      cycle: 4,
      year: 2025,
      recommendationsRecorded: 254,
      reviews: [review('SLV', 'El Salvador', 0), review('ITA', 'Italy', 0), review('SVN', 'Slovenia', 254)],
    },
  ];

  it('says, per cycle, which sessions hold recommendations and which do not', () => {
    expect(summariseCoverage(sessions)).toEqual([
      {
        cycle: 1,
        firstSession: 12,
        lastSession: 12,
        firstYear: 2011,
        lastYear: 2011,
        recommendations: 369,
        reviews: 3,
        fewStates: ['Antigua and Barbuda', 'Eswatini', 'Haiti'],
        sessionsWithData: [{ from: 12, to: 12 }],
        sessionsWithout: [],
        sessionsOnCalendar: [{ from: 12, to: 12 }],
        sessionNotes: [],
      },
      {
        cycle: 2,
        firstSession: 13,
        lastSession: 22,
        firstYear: 2012,
        lastYear: 2015,
        recommendations: 765,
        reviews: 4,
        fewStates: null,
        sessionsWithData: [
          { from: 13, to: 13 },
          { from: 20, to: 20 },
        ],
        sessionsWithout: [{ from: 21, to: 22 }],
        sessionsOnCalendar: [
          { from: 13, to: 13 },
          { from: 20, to: 20 },
        ],
        sessionNotes: [],
      },
      {
        cycle: 3,
        firstSession: 33,
        lastSession: 35,
        firstYear: 2019,
        lastYear: 2020,
        recommendations: 215,
        reviews: 1,
        fewStates: ['Slovenia'],
        sessionsWithData: [{ from: 34, to: 34 }],
        sessionsWithout: [
          { from: 33, to: 33 },
          { from: 35, to: 35 },
        ],
        sessionsOnCalendar: [{ from: 34, to: 34 }],
        sessionNotes: [],
      },
      {
        // The 4th-cycle calendar is in the data, but of the 48th session only Slovenia's recommendations are.
        cycle: 4,
        firstSession: 47,
        lastSession: 48,
        firstYear: 2024,
        lastYear: 2025,
        recommendations: 254,
        reviews: 1,
        fewStates: ['Slovenia'],
        sessionsWithData: [{ from: 48, to: 48 }],
        sessionsWithout: [{ from: 47, to: 47 }],
        sessionsOnCalendar: [{ from: 47, to: 48 }],
        sessionNotes: [],
      },
    ]);
  });

  it('passes on the note of a session the data holds only in part (the 26th, from the calendar of the bundled data)', () => {
    const note = 'Recommendations of 11 of the 14 States reviewed in this session are in the data (Haiti, Iceland, …)';
    const partial = [
      { session: 25, cycle: 2, year: 2016, recommendationsRecorded: 2_944, reviews: [review('AGO', 'Angola', 0)], note: null },
      { session: 26, cycle: 2, year: 2016, recommendationsRecorded: 2_461, reviews: [review('HTI', 'Haiti', 214)], note },
    ];
    expect(summariseCoverage(partial)[0]!.sessionNotes).toEqual([{ session: 26, note }]);
  });

  it('is empty for an empty calendar', () => expect(summariseCoverage([])).toEqual([]));
});

describe('selectReview', () => {
  // Slovenia's reviews in the bundled data.
  const reviews = [
    { id: 'SVN-34', cycle: 3, session: 34, recommendations: { total: 215 } },
    { id: 'SVN-7', cycle: 1, session: 7, recommendations: { total: 106 } },
    { id: 'SVN-48', cycle: 4, session: 48, recommendations: { total: 254 } },
    { id: 'SVN-20', cycle: 2, session: 20, recommendations: { total: 343 } },
  ];

  it.each([
    [null, 'SVN-48'],
    ['4', 'SVN-48'],
    ['1', 'SVN-7'],
    ['3', 'SVN-34'],
    ['5', null],
  ])('?cycle=%s → %s', (cycle, id) => expect(selectReview(reviews, cycle)?.id ?? null).toBe(id));

  it('by default skips a scheduled review that has no recommendations yet', () => {
    const withScheduled = [...reviews, { id: 'SVN-62', cycle: 5, session: 62, recommendations: { total: 0 } }];
    expect(selectReview(withScheduled, null)?.id).toBe('SVN-48');
    expect(selectReview([], null)).toBeNull();
  });
});

describe('sourcesAsOf', () => {
  it('is the latest as-of date of the sources a review cites, or null when none gives one', () => {
    const source = (id: string, asOf: string | null) => ({ id, title: id, url: null, asOf });
    expect(sourcesAsOf({ sources: [source('upr-calendar', '2026-03-01'), source('upr-info', '2015-06-30')] })).toBe('2026-03-01');
    expect(sourcesAsOf({ sources: [source('a', null)] })).toBeNull();
    expect(sourcesAsOf({ sources: [] })).toBeNull();
  });
});
