/**
 * instruments.json: the 11 instruments. Names, adoption places and dates come from the sources
 * (UNTC page headers, the UNTC MTDSG XML titles, the amendments file); where no source states
 * one, the field is null. Rules follow api/src/domain/README.md and types.ts.
 */
import type { InstrumentId } from '@tracker/api/domain';
import { parseUntcDate } from '../untc/dates.js';
import type { Origin, Problems } from './common.js';
import { readCsv } from './csv.js';
import type { InstrumentRecord } from './schemas.js';
import type { UntcPageResult } from './untc-pages.js';

export interface TracedInstrument {
  record: InstrumentRecord;
  origin: Origin;
}

export interface InstrumentInputs {
  pages: UntcPageResult[];
  romeGeneralEntryIntoForce: string | null;
  apicGeneralEntryIntoForce: string | null;
  aggressionActivatedOn: string | null;
  aggressionActivationSourceId: string | null;
}

const AMENDMENTS_FILE = 'treaties/rome_statute_amendments.csv';

export function buildInstruments(inputs: InstrumentInputs, problems: Problems): TracedInstrument[] {
  const out: TracedInstrument[] = [];
  const titles = xmlTitles();
  const amendmentNames = new Map(readCsv(AMENDMENTS_FILE).map((r) => [r.get('amendment_code'), r.get('amendment')]));
  const origin = (file: string): Origin => ({ file: `data/raw/${file}`, line: null });

  const need = <T>(value: T | null | undefined, what: string): T | null => {
    if (value === null || value === undefined) problems.add({ file: 'instruments', line: null }, `missing ${what}`);
    return value ?? null;
  };

  // --- Rome Statute ----------------------------------------------------------------------------
  const romeEif = need(inputs.romeGeneralEntryIntoForce, 'Rome Statute general entry into force');
  out.push({
    origin: origin('treaties/rome_statute_participants.csv'),
    record: {
      id: 'rome-statute',
      parentId: null,
      untcReference: 'XVIII-10',
      name: 'Rome Statute of the International Criminal Court',
      shortName: 'Rome Statute',
      adoptedOn: null,
      adoptedAt: null,
      generalEntryIntoForce: romeEif,
      entryIntoForceRule: { kind: 'first-of-month-after-days', days: 60, generalEntryIntoForce: romeEif ?? '2002-07-01' },
      withdrawalRule: { kind: 'one-year-after-notification' },
      rulesNote:
        'Art. 126(2): for a State joining after the 60th instrument the Statute enters into force on the first day of the month after the 60th day following its deposit; art. 127: a withdrawal takes effect one year after the notification is received, unless it names a later date.',
      dataAsOf: '2026-10-02',
      completenessNote:
        'Participants are the UNTC list of 27 January 2014 (the newest UNTC copy found) plus later accessions, withdrawals and revocations rebuilt from ASP, ICC, PGA, NGO and news sources; 125 parties match the public ISO-2 list checked on 2 October 2026. Hungary’s revocation of its withdrawal (C.N.180.2026) rests only on an unverified secondary note, and the 2026 withdrawal notifications by Niger, Burkina Faso, Mali, Venezuela, Chad and Nauru are unverified claims; the exact dates of the Israeli and Sudanese signature withdrawals are unknown (year only) and the Russian date is that of the presidential order. The Statute’s adoption date is not stated in the bundled sources.',
      sourceIds: ['zmjones-untreaties-18-10-2014-01-27', 'github-iso2-states-parties-2026-10-02'],
    },
  });

  // --- Amendments ---------------------------------------------------------------------------------
  const amendment = (
    id: InstrumentId,
    code: string,
    shortName: string,
    extra: Pick<InstrumentRecord, 'entryIntoForceRule' | 'rulesNote' | 'dataAsOf' | 'completenessNote' | 'sourceIds'> & {
      generalEntryIntoForce?: string | null;
    },
  ): void => {
    const title = titles.get(code);
    out.push({
      origin: origin(AMENDMENTS_FILE),
      record: {
        id,
        parentId: 'rome-statute',
        untcReference: code,
        name: need(amendmentNames.get(code), `name of ${code}`) ?? code,
        shortName,
        adoptedOn: title?.date ?? null,
        adoptedAt: title?.place ?? null,
        generalEntryIntoForce: extra.generalEntryIntoForce ?? null,
        entryIntoForceRule: extra.entryIntoForceRule,
        // No separate withdrawal: a State leaves the amendments by withdrawing from the Statute.
        withdrawalRule: { kind: 'none' },
        rulesNote: extra.rulesNote,
        dataAsOf: extra.dataAsOf,
        completenessNote: extra.completenessNote,
        sourceIds: extra.sourceIds,
      },
    });
  };
  const art121_5 =
    'Art. 121(5): the amendment enters into force for a State Party one year after it deposits its instrument of ratification or acceptance.';
  amendment('rs-art8-2010', 'XVIII-10-a', 'Art. 8 amendment (Kampala 2010)', {
    entryIntoForceRule: { kind: 'one-year-after-deposit', activatedOn: null },
    rulesNote: art121_5,
    dataAsOf: '2023-01-20',
    completenessNote:
      'Stored UNTC page with 45 parties, latest deposit 2023-01-20 (Mexico), plus Ukraine 2024-10-25 reported by PGA; deposits from 2023 to 2026 are probably missing.',
    sourceIds: ['untc-mtdsg-xml-xviii-10-a', 'pga-rome-statute-update-2024-12'],
  });
  const activated = need(inputs.aggressionActivatedOn, 'aggression activation date');
  amendment('rs-aggression-2010', 'XVIII-10-b', 'Aggression amendments (Kampala 2010)', {
    entryIntoForceRule: {
      kind: 'one-year-after-deposit',
      activatedOn: activated,
      activationSourceId: need(inputs.aggressionActivationSourceId, 'source of the aggression activation date'),
    },
    rulesNote: `${art121_5} The Court’s jurisdiction over the crime of aggression was activated from ${activated ?? 'an unknown date'} (ICC-ASP/16/Res.5).`,
    dataAsOf: '2025-07-09',
    completenessNote:
      'UNTC list to 2014, crimeofaggression.info Update 34 (39 States, 27 Nov 2019), then PGA, gazettes and news. Published counts (49 on 9 Jul 2025) require three ratifications that no source names (one between Nov 2019 and Nov 2021, one between Jan 2022 and May 2025, one between late May and 9 Jul 2025); Mongolia’s deposit date is an unverified inference. Nothing after July 2025 was found. The adoption date is not stated in the bundled sources.',
    sourceIds: ['zmjones-untreaties-18-10-b-2014-07-10', 'crimeofaggression-info-update-34', 'asp-crime-of-aggression-page'],
  });
  amendment('rs-art124-2015', 'XVIII-10-c', 'Deletion of art. 124 (2015)', {
    entryIntoForceRule: { kind: 'seven-eighths-of-parent-parties', parent: 'rome-statute' },
    rulesNote:
      'Art. 121(4): the deletion enters into force for all States Parties one year after seven-eighths of them have deposited instruments of ratification or acceptance.',
    dataAsOf: '2022-03-21',
    completenessNote:
      'Stored UNTC page with 18 parties (latest 2022-03-21) plus Ukraine 2024-10-25 (PGA); acceptances from 2022 to 2026 are probably missing. Not in force.',
    sourceIds: ['untc-mtdsg-xml-xviii-10-c', 'pga-rome-statute-update-2024-12'],
  });
  amendment('rs-art8-2017-biological', 'XVIII-10-d', 'Art. 8 amendment: biological weapons (2017)', {
    entryIntoForceRule: { kind: 'one-year-after-deposit', activatedOn: null },
    generalEntryIntoForce: firstEntryIntoForce(titles.get('XVIII-10-d')?.pageNote),
    rulesNote: art121_5,
    dataAsOf: '2024-06-25',
    completenessNote:
      'Stored UNTC page with 20 parties (latest 2024-06-25) plus Andorra (Wikipedia, no date) and Ukraine (PGA); later ratifications are probably missing.',
    sourceIds: ['untc-mtdsg-xml-xviii-10-d'],
  });
  amendment('rs-art8-2017-fragments', 'XVIII-10-e', 'Art. 8 amendment: non-detectable fragments (2017)', {
    entryIntoForceRule: { kind: 'one-year-after-deposit', activatedOn: null },
    rulesNote: art121_5,
    dataAsOf: '2024-10-25',
    completenessNote:
      'No UNTC copy was found. Only Switzerland (official) and Ukraine (PGA) have sourced dates; Andorra and Belgium rest on Wikipedia status cells without dates, and the Luxembourg, Netherlands and Belgium dates are unverified inferences from same-day deposits of the companion amendments. The real number of parties is unknown. The adoption date is not stated in the bundled sources.',
    sourceIds: ['swiss-government-2020-07-07', 'wikipedia-states-parties-rome-statute-2025-06'],
  });
  amendment('rs-art8-2017-lasers', 'XVIII-10-f', 'Art. 8 amendment: blinding laser weapons (2017)', {
    entryIntoForceRule: { kind: 'one-year-after-deposit', activatedOn: null },
    generalEntryIntoForce: firstEntryIntoForce(titles.get('XVIII-10-f')?.pageNote),
    rulesNote: art121_5,
    dataAsOf: '2024-06-25',
    completenessNote:
      'Stored UNTC page with 18 parties (latest 2024-06-25) plus Andorra (Wikipedia, no date) and Ukraine (PGA); later ratifications are probably missing.',
    sourceIds: ['untc-mtdsg-xml-xviii-10-f'],
  });
  amendment('rs-art8-2019-starvation', 'XVIII-10-g', 'Art. 8 amendment: starvation (2019)', {
    entryIntoForceRule: { kind: 'one-year-after-deposit', activatedOn: null },
    rulesNote: art121_5,
    dataAsOf: '2025-10-17',
    completenessNote:
      'Netherlands Treaty Database party table with 23 parties (latest 2025-10-17, Spain), entry-into-force dates as given there; an unverified note claims about 25 by Oct 2026.',
    sourceIds: ['nl-treaty-database-013742'],
  });

  // --- APIC -------------------------------------------------------------------------------------
  const apicTitle = titles.get('XVIII-13');
  const apicEif = need(inputs.apicGeneralEntryIntoForce, 'APIC general entry into force');
  out.push({
    origin: origin('treaties/apic_participants.csv'),
    record: {
      id: 'apic',
      parentId: null,
      untcReference: 'XVIII-13',
      name: apicTitle?.name ?? 'Agreement on the Privileges and Immunities of the International Criminal Court',
      shortName: 'APIC',
      adoptedOn: apicTitle?.date ?? null,
      adoptedAt: apicTitle?.place ?? null,
      generalEntryIntoForce: apicEif,
      entryIntoForceRule: { kind: 'days-after-deposit', days: 30, generalEntryIntoForce: apicEif ?? '2004-07-22' },
      withdrawalRule: { kind: 'one-year-after-notification' },
      rulesNote:
        'Art. 35: for a State joining after the tenth instrument the Agreement enters into force on the 30th day after its deposit; art. 37: a denunciation takes effect one year after the notification.',
      dataAsOf: '2025-06-29',
      completenessNote:
        'UNTC list of 6 July 2013 plus later deposits from gazettes, NGOs and news (Senegal, Palestine, Samoa, Peru, Moldova, Mongolia, Timor-Leste). One party that joined between May 2017 and April 2022 is not identified (published counts 77, 78, 79). Hungary’s denunciation is dated only by assumption (unverified), and whether it was withdrawn in 2026 is unknown.',
      sourceIds: ['zmjones-untreaties-18-13-2013-07-06', 'wikipedia-apic-2025-06'],
    },
  });

  // --- UNCAT and OPCAT, from the parsed UNTC pages ----------------------------------------------
  for (const result of inputs.pages) {
    const { page, sourceId, instrumentId } = result;
    const eif = need(page.entryIntoForce.date, `${instrumentId} entry into force`);
    const isUncat = instrumentId === 'uncat';
    out.push({
      origin: { file: `parsed page ${sourceId}`, line: null },
      record: {
        id: instrumentId,
        parentId: null,
        untcReference: isUncat ? 'IV-9' : 'IV-9-b',
        name: page.title,
        shortName: isUncat ? 'UNCAT' : 'OPCAT',
        adoptedOn: page.concluded.date,
        adoptedAt: page.concluded.place,
        generalEntryIntoForce: eif,
        entryIntoForceRule: { kind: 'days-after-deposit', days: 30, generalEntryIntoForce: eif ?? page.statusAsAt },
        withdrawalRule: isUncat ? { kind: 'one-year-after-notification' } : null,
        rulesNote: isUncat
          ? 'Art. 27(2): for a State joining after the 20th instrument the Convention enters into force on the 30th day after its deposit; art. 31: a denunciation takes effect one year after the notification.'
          : 'Art. 28(2): for a State joining after the 20th instrument the Protocol enters into force on the 30th day after its deposit; the bundled sources do not state the Protocol’s denunciation rule, so none is recorded.',
        dataAsOf: page.statusAsAt,
        completenessNote: isUncat
          ? 'Complete as of the UNTC status of 3 February 2026 (175 parties, 4 signature-only States); no change between February and November 2026 was found. Reservations under art. 28(1) and declarations under art. 21 and 22 are read from the page texts and end notes.'
          : 'Complete as of the UNTC status of 3 February 2026 (96 parties, 11 signature-only States). Art. 24 postponements are read from the page; art. 17 notifications on UNTC are not a list of national preventive mechanisms and are not imported.',
        sourceIds: [sourceId],
      },
    });
  }
  return out;
}

