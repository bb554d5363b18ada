/**
 * Sources cited by the UPR seed files (data/raw/upr/). Included in the registry of
 * scripts/src/normalise/sources.ts. One record per raw file that facts cite, so that a record's
 * `sourceId` plus `sourceLine` always points at one line of one bundled file. Everything here is
 * from the provenance notes that came with the files (data/README.md, raw/upr/).
 */
import type { SourceRecord } from '../normalise/schemas.js';
import { sourceRecord } from '../normalise/source-record.js';

const RAW = 'data/raw/upr/';
const TERMAN_REPO = 'https://github.com/rochelleterman/uprs';
const TERMAN_CSV_COMMIT = '72c9f8ef2927a41c3f51c9529aa77ecdc48eae5b';
const TERMAN_SESSIONS_COMMIT = '3dd6b2f362672bfd7912c5b295f70652dd14fbc6';
const CEHDI_REPO = 'https://github.com/CeHDI-Foundation/UPR_Maternal-Health_Public';

const upr = sourceRecord<SourceRecord>;

const UPR_INFO_NOTE =
  'The UPR Info database export (sheet "UPR Info database export", produced 14 Aug 2015) as downloaded by a researcher, who renamed the headers; ' +
  `the file last changed in commit ${TERMAN_CSV_COMMIT.slice(0, 7)} (2015-09-12). Bundled with CR line endings made LF and Mac Roman text re-encoded as UTF-8; no other change. ` +
  'No WG report symbols, paragraph numbers, dates or SDGs.';

/** The UPR Info export, one source per bundled file: [id suffix, sessions, file in the repository, bundled file]. */
const UPR_INFO_FILES = [
  ['01-05', '1-5', '1-5.csv', 'upr-info-export_2015_sessions-01-05.csv'],
  ['06-09', '6-9', '6-9.csv', 'upr-info-export_2015_sessions-06-09.csv'],
  ['10-13', '10-13', '10-13.csv', 'upr-info-export_2015_sessions-10-13.csv'],
  ['14-17', '14-17', '14-17.csv', 'upr-info-export_2015_sessions-14-17.csv'],
  ['18-20', '18-20', '17-20.csv', 'upr-info-export_2015_sessions-18-20.csv'],
] as const;

export const UPR_INFO_RECOMMENDATION_SOURCES = UPR_INFO_FILES.map(([suffix, sessions, repoFile, rawFile]) => ({
  id: `upr-info-export-2015-sessions-${suffix}`,
  rawFile: `${RAW}${rawFile}`,
  definition: upr({
    id: `upr-info-export-2015-sessions-${suffix}`,
    title: `UPR Info database export of 14 August 2015: recommendations and responses, UPR sessions ${sessions}`,
    publisher: 'UPR Info, via GitHub rochelleterman/uprs',
    url: `${TERMAN_REPO}/blob/${TERMAN_CSV_COMMIT}/v.2/Data/CSVs/${repoFile}`,
    asOf: '2015-08-14',
    rawFile: `${RAW}${rawFile}`,
    note: repoFile === '17-20.csv' ? `${UPR_INFO_NOTE} Despite its name, 17-20.csv holds sessions 18-20.` : UPR_INFO_NOTE,
  }),
}));

const DATA_STUDIO_REPO = 'https://github.com/maxarvid/data-studio';
const DATA_STUDIO_COMMIT = 'a7c2885622d83bc5c31fc131a1cc2c06aa375d98';

const UPR_INFO_2018_NOTE =
  "UPR Info's own CSV export of its database (the file names carry the export time, 25 July 2018), in a researcher's repository " +
  `(folder code/03_UPR/data/, commit ${DATA_STUDIO_COMMIT.slice(0, 7)} of 2018-08-23; no licence stated there, so UPR Info's terms apply). ` +
  'Bundled byte for byte: semicolon-separated, UTF-8 with a byte order mark, original headers, Response "Supported" or "Noted". ' +
  'No WG report symbols, paragraph numbers, dates or SDGs. The seed takes sessions 21-27 from it; sessions 1-20 come from the 2015 export (data/README.md).';

