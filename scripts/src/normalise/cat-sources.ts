/**
 * Sources cited by the CAT reporting seed files (data/raw/cat-reporting/). Included in the
 * registry of sources.ts. Each URL is exactly as it appears in a `source_url` column; titles
 * describe the page from its address and from the notes in the raw files, nothing more. Dates:
 * `asOf` is set only where the source gives a day (an annual report's period end); the month a
 * page was published, when its address shows it, is in the note.
 */
import type { SourceRecord } from './schemas.js';
import { sourceRecord } from './source-record.js';

export interface CatSourceDefinition extends SourceRecord {
  /** URLs exactly as they appear in `source_url` columns. */
  urls?: string[];
}

const HISTORY_FILE = 'data/raw/cat-reporting/cat_state-reporting-history_sample-17-states.csv';
const SESSIONS_FILE = 'data/raw/cat-reporting/cat_sessions_state-reviews_53-84_2014-2026.csv';
const LISTS_FILE = 'data/raw/cat-reporting/cat_follow-up-overdue-lists_sessions77-83_2023-2025.csv';
const ANNUAL_FILE = 'data/raw/cat-reporting/cat_annual-report-summaries_A-70-44_to_A-80-44.csv';

const cat = (d: Pick<CatSourceDefinition, 'id' | 'title'> & Partial<CatSourceDefinition>): CatSourceDefinition => ({
  ...sourceRecord<CatSourceDefinition>(d),
  urls: d.urls ?? (d.url ? [d.url] : undefined),
});

/** An annual report of the Committee to the General Assembly, as a stored copy of its summary. */
const annual = (symbol: string, sessions: string, periodEnd: string, url: string, copy: string) =>
  cat({
    id: `cat-annual-report-${symbol.toLowerCase().replace(/\//g, '-').replace(/^-/, '')}`,
    title: `Report of the Committee against Torture to the General Assembly, ${symbol} (${sessions} sessions)`,
    publisher: `United Nations, Committee against Torture (${copy})`,
    url,
    asOf: periodEnd,
    rawFile: ANNUAL_FILE,
    note: `Only the summary at the start of the report was available, not the chapter naming the States with overdue reports. asOf is the end of the period the report covers. Also cited by ${SESSIONS_FILE} for the States reviewed.`,
  });

