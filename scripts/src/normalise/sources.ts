/**
 * The registry of sources that facts in data/seed/ cite. Every value here is taken from the
 * bundled source files (their `source`, `source_url` and `as_of` columns) or from the provenance
 * notes that came with them; data/README.md says which file each one describes.
 *
 * Rows in the raw files name their source in free text. `findSource` maps such a row to an id:
 * first by exact URL, then by a pattern on the text. A row that matches nothing is an error,
 * so a new source is always registered here on purpose.
 */
import type { InstrumentId } from '@tracker/api/domain';
import type { SourceRecord } from './schemas.js';
import { CAT_SOURCE_DEFINITIONS } from './cat-sources.js';
import { sourceRecord } from './source-record.js';
import { UPR_SOURCE_DEFINITIONS } from '../upr/sources.js';

interface SourceDefinition extends SourceRecord {
  /** URLs exactly as they appear in `source_url` columns. */
  urls?: string[];
  /** Patterns on the free-text `source` column, for rows without a URL. */
  text?: RegExp[];
  /** Limits a text pattern to rows about these instruments (counts files name "UNTC via zmjones" for two). */
  instruments?: InstrumentId[];
}

const UNTC_UNCAT_URL = 'https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no=IV-9&chapter=4&clang=_en';
const UNTC_OPCAT_URL = 'https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no=IV-9-b&chapter=4&clang=_en';
const MTDSG_XML = 'https://treaties.un.org/doc/Publication/MTDSG/Volume%20II/Chapter%20XVIII/';
const WIKI_RS_MIRROR = 'https://www.dl1.en-us.nina.az/States_parties_to_the_Rome_Statute_of_the_International_Criminal_Court.html';
const MGALDINO = 'GitHub mgaldino/treaties-ideal-point, commit 746a24fa99b65d0834f8cd6b79f458a180c338cf';
const ZMJONES = 'GitHub zmjones/untreaties at 003ce1309cc2a27a5a3909f39b7e6634550bf173';

const def = sourceRecord<SourceDefinition>;