interface XmlTitle {
  name: string;
  place: string | null;
  date: string | null;
  pageNote: string;
}

/** "Amendment to article 8 of the Rome Statute (Kampala, 10 June 2010)" gives place and date. */
function xmlTitles(): Map<string, XmlTitle> {
  const titles = new Map<string, XmlTitle>();
  for (const row of readCsv('treaties/raw/untc_mtdsg_xml_excerpts_chapter_XVIII.csv')) {
    if (titles.has(row.get('mtdsg_no'))) continue;
    const instrument = row.get('instrument');
    const match = /^(.*) \(([^(),]+), (\d{1,2} [A-Za-z]+ \d{4})\)(?: - .*)?$/.exec(instrument);
    titles.set(row.get('mtdsg_no'), {
      name: match?.[1] ?? instrument,
      place: match?.[2] ?? null,
      date: match?.[3] ? parseUntcDate(match[3]) : null,
      pageNote: row.get('page_note'),
    });
  }
  return titles;
}

/** "first entry into force 2 April 2020 (Luxembourg)" in a page note. */
function firstEntryIntoForce(note: string | undefined): string | null {
  const match = /first entry into force (\d{1,2} [A-Za-z]+ \d{4})/.exec(note ?? '');
  return match?.[1] ? parseUntcDate(match[1]) : null;
}