/**
 * The UPR Info export of 2018, one source per bundled file: [sessions in the file, the file's name
 * in the repository]. Bundled as upr-info-export_2018_sessions-<first>-<last>.csv.
 */
const UPR_INFO_2018_FILES = [
  [1, 6, '01-06-UPR-INFO-DATABASE-EXPORT-2018_07_25-20_19_03.csv'],
  [7, 10, '07-10-UPR-INFO-DATABASE-EXPORT-2018_07_25-20_20_28.csv'],
  [11, 14, '11-14-UPR-INFO-DATABASE-EXPORT-2018_07_25-20_22_08.csv'],
  [15, 18, '15-18-UPR-INFO-DATABASE-EXPORT-2018_07_25-20_22_51.csv'],
  [19, 21, '19-21-UPR-INFO-DATABASE-EXPORT-2018_07_25-20_23_33.csv'],
  [22, 24, '22-24-UPR-INFO-DATABASE-EXPORT-2018_07_25-20_24_15.csv'],
  [25, 27, '25-27-UPR-INFO-DATABASE-EXPORT-2018_07_25-20_24_58.csv'],
] as const;

const twoDigits = (n: number) => String(n).padStart(2, '0');

/**
 * Sessions the 2018 export holds only in part, with how many States the session reviewed, as the
 * notes that came with the export say (data/README.md, raw/upr/): the normaliser writes the gap
 * into the session's note, which the dashboard's coverage shows.
 */
export const UPR_INFO_2018_PARTIAL_SESSIONS: ReadonlyMap<number, { statesReviewed: number }> = new Map([[26, { statesReviewed: 14 }]]);

export const UPR_INFO_2018_SOURCES = UPR_INFO_2018_FILES.map(([first, last, repoFile]) => {
  const suffix = `${twoDigits(first)}-${twoDigits(last)}`;
  const rawFile = `${RAW}upr-info-export_2018_sessions-${suffix}.csv`;
  return {
    id: `upr-info-export-2018-sessions-${suffix}`,
    rawFile,
    firstSession: first,
    lastSession: last,
    definition: upr({
      id: `upr-info-export-2018-sessions-${suffix}`,
      title: `UPR Info database export of 25 July 2018: recommendations and responses, UPR sessions ${first}-${last}`,
      publisher: 'UPR Info, via GitHub maxarvid/data-studio',
      url: `${DATA_STUDIO_REPO}/blob/${DATA_STUDIO_COMMIT}/code/03_UPR/data/${repoFile}`,
      asOf: '2018-07-25',
      rawFile,
      note: `${UPR_INFO_2018_NOTE} File name in the repository: ${repoFile}.`,
    }),
  };
});

export const UPR_SOURCE_IDS = {
  pledges: 'upr-info-export-2015-voluntary-pledges',
  sloveniaThematicLists: 'ohchr-thematic-lists-slovenia-sessions-20-34-48',
  calendar: 'upr-calendar-cycle-4-compiled-2026-11-22',
  sessionYears: 'cehdi-upr-session-years-2026-05-28',
  sessionByState: 'rochelleterman-upr-sessions-by-state-2015',
  reviewYears: 'rochelleterman-upr-review-years-2015',
} as const;