export const SOURCE_DEFINITIONS: SourceDefinition[] = [
  // --- UN Treaty Collection (depositary) ------------------------------------------------------
  def({
    id: 'untc-iv-9-2026-02-03',
    title: 'UNTC status page IV-9, Convention against Torture (status as at 3 February 2026)',
    publisher: 'United Nations Treaty Collection',
    url: UNTC_UNCAT_URL,
    asOf: '2026-02-03',
    rawFile: 'data/raw/treaties/raw/untc-html/IV-9_uncat_2026-02-03.html',
    note: `Saved HTML from ${MGALDINO} (data/raw/un_hr_treaties/html/cat.html); only script and style blocks removed.`,
    urls: [UNTC_UNCAT_URL],
    text: [/^UNTC page status line \(Signatories 83, Parties 175\)$/],
  }),
  def({
    id: 'untc-iv-9-b-2026-02-03',
    title: 'UNTC status page IV-9-b, Optional Protocol to the Convention against Torture (status as at 3 February 2026)',
    publisher: 'United Nations Treaty Collection',
    url: UNTC_OPCAT_URL,
    asOf: '2026-02-03',
    rawFile: 'data/raw/treaties/raw/untc-html/IV-9-b_opcat_2026-02-03.html',
    note: `Saved HTML from ${MGALDINO} (data/raw/un_hr_treaties/html/cat_op.html); only script and style blocks removed.`,
    urls: [UNTC_OPCAT_URL],
    text: [/^UNTC page status line \(Signatories 76, Parties 96\)$/],
  }),
  def({
    id: 'zmjones-untreaties-18-10-2014-01-27',
    title: 'UNTC participants table for XVIII-10 (Rome Statute) as scraped in zmjones/untreaties, treaties/18-10.csv',
    publisher: 'United Nations Treaty Collection, via GitHub zmjones/untreaties',
    url: 'https://github.com/zmjones/untreaties',
    asOf: '2014-01-27',
    rawFile: 'data/raw/treaties/raw/zmjones_untreaties/rome_statute_XVIII-10_untc_2014-01-27.csv',
    note: `${ZMJONES}; the file last changed in commit b85e1e2 of 2014-01-27, so the scrape was made on or before that date.`,
    text: [/zmjones\/untreaties, treaties\/18-10\.csv/, /^UNTC via zmjones\/untreaties$/],
    instruments: ['rome-statute'],
  }),
  def({
    id: 'zmjones-untreaties-18-10-b-2014-07-10',
    title: 'UNTC participants table for XVIII-10-b (aggression amendments) as scraped in zmjones/untreaties, treaties/18-10-b.csv',
    publisher: 'United Nations Treaty Collection, via GitHub zmjones/untreaties',
    url: 'https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no=XVIII-10-b&chapter=18&clang=_en',
    asOf: '2014-07-10',
    rawFile: 'data/raw/treaties/raw/zmjones_untreaties/amendments_aggression_XVIII-10-b_untc_2014-07-10.csv',
    note: `${ZMJONES}, file changed in commit 65551ea of 2014-07-10.`,
    text: [/^UNTC via GitHub zmjones\/untreaties treaties\/18-10-b\.csv$/],
  }),
  def({
    id: 'zmjones-untreaties-18-13-2013-07-06',
    title: 'UNTC participants table for XVIII-13 (APIC) as scraped in zmjones/untreaties, treaties/18-13.csv',
    publisher: 'United Nations Treaty Collection, via GitHub zmjones/untreaties',
    url: 'https://github.com/zmjones/untreaties',
    asOf: '2013-07-06',
    rawFile: 'data/raw/treaties/raw/zmjones_untreaties/apic_XVIII-13_untc_2013-07-06.csv',
    note: `${ZMJONES}; the file last changed in commit 7fe759f of 2013-07-06.`,
    text: [/^UNTC via GitHub zmjones\/untreaties treaties\/18-13\.csv$/, /^UNTC via zmjones\/untreaties$/],
    instruments: ['apic'],
  }),
  ...(
    [
      ['a', 'rs-art8-2010', '2023-01-20', 'Page count: 45 parties.', /^UNTC MTDSG XML stored copy \(Parties 45\)$/],
      ['c', 'rs-art124-2015', '2022-03-21', 'Page count: 18 parties.', /^UNTC MTDSG XML stored copy \(Parties 18\)$/],
      [
        'd',
        'rs-art8-2017-biological',
        '2024-06-25',
        'First entry into force shown: 2 April 2020 (Luxembourg).',
        /^UNTC MTDSG XML stored copy$/,
      ],
      [
        'f',
        'rs-art8-2017-lasers',
        '2024-06-25',
        'First entry into force shown: 2 April 2020 (Luxembourg).',
        /^UNTC MTDSG XML stored copy$/,
      ],
      ['g', 'rs-art8-2019-starvation', '2021-03-22', 'Old copy: only four participants shown.', /^UNTC MTDSG XML stored copy \(old\)$/],
    ] as const
  ).map(([letter, instrument, asOf, extra, pattern]) =>
    def({
      id: `untc-mtdsg-xml-xviii-10-${letter}`,
      title: `UNTC MTDSG XML page XVIII-10-${letter} (stored copy)`,
      publisher: 'United Nations Treaty Collection',
      url: `${MTDSG_XML}XVIII-10-${letter}.en.xml`,
      asOf,
      rawFile: 'data/raw/treaties/raw/untc_mtdsg_xml_excerpts_chapter_XVIII.csv',
      note: `Capture date unknown: ${asOf} is the latest date shown on the page, so the page is at least that recent. ${extra}`,
      urls: [`${MTDSG_XML}XVIII-10-${letter}.en.xml`],
      text: [pattern],
      instruments: [instrument],
    }),
  ),
  def({
    id: 'untc-mtdsg-xml-xviii-13',
    title: 'UNTC MTDSG XML page XVIII-13, APIC (stored copy, rows A to D only)',
    publisher: 'United Nations Treaty Collection',
    url: `${MTDSG_XML}XVIII-13.en.xml`,
    rawFile: 'data/raw/treaties/raw/untc_mtdsg_xml_excerpts_chapter_XVIII.csv',
    note: 'Capture date unknown. Status line: Signatories 62, Parties 79. Only the first 23 participants (A to D) were captured.',
    text: [/^UNTC MTDSG XML stored copy \(Signatories 62, Parties 79\)$/],
  }),
  def({
    id: 'untc-mtdsg-xml-iv-9-b-2024',
    title: 'UNTC MTDSG XML page IV-9-b, OPCAT (stored copy), with a mirror list of 94 names',
    publisher: 'United Nations Treaty Collection',
    note: 'Stored copy showing Parties 94; the counts file dates it 2024-06 and pairs it with a wikisum mirror list of the same 94 names.',
    text: [/^wikisum mirror list of 94 names; UNTC XML stored copy \(Parties 94\)$/],
  }),

  // --- Official statements and gazettes -------------------------------------------------------
  def({
    id: 'nl-treaty-database-013742',
    title: 'Netherlands Treaty Database, treaty 013742 (starvation amendment, XVIII-10-g), party table',
    publisher: 'Government of the Netherlands',
    url: 'https://treatydatabase.overheid.nl/en/Treaty/Details/013742_p.html',
    asOf: '2025-10-17',
    rawFile: 'data/raw/treaties/raw/nl_treatydatabase_013742_starvation_amendment_XVIII-10-g.csv',
    note: 'Stored copy, capture date unknown; 2025-10-17 is its latest entry. Code R covers ratification, acceptance, approval or notification.',
    urls: ['https://treatydatabase.overheid.nl/en/Treaty/Details/013742_p.html'],
    text: [/^Netherlands Treaty Database, treaty 013742 party table \(stored copy\)$/],
  }),
  def({
    id: 'asp-palestine-state-page',
    title: 'ICC Assembly of States Parties, State of Palestine page',
    publisher: 'International Criminal Court, Assembly of States Parties',
    url: 'https://asp.icc-cpi.int/states-parties/asian-states/Palestine',
    urls: ['https://asp.icc-cpi.int/states-parties/asian-states/Palestine'],
  }),
  def({
    id: 'asp-pr1193-el-salvador',
    title: 'ICC Assembly of States Parties press release PR1193 (El Salvador accedes to the Rome Statute)',
    publisher: 'International Criminal Court, Assembly of States Parties',
    url: 'https://asp.icc-cpi.int/fr/press-releases/PR1193',
    note: 'Cited together with the Portuguese Diario da Republica, aviso 43/2017, which reproduces the UN depositary notification.',
    urls: ['https://asp.icc-cpi.int/fr/press-releases/PR1193'],
  }),
  def({
    id: 'asp-crime-of-aggression-page',
    title: 'ICC Assembly of States Parties, crime of aggression page (activation of jurisdiction, ICC-ASP/16/Res.5 of 14 Dec 2017)',
    publisher: 'International Criminal Court, Assembly of States Parties',
    url: 'https://asp.icc-cpi.int/crime-of-aggression',
    urls: ['https://asp.icc-cpi.int/crime-of-aggression'],
  }),
  def({
    id: 'un-spokesman-2017-02-17-gambia',
    title:
      "Statement attributable to the Spokesman for the Secretary-General on the Gambia's notification of rescission of its withdrawal from the Rome Statute",
    publisher: 'United Nations, via Africa Newsroom',
    url: 'http://www.africa-newsroom.com/press/statement-attributable-to-the-spokesman-for-the-secretarygeneral-on-the-occasion-of-the-gambias-notification-of-rescission-of-its-withdrawal-from-the-rome-statute-of-the-international-criminal-court?lang=en',
    asOf: '2017-02-17',
    urls: [
      'http://www.africa-newsroom.com/press/statement-attributable-to-the-spokesman-for-the-secretarygeneral-on-the-occasion-of-the-gambias-notification-of-rescission-of-its-withdrawal-from-the-rome-statute-of-the-international-criminal-court?lang=en',
    ],
  }),
  def({
    id: 'icc-2018-03-20-philippines-withdrawal',
    title: 'ICC statement on the Philippines notice of withdrawal',
    publisher: 'International Criminal Court',
    url: 'https://www.icc-cpi.int/news/icc-statement-philippines-notice-withdrawal-state-participation-rome-statute-system-essential',
    asOf: '2018-03-20',
    urls: ['https://www.icc-cpi.int/news/icc-statement-philippines-notice-withdrawal-state-participation-rome-statute-system-essential'],
  }),
  def({
    id: 'icc-hungary-withdrawal-statement',
    title:
      'ICC news: President of the Assembly of States Parties regrets withdrawal from the Rome Statute by Hungary (effective 2 June 2026)',
    publisher: 'International Criminal Court',
    url: 'https://www.icc-cpi.int/news/president-assembly-states-parties-regrets-withdrawal-rome-statute-hungary',
    urls: ['https://www.icc-cpi.int/news/president-assembly-states-parties-regrets-withdrawal-rome-statute-hungary'],
  }),
  def({
    id: 'bgbl-iii-64-2015',
    title: 'Austrian Federal Law Gazette BGBl. III Nr. 64/2015 (scope of the APIC, restating UN Secretary-General notifications)',
    publisher: 'Republic of Austria, Federal Law Gazette',
    url: 'https://360.lexisnexis.at/d/b_bgbl_2015_2015_III_64_cfbe2cf712',
    urls: ['https://360.lexisnexis.at/d/b_bgbl_2015_2015_III_64_cfbe2cf712'],
  }),
  def({
    id: 'bgbl-iii-87-2017',
    title: 'Austrian Federal Law Gazette BGBl. III Nr. 87/2017 (scope of the APIC)',
    publisher: 'Republic of Austria, Federal Law Gazette',
    url: 'https://360.lexisnexis.at/d/b_bgbl_2017_2017_III_87_0942d1b250',
    urls: ['https://360.lexisnexis.at/d/b_bgbl_2017_2017_III_87_0942d1b250'],
  }),
  def({
    id: 'bgbl-iii-91-2025',
    title: 'Austrian Federal Law Gazette BGBl. III Nr. 91/2025 (scope of the aggression amendments)',
    publisher: 'Republic of Austria, Federal Law Gazette',
    url: 'https://cert05external-www.360.lexisnexis.at/d/b_bgbl_2025_2025_III_91_346e3d1ac1',
    urls: ['https://cert05external-www.360.lexisnexis.at/d/b_bgbl_2025_2025_III_91_346e3d1ac1'],
  }),
  def({
    id: 'dre-aviso-61-2018',
    title:
      'Diário da República, Aviso n.º 61/2018 of 23 May 2018 (reproduces the UN notification of the Republic of Moldova’s APIC accession)',
    publisher: 'Portuguese Republic, Diário da República',
    url: 'https://dre.tretas.org/dre/3347634/aviso-61-2018-de-23-de-maio',
    note: 'Cited together with BGBl. III Nr. 87/2017 and a Luxembourg Mémorial notice of 2017.',
    urls: ['https://dre.tretas.org/dre/3347634/aviso-61-2018-de-23-de-maio'],
  }),
  def({
    id: 'swiss-government-2020-07-07',
    title: 'Swiss federal government press release on the ratification of the 2017 Rome Statute amendments (news.admin.ch id 79788)',
    publisher: 'Swiss Federal Government',
    url: 'https://www.news.admin.ch/de/nsb?id=79788',
    note: 'With a Swiss MFA page of 1 Feb 2026 saying Switzerland has ratified all seven amendments.',
    urls: ['https://www.news.admin.ch/de/nsb?id=79788'],
  }),
  def({
    id: 'italy-mfa-2021-11-09',
    title: 'Italian Ministry of Foreign Affairs statement on the completion of parliamentary ratification of the Kampala amendments',
    publisher: 'Italian Ministry of Foreign Affairs',
    url: 'https://www.esteri.it/en/sala_stampa/archivionotizie/comunicati/2021/11/nota-farnesina-soddisfazione-della-farnesina-per-il-completamento-delliter-di-ratifica-parlamentare-degli-emendamenti-allo-statuto-della-corte-penale-internazionale/',
    asOf: '2021-11-09',
    urls: [
      'https://www.esteri.it/en/sala_stampa/archivionotizie/comunicati/2021/11/nota-farnesina-soddisfazione-della-farnesina-per-il-completamento-delliter-di-ratifica-parlamentare-degli-emendamenti-allo-statuto-della-corte-penale-internazionale/',
    ],
    text: [/^Italian Ministry of Foreign Affairs statement$/],
  }),
  def({
    id: 'eerste-kamer-35258',
    title: 'Dutch Senate (Eerste Kamer), parliamentary file 35 258 (R2130): Kingdom act approving the amendments of ICC-ASP/16/Res.4',
    publisher: 'Eerste Kamer der Staten-Generaal',
    url: 'https://eerstekamer.nl/9370000/1/j9vvkfvj6b325az/vl0fgu48k1tl',
    urls: ['https://eerstekamer.nl/9370000/1/j9vvkfvj6b325az/vl0fgu48k1tl'],
  }),
  def({
    id: 'inview-nl-apic-party-list',
    title: 'Netherlands treaty database party list for the APIC (copy on inview.nl)',
    publisher: 'Government of the Netherlands, via inview.nl',
    url: 'https://inview.nl/document/id1ace7bc45ed8fd8733cbfecad7a733b8?ctx=e9dd0bd19c9b65add94c72c7e546ce72',
    note: 'Cited with a Wikipedia note.',
    urls: ['https://inview.nl/document/id1ace7bc45ed8fd8733cbfecad7a733b8?ctx=e9dd0bd19c9b65add94c72c7e546ce72'],
  }),
  def({
    id: 'diplomat-magazine-2015-01-07',
    title: 'Diplomat Magazine, "State of Palestine accedes to the Rome Statute" (ASP President statement)',
    publisher: 'Diplomat Magazine',
    url: 'https://diplomatmagazine.eu/2015/01/07/state-palestine-accedes-rome-statute/',
    asOf: '2015-01-07',
    text: [
      /^diplomatmagazine\.eu\/2015\/01\/07\/state-palestine-accedes-rome-statute\/$/,
      /^ASP President statement on the State of Palestine accession \(via Diplomat Magazine\)$/,
    ],
  }),

  // --- NGOs -------------------------------------------------------------------------------------
  def({
    id: 'crimeofaggression-info-update-34',
    title: 'Status of Ratification and Implementation of the Kampala Amendments on the Crime of Aggression, Update No. 34',
    publisher: 'crimeofaggression.info (Liechtenstein Mission, GIPA, PGA)',
    url: 'https://crimeofaggression.info/the-role-of-states/status-of-ratification-and-implementation/',
    asOf: '2019-11-27',
    rawFile: 'data/raw/treaties/raw/crimeofaggression_info_update34_2019-11-27.csv',
    urls: ['https://crimeofaggression.info/the-role-of-states/status-of-ratification-and-implementation/'],
    text: [/^crimeofaggression\.info Update No\. 34$/],
  }),
  def({
    id: 'pga-rome-statute-update-2024-12',
    title: 'PGA Rome Statute Campaign Update, December 2024 (Ukraine ratifies the Statute and its amendments; deposit 25 October 2024)',
    publisher: 'Parliamentarians for Global Action',
    url: 'https://pgaction.org/ilhr/rome-statute/updates/2024-12-rs.html',
    urls: ['https://pgaction.org/ilhr/rome-statute/updates/2024-12-rs.html'],
  }),
  def({
    id: 'pga-italy-sweden-kampala-2022-01-26',
    title: 'PGA news: Italy and Sweden deposit the Kampala amendments',
    publisher: 'Parliamentarians for Global Action',
    url: 'https://pgaction.org/news/italy-sweden-kampala.html',
    asOf: '2022-01-26',
    urls: ['https://pgaction.org/news/italy-sweden-kampala.html'],
    text: [/^PGA news \(after Italy and Sweden\)$/],
  }),
  def({
    id: 'pga-rome-statute-states-parties',
    title: 'PGA list of States Parties to the Rome Statute (Spanish page)',
    publisher: 'Parliamentarians for Global Action',
    url: 'https://pgaction.org/es/ilhr/rome-statute/states-parties.html',
    note: 'Stored copy made after 2024-10-25; exact date unknown.',
    text: [/^PGA \(pgaction\.org\/es\/ilhr\/rome-statute\/states-parties\.html\)$/],
  }),
  def({
    id: 'pga-samoa-country-page',
    title: 'PGA country page for Samoa',
    publisher: 'Parliamentarians for Global Action',
    url: 'https://www.pgaction.org/ilhr/rome-statute/samoa.html',
    note: 'Cited with the Criminal Justice and Armed Conflict database (University of Nottingham), https://cjad.nottingham.ac.uk/en/state/114/.',
    urls: ['https://www.pgaction.org/ilhr/rome-statute/samoa.html'],
  }),
  def({
    id: 'coalition-icc-2019-11-28-kiribati',
    title: 'Coalition for the ICC, "Kiribati accedes to the Rome Statute" (28 Nov 2019, updated 3 Feb 2020)',
    publisher: 'Coalition for the International Criminal Court',
    url: 'https://coalitionfortheicc.org/news/20191128/kiribati-accedes-rome-statute',
    asOf: '2020-02-03',
    urls: ['https://coalitionfortheicc.org/news/20191128/kiribati-accedes-rome-statute'],
  }),
  def({
    id: 'coalition-icc-apic-campaign',
    title: 'Coalition for the ICC, APIC campaign page',
    publisher: 'Coalition for the International Criminal Court',
    note: 'Undated; the counts file places it about 2016-2018.',
    text: [/^Coalition for the ICC APIC campaign page$/],
  }),
  def({
    id: 'jnicc-blog',
    title: 'Japan Network for the ICC (JNICC) blog',
    publisher: 'Japan Network for the ICC',
    url: 'https://jnicc-org-tk05.hatenablog.com/',
    note: 'Posts current to 2023-03-18; cites the Coalition for the ICC.',
    urls: ['https://jnicc-org-tk05.hatenablog.com/'],
  }),
  def({
    id: 'ghrd-2022-08-04',
    title: 'Global Human Rights Defence article naming the nine parties to the starvation amendment',
    publisher: 'Global Human Rights Defence',
    asOf: '2022-08-04',
    text: [/^Global Human Rights Defence article \(names the nine\)$/],
  }),
  def({
    id: 'spt-statement-unb-2025-11',
    title: 'UN Subcommittee on Prevention of Torture statement welcoming Bangladesh and Colombia, as reported by UNB',
    publisher: 'United News of Bangladesh (reporting the UN Subcommittee on Prevention of Torture)',
    note: 'Statement of November 2025; reported on unb.com.bd.',
    text: [/^UN Subcommittee on Prevention of Torture statement reported by UNB/],
  }),
  def({
    id: 'asil-2025-07-aggression-review',
    title: 'ASIL report on resolution ICC-ASP/S-1/Res.1 (ASP special session on the aggression amendments)',
    publisher: 'American Society of International Law',
    url: 'https://www.asil.org/print/ILIB/icc-asp-opens-multi-year-review-aggression-amendments',
    asOf: '2025-07-09',
    text: [/^ASIL report on ICC-ASP\/S-1\/Res\.1$/],
  }),

  // --- News ---------------------------------------------------------------------------------------
  def({
    id: 'reuters-2016-10-27-burundi-icc',
    title: 'Reuters, 27 October 2016, on Burundi’s (and South Africa’s) withdrawal from the ICC',
    publisher: 'Reuters',
    url: 'http://www.reuters.com/article/us-burundi-icc-idUSKCN12R21S',
    asOf: '2016-10-27',
    urls: ['http://www.reuters.com/article/us-burundi-icc-idUSKCN12R21S'],
  }),
  def({
    id: 'ielr-2017-11-17-burundi',
    title: 'IELR, "ICC authorizes investigation in Burundi despite withdrawal from Rome Statute" (17 Nov 2017; also allAfrica 1 Nov 2017)',
    publisher: 'International Enforcement Law Reporter',
    url: 'http://www.ielr.com/content/icc-authorizes-investigation-burundi-despite-withdrawal-rome-statute',
    asOf: '2017-11-17',
    urls: ['http://www.ielr.com/content/icc-authorizes-investigation-burundi-despite-withdrawal-rome-statute'],
  }),
  def({
    id: 'fidh-2017-02-24-south-africa',
    title: 'FIDH, 24 February 2017, on South Africa’s withdrawal after the High Court ruling (via Refworld archive)',
    publisher: 'FIDH, via UNHCR Refworld',
    url: 'https://webarchive.archive.unhcr.org/20191030193023mp_/https://www.refworld.org/topic,50ffbce51b1,50ffbce51e4,58b3ff284,0,,,GMB.html',
    asOf: '2017-02-24',
    urls: [
      'https://webarchive.archive.unhcr.org/20191030193023mp_/https://www.refworld.org/topic,50ffbce51b1,50ffbce51e4,58b3ff284,0,,,GMB.html',
    ],
  }),
  def({
    id: 'tass-2016-11-16-russia-icc',
    title: 'TASS, 16 November 2016, on the presidential order about the Rome Statute',
    publisher: 'TASS',
    url: 'http://tass.com/politics/912756',
    asOf: '2016-11-16',
    urls: ['http://tass.com/politics/912756'],
  }),
  def({
    id: 'malay-mail-2019-03-04-malaysia',
    title: 'Malay Mail (Bernama), 4 March 2019, "Malaysia accedes to Rome Statute of ICC"',
    publisher: 'Malay Mail',
    url: 'https://malaymail.com/news/malaysia/2019/03/04/malaysia-accedes-to-rome-statute-of-icc/1729002',
    asOf: '2019-03-04',
    urls: ['https://malaymail.com/news/malaysia/2019/03/04/malaysia-accedes-to-rome-statute-of-icc/1729002'],
  }),
  def({
    id: 'the-star-2019-05-16-malaysia',
    title: 'The Star, 16 May 2019, "UN confirms Malaysia’s withdrawal from Rome Statute, says Wisma Putra"',
    publisher: 'The Star (Malaysia)',
    url: 'https://www.thestar.com.my/news/nation/2019/05/16/un-confirms-malaysias-withdrawal-from-rome-statute-says-wisma-putra/',
    asOf: '2019-05-16',
    urls: ['https://www.thestar.com.my/news/nation/2019/05/16/un-confirms-malaysias-withdrawal-from-rome-statute-says-wisma-putra/'],
  }),
  def({
    id: 'kyiv-independent-ukraine-rome-statute',
    title: 'Kyiv Independent, "Ukraine becomes party to the Rome Statute of the International Criminal Court"',
    publisher: 'Kyiv Independent',
    url: 'https://kyivindependent.com/ukraine-becomes-party-to-the-rome-statute-of-the-international-criminal-court',
    asOf: '2025-01-01',
  }),
  def({
    id: 'tatoli-2025-05-31-timor-leste',
    title: 'TATOLI (Timor-Leste state news agency), 31 May 2025: four instruments deposited with the UN on 30 May',
    publisher: 'TATOLI',
    url: 'https://id.tatoli.tl/2025/05/31/timor-leste-serahkan-empat-dokumen-ratifikasi-dan-aksesi-ke-pbb/',
    asOf: '2025-05-31',
    urls: ['https://id.tatoli.tl/2025/05/31/timor-leste-serahkan-empat-dokumen-ratifikasi-dan-aksesi-ke-pbb/'],
  }),
  def({
    id: 'onuitalia-2022-01-26',
    title: 'OnuItalia, 26 January 2022: Italy and Sweden deposit their instruments for the Kampala amendments',
    publisher: 'OnuItalia',
    url: 'https://onuitalia.com/2022/01/26/icc-italia-e-svezia-depositano-strumenti-ratifica-emendamenti-di-kampala',
    asOf: '2022-01-26',
    text: [/^OnuItalia/],
  }),
  def({
    id: 'ejiltalk-2025-05-22',
    title: 'EJIL:Talk! blog post (mirror) giving 47 aggression ratifications',
    publisher: 'EJIL:Talk!',
    url: 'http://ejilt.org/index-39.html',
    asOf: '2025-05-22',
    text: [/^EJIL:Talk! blog post \(mirror\)$/],
  }),

  // --- Encyclopedias and secondary notes --------------------------------------------------------
  def({
    id: 'wikipedia-states-parties-rome-statute-2025-06',
    title: 'Wikipedia, "States parties to the Rome Statute of the International Criminal Court" (mirror, June 2025)',
    publisher: 'Wikipedia (mirror)',
    url: WIKI_RS_MIRROR,
    rawFile: 'data/raw/treaties/raw/wikipedia_rome_statute_states_parties_excerpt_2025-06.csv',
    note: 'The page says "As of June 2025, there are 125 states parties". Only the first 12 rows of its table were captured; the counts file pairs it with an ICC ASP President statement (125 countries).',
    urls: [WIKI_RS_MIRROR],
    text: [/^Wikipedia table mirror; ICC ASP President statement \(125 countries\)$/],
  }),
  def({
    id: 'wikipedia-us-and-icc-mirror',
    title: 'Wikipedia, "United States and the International Criminal Court" (mirror wiki.studentb.eu)',
    publisher: 'Wikipedia (mirror)',
    url: 'https://wiki.studentb.eu/view_html.php?lang=en&q=United_States_and_the_International_Criminal_Court',
    urls: ['https://wiki.studentb.eu/view_html.php?lang=en&q=United_States_and_the_International_Criminal_Court'],
  }),
  def({
    id: 'liquisearch-rome-statute-signatories',
    title: 'Liquisearch mirror of Wikipedia, "States parties to the Rome Statute ... Signatories" (with RAPSI, 16 Nov 2016)',
    publisher: 'Wikipedia (mirror)',
    url: 'https://www.liquisearch.com/states_parties_to_the_rome_statute_of_the_international_criminal_court/signatories',
    urls: ['https://www.liquisearch.com/states_parties_to_the_rome_statute_of_the_international_criminal_court/signatories'],
  }),
  def({
    id: 'wikipedia-apic-2025-06',
    title: 'Wikipedia, "Agreement on the Privileges and Immunities of the International Criminal Court" (June 2025)',
    publisher: 'Wikipedia',
    url: 'https://en.wikipedia.org/wiki/Agreement_on_the_Privileges_and_Immunities_of_the_International_Criminal_Court',
    note: 'Reports 80 parties, one notice of denunciation (State not named in the captured copy) and nine signatories that have not ratified.',
    urls: ['https://en.wikipedia.org/wiki/Agreement_on_the_Privileges_and_Immunities_of_the_International_Criminal_Court'],
    text: [/^Wikipedia article \(80 parties; one notice of denunciation; nine signatories not ratified\)$/],
  }),
  def({
    id: 'wikipedia-apic-mirror-79',
    title: 'Wikipedia APIC article mirrors (wikimili.com, profilbaru.com) giving 79 parties',
    publisher: 'Wikipedia (mirror)',
    note: 'Undated copies.',
    text: [/^Wikipedia article mirror$/],
  }),
  def({
    id: 'wikipedia-de-apic-mirror',
    title: 'German-language Wikipedia mirror of the APIC article (78 parties)',
    publisher: 'Wikipedia (mirror)',
    url: 'https://de.wikial.top/wiki/Agreement_on_the_Privileges_and_Immunities_of_the_International_Criminal_Court',
    note: 'Undated; placed between mid-2017 and April 2022 by the counts around it.',
    text: [/^German-language Wikipedia mirror$/],
  }),
  def({
    id: 'wikipedia-derived-uncat-2022',
    title: 'Wikipedia-derived pages (alegsaonline, fotisedu) giving 173 UNCAT parties',
    publisher: 'Wikipedia (derived pages)',
    text: [/^Wikipedia-derived pages \(alegsaonline, fotisedu\)$/],
  }),
  def({
    id: 'wikipedia-opcat-2025-10',
    title: 'Wikipedia, OPCAT article (as of October 2025: 95 parties, 11 signatories)',
    publisher: 'Wikipedia',
    text: [/^Wikipedia article \(as of October 2025: 95 parties, 11 signatories\)$/],
  }),
  def({
    id: 'github-iso2-states-parties-2026-10-02',
    title:
      'ISO-2 list of 125 States Parties to the Rome Statute in a public GitHub data file ("as the ASP lists them, checked 2 October 2026")',
    publisher: null,
    asOf: '2026-10-02',
    note: 'Repository not recorded in the source notes.',
    text: [/^ISO-2 list of 125 States Parties/],
  }),
  def({
    id: 'github-forecast-note-cn-180-2026',
    title:
      'Forecasting-resolution note in a public GitHub repository (question YES-139) citing depositary notification C.N.180.2026.TREATIES-XVIII.10 and an ICC press release',
    publisher: null,
    note: 'Repository name not recorded. The C.N. link it cites (https://treaties.un.org/doc/Publication/CN/2026/CN.180.2026-Eng.pdf) was not opened. Secondary and unverified.',
    text: [/^GitHub repository file \(forecast question YES-139; repository name not known\)$/],
  }),
  def({
    id: 'github-qa-note-2026-10',
    title:
      'LLM-assisted course-content QA note in a public GitHub repository (as of 2026-10) listing 2026 Rome Statute withdrawal notifications',
    publisher: null,
    note: 'Repository name not recorded; no news or official source was found for any of its claims; internally ambiguous (dates could be effective dates). Unverified.',
    text: [/^GitHub repository file \(repository name not known\)$/],
  }),
  def({
    id: 'source-compilation-derived',
    title: 'Value worked out by the compilers of the bundled source files (method stated in the row), not seen stated in any source',
    publisher: null,
    rawFile: 'data/raw/treaties/rome_statute_amendments_supplement.csv',
    text: [/^Same date as Luxembourg's XVIII-10-d and -f instruments on UNTC/],
  }),

  // --- States registry ---------------------------------------------------------------------------
  def({
    id: 'ocha-countries-territories-taxonomy-2026-01-30',
    title: 'OCHA Countries & Territories Taxonomy (UNTERM short names in six languages, formal names, M49 regions)',
    publisher: 'UN OCHA, GitHub OCHA-DAP/hdx-python-country',
    url: 'https://github.com/OCHA-DAP/hdx-python-country',
    asOf: '2026-01-30',
    rawFile: 'data/raw/states/states.csv',
    note: 'Commit 61ee1982096ee86bd127f8f481bf08c2a265a093; M49 codes checked against the UNSD overview (no difference).',
  }),
  def({
    id: 'un-regional-groups',
    title:
      'UN regional groups: world-countries@5.1.0 field unRegionalGroup, checked against the DGACM list (2019 copy and current page) and the UN Library FAQ',
    publisher: 'UN DGACM; npm world-countries@5.1.0',
    url: 'https://www.un.org/dgacm/en/content/regional-groups',
    rawFile: 'data/raw/states/un_regional_groups.csv',
    note: 'Holy See (WEOG observer) and State of Palestine (Asia-Pacific) rest on Wikipedia only; Kiribati is disputed.',
  }),
  def({
    id: 'un-ldc-list-2026-11-22',
    title: 'UN list of Least Developed Countries and graduations (UN DESA list, UN M49 LDC flag, UN-OHRLLS, UNCTAD)',
    publisher: 'UN DESA; UN-OHRLLS; UNCTAD',
    asOf: '2026-11-22',
    rawFile: 'data/raw/states/un_ldc_list.csv',
  }),
  def({
    id: 'un-sids-list',
    title: 'Small Island Developing States: UN M49 SIDS flag, UN DESA list (2017) and UN-OHRLLS note on Bahrain',
    publisher: 'UN DESA; UN-OHRLLS',
    rawFile: 'data/raw/states/un_sids_list.csv',
  }),
  def({
    id: 'oecd-dac-recipients-2022-2023',
    title: 'OECD DAC List of ODA Recipients effective for reporting on 2022 and 2023 flows',
    publisher: 'OECD Development Assistance Committee, via GitHub datasets/dac-and-crs-code-lists',
    url: 'https://github.com/datasets/dac-and-crs-code-lists',
    rawFile: 'data/raw/states/oecd_dac_oda_recipients_2022-2023.csv',
    note: 'Scraped 2024-06-12 (commit fa32c5b80c986ed5185091f7c24226469922026b). The 2024-2025 list was not available.',
  }),
  def({
    id: 'world-atlas-2-0-2',
    title: 'world-atlas@2.0.2 (Natural Earth 4.1.0 admin-0 at 110m, 50m, 10m): polygon presence and bounding boxes',
    publisher: 'npm package world-atlas',
    url: 'https://www.npmjs.com/package/world-atlas',
    rawFile: 'data/raw/states/world_atlas_polygons.csv',
  }),

  // --- CAT reporting (data/raw/cat-reporting/) -----------------------------------------------------
  ...CAT_SOURCE_DEFINITIONS,

  // --- UPR (data/raw/upr/): cited by the upr-* seed files, listed in upr-sources.json ---------------
  ...UPR_SOURCE_DEFINITIONS,
];

/** Normalises a URL as written in the raw files (some omit the scheme). */
function normaliseUrl(url: string): string {
  return url.trim();
}

/**
 * The id of the registered source for a raw row, or undefined when nothing matches.
 * `instrumentId` narrows sources registered for particular instruments.
 */
export function findSource(text: string | null, url: string | null, instrumentId?: InstrumentId): string | undefined {
  const candidates = SOURCE_DEFINITIONS.filter((d) => !d.instruments || !instrumentId || d.instruments.includes(instrumentId));
  if (url) {
    const byUrl = candidates.find((d) => d.urls?.includes(normaliseUrl(url)));
    if (byUrl) return byUrl.id;
  }
  if (text) {
    const byText = candidates.find((d) => d.text?.some((re) => re.test(text.trim())));
    if (byText) return byText.id;
  }
  return undefined;
}

export function sourceUrl(id: string): string | null {
  return SOURCE_DEFINITIONS.find((d) => d.id === id)?.url ?? null;
}

/** The sources.json records for the ids that facts actually cite. */
export function sourceRecords(citedIds: Set<string>): SourceRecord[] {
  return SOURCE_DEFINITIONS.filter((d) => citedIds.has(d.id)).map(({ id, title, publisher, url, asOf, rawFile, note }): SourceRecord => ({
    id,
    title,
    publisher,
    url,
    asOf,
    rawFile,
    note,
  }));
}

export function isRegistered(id: string): boolean {
  return SOURCE_DEFINITIONS.some((d) => d.id === id);
}