export const CAT_SOURCE_DEFINITIONS: CatSourceDefinition[] = [
  // --- the report-by-report history -----------------------------------------------------------
  cat({
    id: 'cat-reporting-history-17-states',
    title: 'Report-by-report CAT reporting history of 17 States, compiled from the documents named in each row',
    publisher: null,
    rawFile: HISTORY_FILE,
    note:
      'Compiled for this project from stored copies of UN documents (reports, lists of issues, concluding observations, annual reports) and UN Geneva / OMCT meeting summaries; each record keeps the documents of its row. ' +
      'The compilers give "Apr 2026" as the as-of month; the latest date the file records is 2026-04-22. Older rounds (before about 2007) are mostly missing; next-report due dates are missing for all States.',
  }),

  // --- annual reports (also sources of the sessions list) ---------------------------------------
  annual(
    'A/70/44',
    '53rd-54th',
    '2015-05-15',
    'https://humanrightsvoices.org/assets/attachments/documents-txt/2015.report.com.against.torture.pdf.txt',
    'text copy on humanrightsvoices.org',
  ),
  annual(
    'A/71/44',
    '55th-57th',
    '2016-05-13',
    'https://docstore.ohchr.org/SelfServices/FilesHandler.ashx?enc=dtYoAzPhJ4NMy4Lu1TOebG0swO%2fpbgJKqsRHAqE5MjCImKwZcTc0GhgaD1feI6J5DiSj6U57Wvu7CFKTjRg021a%2f97Q6HW%2f2AZTV%2fd076%2bI%3d',
    'OHCHR docstore',
  ),
  annual(
    'A/72/44',
    '58th-60th',
    '2017-05-12',
    'http://docstore.ohchr.org/SelfServices/FilesHandler.ashx?enc=dtYoAzPhJ4NMy4Lu1TOebJtOzHl9Ya%20xza%20E%20vtPfEMjvoay0x2iV30x2zj4TLGEMjRXVex9Q%2FNhnR3%2FZHIww27bw4ZF3htxFLucJ9b7NxE%3D',
    'OHCHR docstore',
  ),
  annual(
    'A/74/44',
    '64th-66th',
    '2019-05-17',
    'https://docstore.ohchr.org/SelfServices/FilesHandler.ashx?enc=dtYoAzPhJ4NMy4Lu1TOebDkN8S9icsiqP%2FkH6NhyTHMWP%2FdnUFflDViy8o9gD9jLzFLtLplmukZ9%2Bh6JFY1gskJVywqNyDwdnCHtQDGuTPo%3D',
    'OHCHR docstore',
  ),
  annual(
    'A/75/44',
    '67th-68th',
    '2020-05-15',
    'https://docstore.ohchr.org/SelfServices/FilesHandler.ashx?enc=dtYoAzPhJ4NMy4Lu1TOebIlP%2b%2bO8i7q18R90Kj3kKwvQ2%2b7OuMHy3fnkLgUV0q%2bm4F6hg5dQeyo9lFJmQENgakhvd2WvtXnX7WbvQ4fyHF0%3d',
    'OHCHR docstore',
  ),
  annual(
    'A/79/44',
    '77th-79th',
    '2024-05-10',
    'https://docstore.ohchr.org/SelfServices/FilesHandler.ashx?enc=XHo4nG0zCsEVyP5S0kniPdLMNbcqX%2Fw%2BIk%2BbQRWTJOk8Qn6XGUFgzfUSl%2Fp7c1YRYVp8kl4fbNReLlNn4LgojQ%3D%3D',
    'OHCHR docstore',
  ),
  cat({
    id: 'ungeneva-2025-05-cat-82nd-session-closes',
    title: 'UN Geneva meeting summary: the Committee against Torture concludes its eighty-second session',
    publisher: 'United Nations Office at Geneva',
    url: 'https://www.ungeneva.org/en/news-media/meeting-summary/2025/05/committee-against-torture-concludes-eighty-second-session',
    rawFile: SESSIONS_FILE,
    note: 'Published May 2025 (from the address); the session ended on 2 May 2025. Gives the 81st session dates and the States reviewed at the 82nd. Stands in for the annual report A/80/44, whose summary was not found: only its period and the States reviewed are known.',
  }),

  // --- sessions list: press releases, meeting summaries, NGO bulletins ---------------------------
  cat({
    id: 'ohchr-news-21963-cat-61st-session',
    title: 'OHCHR news release (NewsID 21963) on the 61st session of the Committee against Torture',
    publisher: 'Office of the United Nations High Commissioner for Human Rights',
    url: 'https://www.ohchr.org/EN/NewsEvents/Pages/DisplayNews.aspx?NewsID=21963&LangID=E',
    rawFile: SESSIONS_FILE,
    note: 'The session ended on 11 August 2017.',
  }),
  cat({
    id: 'ohchr-2017-11-cat-62nd-session-opens',
    title:
      'OHCHR press release: "Committee against Torture holds sixty-second session in Geneva, 6 November - 6 …" (title shortened in the address)',
    publisher: 'Office of the United Nations High Commissioner for Human Rights (stored copy from a test mirror of ohchr.org)',
    url: 'https://web.test.ohchr.un-icc.cloud/en/press-releases/2017/11/committee-against-torture-holds-sixty-second-session-geneva-6-november-6',
    rawFile: SESSIONS_FILE,
    note: 'Published November 2017 (from the address).',
  }),
  cat({
    id: 'ungeneva-2017-12-cat-62nd-session-closes',
    title: 'UN Geneva press release: the Committee against Torture concludes its sixty-second session',
    publisher: 'United Nations Office at Geneva',
    url: 'https://www.ungeneva.org/en/news-media/press-release/2017/12/committee-against-torture-concludes-sixty-second-session',
    rawFile: SESSIONS_FILE,
    note: 'Published December 2017 (from the address). Source of the lists of issues adopted at the 62nd session.',
  }),
  cat({
    id: 'scoop-2017-12-cat-63rd-session-announcement',
    title: 'Announcement of the States to be reviewed at the 63rd session of the Committee against Torture, republished by Scoop',
    publisher: 'Scoop (New Zealand), republishing a United Nations release',
    url: 'http://www.scoop.co.nz/stories/WO201712/S00080.htm',
    rawFile: SESSIONS_FILE,
    note: 'Published December 2017 (from the address). An announcement, not a record of the session.',
  }),
  cat({
    id: 'ungeneva-2018-08-cat-64th-session-closes',
    title: 'UN Geneva press release: the Committee against Torture concludes its sixty-fourth session',
    publisher: 'United Nations Office at Geneva',
    url: 'https://ungeneva.org/en/news-media/press-release/2018/08/committee-against-torture-concludes-sixty-fourth-session',
    rawFile: SESSIONS_FILE,
    note: 'Published August 2018 (from the address).',
  }),
  cat({
    id: 'ohchr-2018-12-cat-65th-session-closes',
    title: 'OHCHR press release: the Committee against Torture closes its sixty-fifth session',
    publisher: 'Office of the United Nations High Commissioner for Human Rights (stored copy from a test mirror of ohchr.org)',
    url: 'https://web.test.ohchr.un-icc.cloud/en/press-releases/2018/12/committee-against-torture-closes-sixty-fifth-session',
    rawFile: SESSIONS_FILE,
    note: 'Published December 2018 (from the address).',
  }),
  cat({
    id: 'scoop-2021-11-cat-72nd-session-preview',
    title: 'UN Committee against Torture to review Sweden, Kyrgyzstan, Nigeria, Lithuania, Serbia and Bolivia, republished by Scoop',
    publisher: 'Scoop (New Zealand), republishing a United Nations release',
    url: 'https://www.scoop.co.nz/stories/WO2111/S00076/un-committee-against-torture-to-review-sweden-kyrgyzstan-nigeria-lithuania-serbia-and-bolivia.htm',
    rawFile: SESSIONS_FILE,
    note: 'Published November 2021 (from the address).',
  }),
  cat({
    id: 'omct-e-bulletin-2021-72nd-session',
    title: 'OMCT e-bulletin November-December 2021: 72nd session of the Committee against Torture',
    publisher: 'World Organisation Against Torture (OMCT)',
    url: 'https://www.omct.org/en/resources/reports/omct-e-bulletin-november-december-2021-72nd-session-of-the-committee-against-torture',
    rawFile: SESSIONS_FILE,
  }),
  cat({
    id: 'ohchr-2022-04-cat-73rd-session-preview',
    title:
      'OHCHR press release: "UN Committee against Torture to review Iceland, Cuba, Iraq, Montenegro, Kenya and …" (title shortened in the address; 73rd session)',
    publisher: 'Office of the United Nations High Commissioner for Human Rights',
    url: 'https://www.ohchr.org/en/press-releases/2022/04/un-committee-against-torture-review-iceland-cuba-iraq-montenegro-kenya-and',
    rawFile: SESSIONS_FILE,
    note: 'Published April 2022 (from the address).',
  }),
  cat({
    id: 'ungeneva-2022-07-cat-74th-session-closes',
    title:
      'UN Geneva meeting summary (Spanish page): "Committee against Torture closes seventy-fourth session after …" (title shortened in the address)',
    publisher: 'United Nations Office at Geneva',
    url: 'https://www.ungeneva.org/es/news-media/meeting-summary/2022/07/committee-against-torture-closes-seventy-fourth-session-after',
    rawFile: SESSIONS_FILE,
    note: 'Published July 2022 (from the address).',
  }),
  cat({
    id: 'omct-e-bulletin-75th-session',
    title: 'OMCT e-bulletin: 75th session of the Committee against Torture',
    publisher: 'World Organisation Against Torture (OMCT)',
    url: 'https://www.omct.org/en/resources/reports/omct-e-bulletin-75th-session-of-the-committee-against-torture',
    rawFile: SESSIONS_FILE,
    note: 'Cited for the 74th, 75th and 76th sessions.',
  }),
  cat({
    id: 'national-tribune-cat-75th-session-opens',
    title: 'Committee against Torture opens seventy-fifth session in Geneva (republished OHCHR meeting summary)',
    publisher: 'The National Tribune (Australia), republishing an OHCHR meeting summary',
    url: 'https://www.nationaltribune.com.au/committee-against-torture-opens-seventy-fifth-session-in-geneva/',
    rawFile: SESSIONS_FILE,
  }),
  cat({
    id: 'ohchr-2023-11-cat-78th-session-closes',
    title:
      'OHCHR news: "Committee against Torture concludes seventy-eighth session after adopting concluding …" (title shortened in the address)',
    publisher: 'Office of the United Nations High Commissioner for Human Rights',
    url: 'https://www.ohchr.org/en/news/2023/11/committee-against-torture-concludes-seventy-eighth-session-after-adopting-concluding',
    rawFile: SESSIONS_FILE,
    note: 'Published November 2023 (from the address).',
  }),
  cat({
    id: 'omct-e-bulletin-79th-session',
    title: 'OMCT e-bulletin: 79th session of the Committee against Torture',
    publisher: 'World Organisation Against Torture (OMCT)',
    url: 'https://omct.org/en/resources/news/omct-e-bulletin-79th-session-of-the-committee-against-torture',
    rawFile: SESSIONS_FILE,
    note: 'Cited in the sessions list for the States reviewed at the 80th session.',
  }),
  cat({
    id: 'ungeneva-2025-11-cat-83rd-session-opens',
    title:
      'UN Geneva meeting summary (in French): "Le Comité contre la torture ouvre les travaux de sa 83ème …" (title shortened in the address)',
    publisher: 'United Nations Office at Geneva',
    url: 'https://www.ungeneva.org/en/news-media/meeting-summary/2025/11/le-comite-contre-la-torture-ouvre-les-travaux-de-sa-83eme',
    rawFile: SESSIONS_FILE,
    note: 'Published November 2025 (from the address).',
  }),
  cat({
    id: 'ohchr-tbinternet-cat-session-84',
    title: 'OHCHR treaty body database: session page of the 84th session of the Committee against Torture (13 April - 1 May 2026)',
    publisher: 'Office of the United Nations High Commissioner for Human Rights',
    url: 'https://tbinternet.ohchr.org/_layouts/15/treatybodyexternal/SessionDetails1.aspx?Lang=en&SessionID=2910',
    rawFile: SESSIONS_FILE,
    note: 'Only the first State on the stored page (Gabon) could be read.',
  }),

  // --- the Committee's lists of States late with follow-up information --------------------------
  cat({
    id: 'national-tribune-cat-follow-up-2023-07',
    title:
      'Committee against Torture adopts reports on follow-up to concluding observations, individual communications and reprisals (republished OHCHR meeting summary, 77th session)',
    publisher: 'The National Tribune (Australia), republishing an OHCHR meeting summary',
    url: 'https://www.nationaltribune.com.au/committee-against-torture-adopts-reports-on-follow-up-to-concluding-observations-individual-communications-and-reprisals/',
    rawFile: LISTS_FILE,
    note: 'Undated on the republishing site; the compilers place it at the 77th session (July 2023) from its text ("since the last progress report ... during the seventy-sixth session").',
  }),
  cat({
    id: 'ungeneva-2023-11-cat-follow-up',
    title:
      'UN Geneva meeting summary (in French): "Le Comité contre la torture se penche sur le suivi de ses …" (title shortened in the address; 78th session)',
    publisher: 'United Nations Office at Geneva',
    url: 'https://ungeneva.org/en/news-media/meeting-summary/2023/11/le-comite-contre-la-torture-se-penche-sur-le-suivi-de-ses',
    rawFile: LISTS_FILE,
    note: 'Published November 2023 (from the address).',
  }),
  cat({
    id: 'mirage-news-cat-follow-up-2024-07',
    title: 'UN Torture Committee Adopts Follow-Up Reports (republished OHCHR meeting summary, 80th session)',
    publisher: 'Mirage News, republishing an OHCHR meeting summary',
    url: 'https://miragenews.com/un-torture-committee-adopts-follow-up-reports-1281498',
    rawFile: LISTS_FILE,
    note: 'Undated on the republishing site; the compilers place it at the 80th session (July 2024): it mentions communications "since May 2024" and was published before the 81st session opened.',
  }),
  cat({
    id: 'mirage-news-cat-follow-up-2024-11',
    title: '"UN torture panel reviews reports on …" (title shortened in the address; republished OHCHR meeting summary, 81st session)',
    publisher: 'Mirage News, republishing an OHCHR meeting summary',
    url: 'https://miragenews.com/un-torture-panel-reviews-reports-on-1359782',
    rawFile: LISTS_FILE,
    note: 'A devdiscourse article of 2024-11-19 on the same meeting says "21 countries" although this summary names 22.',
  }),
  cat({
    id: 'ungeneva-2025-04-cat-follow-up',
    title:
      'UN Geneva meeting summary (in French): "Le Comité contre la torture se penche sur le suivi des articles …" (title shortened in the address; 82nd session)',
    publisher: 'United Nations Office at Geneva',
    url: 'https://ungeneva.org/en/news-media/meeting-summary/2025/04/le-comite-contre-la-torture-se-penche-sur-le-suivi-des-articles',
    rawFile: LISTS_FILE,
    note: 'Published April 2025 (from the address).',
  }),
  cat({
    id: 'ungeneva-2025-11-cat-follow-up',
    title:
      'UN Geneva meeting summary on the follow-up reports adopted by the Committee against Torture at its 83rd session (address: …/committee-against-torture-adopts-reports-follow-concluding)',
    publisher: 'United Nations Office at Geneva',
    url: 'https://www.ungeneva.org/en/news-media/meeting-summary/2025/11/committee-against-torture-adopts-reports-follow-concluding',
    rawFile: LISTS_FILE,
    note: 'Published November 2025 (from the address).',
  }),
];