export const UPR_SOURCE_DEFINITIONS: SourceRecord[] = [
  ...UPR_INFO_RECOMMENDATION_SOURCES.map((s) => s.definition),
  ...UPR_INFO_2018_SOURCES.map((s) => s.definition),
  upr({
    id: UPR_SOURCE_IDS.pledges,
    title: 'UPR Info database export of 14 August 2015: voluntary pledges of States under review, sessions 1-19',
    publisher: 'UPR Info, via GitHub rochelleterman/uprs',
    url: `${TERMAN_REPO}/blob/${TERMAN_CSV_COMMIT}/v.2/Data/CSVs/voluntary.csv`,
    asOf: '2015-08-14',
    rawFile: `${RAW}upr-info-export_2015_voluntary-pledges_sessions-01-19.csv`,
    note: `${UPR_INFO_NOTE} The Response column reads "Voluntary Pledge" and the recommending State is the State under review itself.`,
  }),
  upr({
    id: UPR_SOURCE_IDS.sloveniaThematicLists,
    title:
      'OHCHR thematic lists of recommendations for Slovenia, 20th, 34th and 48th sessions (WG reports A/HRC/28/15, A/HRC/43/15, A/HRC/59/15), one row per recommendation',
    publisher: 'OHCHR, via GitHub Tony33344/slovenia-human-rights-tracker',
    url: 'https://github.com/Tony33344/slovenia-human-rights-tracker',
    rawFile: `${RAW}slovenia_upr-recommendations_cycles2-4_ohchr-thematic-lists.csv`,
    note:
      'Parsed by the dataset compilers from text conversions of the OHCHR Word documents (docs/cycle2, cycle3, cycle4/Thematic_List_of_Recommendations.md, ' +
      'commit c127087799e8aaa2b5d8f601eafa931f86dff181 of 2025-12-06), which are bundled unchanged beside it. The lists date from 2015, 2020 and 2025 (no day given). ' +
      '163, 215 and 254 recommendations; the repository headings state wrong totals.',
  }),
  upr({
    id: UPR_SOURCE_IDS.calendar,
    title: 'UPR fourth-cycle calendar, sessions 41-54: States under review, session and review dates, status (compiled)',
    publisher: null,
    asOf: '2026-11-22',
    rawFile: `${RAW}upr_calendar_cycle4_sessions41-54.csv`,
    note:
      'Compiled for this project from copies of OHCHR press releases (sessions 41, 44, 46, 48), UPR Info session highlights (42, 43, 45, 47, 49), ' +
      'Australian DFAT statement pages (review days, 48-51), news reports on the United States (50) and a research group planning file ' +
      '(GitHub CeHDI-Foundation/UPR_Maternal-Health_Public, data/timeline_dates.xlsx, commit 952cd7e5c92d6f9d3b21c50ed8d69d5c317992d0) for 52-54. ' +
      'Each row names its own sources; the reviews keep them in their note. The OHCHR calendar document itself was not found; sessions 52-54 are plans, not records.',
  }),
  upr({
    id: UPR_SOURCE_IDS.sessionYears,
    title: 'UPR Working Group session to calendar year, sessions 1-53 (data/upr_sessions.csv)',
    publisher: 'CeHDI Foundation, GitHub CeHDI-Foundation/UPR_Maternal-Health_Public',
    url: `${CEHDI_REPO}/blob/377104b6a16fa30a15715d4b7bc20e138456f9bd/data/upr_sessions.csv`,
    asOf: '2026-05-28',
    rawFile: `${RAW}upr_session-year-lookup_sessions01-53.csv`,
    note: 'Copied unchanged; asOf is the date of commit 377104b, which last changed the file.',
  }),
  upr({
    id: UPR_SOURCE_IDS.sessionByState,
    title: 'State under review by UPR Working Group session, sessions 1-20 (2008-2014), rochelleterman/uprs sessions.csv',
    publisher: 'GitHub rochelleterman/uprs',
    url: `${TERMAN_REPO}/blob/${TERMAN_SESSIONS_COMMIT}/sessions.csv`,
    asOf: '2015-08-16',
    rawFile: `${RAW}upr_session-by-state_sessions01-20_2008-2014.csv`,
    note: 'Copied unchanged; asOf is the date of commit 3dd6b2f, which last changed the file.',
  }),
  upr({
    id: UPR_SOURCE_IDS.reviewYears,
    title: 'Year of the first and second UPR review and of their WG reports, per State, rochelleterman/uprs upr-years.csv',
    publisher: 'GitHub rochelleterman/uprs',
    url: `${TERMAN_REPO}/blob/${TERMAN_SESSIONS_COMMIT}/upr-years.csv`,
    asOf: '2015-08-16',
    rawFile: `${RAW}upr_review-years_cycles1-2_by-state.csv`,
    note: 'CR line endings made LF; "." marks a missing year. Used only to cross-check the session years.',
  }),
];
