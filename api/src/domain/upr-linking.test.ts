import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { INSTRUMENT_IDS } from './types.js';
import {
  analyseRecommendation,
  linkRecommendation,
  linkRecommendationPairs,
  matchedInstruments,
  toPairs,
  UPR_LINK_ACTIONS,
  type UprLink,
} from './upr-linking.js';

// Unless marked "constructed", every text below is a real recommendation, copied verbatim from
// the UPR Info export (upr-info-export_2015_sessions-*.csv) or the Slovenia OHCHR lists, with its
// file and line. The last describe block scores the linker on the labelled sample in
// data/labels/upr-linking-sample.csv (labelling rules: data/labels/README.md).

/** Links as "instrument:action" strings ("instrument" alone when no action), sorted. */
function links(text: string): string[] {
  return toPairs(linkRecommendation(text))
    .map((p) => (p.action ? `${p.instrumentId}:${p.action}` : p.instrumentId))
    .sort();
}

describe('UPR_LINK_ACTIONS and the result shape', () => {
  it('has the five public action ids', () => {
    expect(UPR_LINK_ACTIONS).toEqual([
      'ratify-accede',
      'withdraw-reservations-declarations',
      'implement-national-law',
      'cooperate-with-court',
      'report-to-committee',
    ]);
  });

  it('gives one link per instrument, in INSTRUMENT_IDS order, actions in UPR_LINK_ACTIONS order', () => {
    // 18-20:6832
    const result: UprLink[] = linkRecommendation(
      'Fully align its national legislation with the Rome Statute of the International Criminal Court, to ratify the Kampala amendments to the Rome Statute on the crime of aggression and to accede to the Agreement on the Privileges and Immunities of the International Criminal Court',
    );
    expect(result).toEqual([
      { instrumentId: 'rome-statute', actions: ['implement-national-law'] },
      { instrumentId: 'rs-aggression-2010', actions: ['ratify-accede'] },
      { instrumentId: 'apic', actions: ['ratify-accede'] },
    ]);
    expect(matchedInstruments('Ratify the Rome Statute and OPCAT ')).toEqual(['rome-statute', 'opcat']); // 18-20:4279
  });

  it('flattens to pairs, with action null for an instrument linked without an action', () => {
    expect(
      toPairs([
        { instrumentId: 'uncat', actions: [] },
        { instrumentId: 'opcat', actions: ['ratify-accede', 'implement-national-law'] },
      ]),
    ).toEqual([
      { instrumentId: 'uncat', action: null },
      { instrumentId: 'opcat', action: 'ratify-accede' },
      { instrumentId: 'opcat', action: 'implement-national-law' },
    ]);
  });

  it('gives the same as pairs for the UPR store', () => {
    // 01-05:4023
    expect(
      linkRecommendationPairs(
        'Cooperate more closely with the Committee against Torture especially by setting up a national complaint registration and investigation system and a national preventive mechanism.',
      ),
    ).toEqual([
      { instrumentId: 'uncat', action: null },
      { instrumentId: 'opcat', action: 'implement-national-law' },
    ]);
  });

  it('returns nothing for empty or unrelated text, and explains what it found', () => {
    expect(linkRecommendation('')).toEqual([]);
    expect(linkRecommendation('Continue the process of transitional justice.')).toEqual([]); // 01-05:138
    const a = analyseRecommendation('Ratify CAT-OP and establish a national preventive mechanism.'); // 01-05:4130
    expect(a.mentions.map((m) => m.text)).toEqual(['CAT-OP', 'national preventive mechanism']);
    expect(a.cues.map((c) => c.action)).toEqual(['ratify-accede', 'implement-national-law']);
  });
});

describe('positives (real texts)', () => {
  it("Rome Statute: ratification, with the sources' spellings", () => {
    expect(links('Accede to the Rome Statute of the International Criminal Court')).toEqual(['rome-statute:ratify-accede']); // 01-05:304
    expect(links('Accede to the Rome Status of the International Criminal Court')).toEqual(['rome-statute:ratify-accede']); // 01-05:3127
    expect(links('Ratify the Statute of Rome on the International Criminal Court ')).toEqual(['rome-statute:ratify-accede']); // 10-13:8077
    expect(links('Accede to ICC ')).toEqual(['rome-statute:ratify-accede']); // 06-09:8285
    expect(
      links(
        'Make the necessary constitutional changes in order to ratify the Rome Statute of the International Criminal Court, signed in January 2001 ',
      ),
    ).toEqual(['rome-statute:ratify-accede']); // 14-17:8928
  });

  it('Rome Statute: ratify + align legislation, where cooperation provisions are legislation', () => {
    // 10-13:605
    expect(
      links(
        "Ratify the Rome Statute of the ICC and fully align its legislation with all obligations under the Rome Statute, including incorporating the Rome Statute's definition of crimes and general principles, as well as adopting provisions enabling cooperation with the Court ",
      ),
    ).toEqual(['rome-statute:implement-national-law', 'rome-statute:ratify-accede']);
    // 18-20:3102: one object shared by two verbs
    expect(links('Accede to and fully align its national legislation with the Rome Statute')).toEqual([
      'rome-statute:implement-national-law',
      'rome-statute:ratify-accede',
    ]);
    // 06-09:488: "to implement it" points back to the Statute
    expect(
      links('Ratify the Rome Statute of the International Criminal Court, signed on 1 October 1999, to implement it in national law '),
    ).toEqual(['rome-statute:implement-national-law', 'rome-statute:ratify-accede']);
  });

  it('ICC cooperation: arrest warrants, surrender, the Prosecutor', () => {
    expect(links('Take all necessary measures to execute arrest warrants issued by the International Criminal Court. ')).toEqual([
      'rome-statute:cooperate-with-court',
    ]); // 06-09:2095
    expect(
      links(
        'Proceed to arrest and transfer to the Hague Mr. Bosco Ntaganda, who is subject to an arrest warrant by the International Criminal Court.',
      ),
    ).toEqual(['rome-statute:cooperate-with-court']); // 06-09:2063
    expect(
      links(
        "Authorize the Prosecutor of the International Criminal Court to conduct a mission in Cote d'Ivoire, as prescribed by the Rome Statute ",
      ),
    ).toEqual(['rome-statute:cooperate-with-court']); // 06-09:1610
    expect(
      links(
        'Fully cooperate with the International Criminal Court and fully align its national legislation with the obligations under the Rome Statute and definitions of crimes and principles  ',
      ),
    ).toEqual(['rome-statute:cooperate-with-court', 'rome-statute:implement-national-law']); // 10-13:1241
  });

  it('Rome Statute declarations: art. 124 and art. 12(3)', () => {
    expect(links('Withdraw the declaration under article 124 of the Rome Statute of the International Criminal Court.')).toEqual([
      'rome-statute:withdraw-reservations-declarations',
    ]); // 01-05:2207 - the Statute, not the 2015 amendment deleting art. 124
    expect(links('Accept the ad hoc jurisdiction of the International Criminal Court and ratify the Rome Statute')).toEqual([
      'rome-statute:ratify-accede',
      'rome-statute:withdraw-reservations-declarations',
    ]); // 18-20:5001
  });

  it('Kampala amendments: both 2010 amendments, or the aggression amendment when narrowed', () => {
    expect(links('Ratify the Kampala amendments to the Rome Statute ')).toEqual([
      'rs-aggression-2010:ratify-accede',
      'rs-art8-2010:ratify-accede',
    ]); // 10-13:1235
    expect(
      links('Ratify the Kampala Amendments to the Rome Statute of the International Criminal Court on the crime of aggression '),
    ).toEqual(['rs-aggression-2010:ratify-accede']); // 18-20:6316
    // 10-13:5092: singular amendment, purpose = aggression
    expect(
      links(
        'Ratify the Kampala amendment to the Rome Statute, if possible with a view to contributing to the activation of the jurisdiction of the International Criminal Court over the crime of aggression at the beginning of 2017 ',
      ),
    ).toEqual(['rs-aggression-2010:ratify-accede']);
    // 18-20:7584: the Statute "as amended in Kampala"
    expect(
      links(
        'Accede to the Rome Statute as amended at the Review Conference in Kampala in 2010 and align its national legislation with all obligations under the Rome Statute ',
      ),
    ).toEqual([
      'rome-statute:implement-national-law',
      'rome-statute:ratify-accede',
      'rs-aggression-2010:ratify-accede',
      'rs-art8-2010:ratify-accede',
    ]);
    // 14-17:4310: different actions for parent and child
    expect(
      links(
        'Review its national legislation to ensure full alignment with the Rome Statute of the ICC and ratify the Kampala amendments to the Rome Statute',
      ),
    ).toEqual(['rome-statute:implement-national-law', 'rs-aggression-2010:ratify-accede', 'rs-art8-2010:ratify-accede']);
  });

  it('APIC, without reading its "ICC" as the Court', () => {
    expect(links('Ratify the Agreement on the Privileges and Immunities of the ICC (APIC)')).toEqual(['apic:ratify-accede']); // 14-17:6987
    expect(
      links(
        'Ratify the Rome Statute of the International Criminal Court, including accession to the Agreement on Privileges and Immunities',
      ),
    ).toEqual(['apic:ratify-accede', 'rome-statute:ratify-accede']); // 06-09:2724
    expect(
      links('Ratify, without making any reservation, the Agreement on the Privileges and Immunities of the International Criminal Court'),
    ).toEqual(['apic:ratify-accede']); // 18-20:6830 - "without reservation" is not a withdrawal
  });

  it('UNCAT: ratification, declarations, definition of torture, reports, Committee recommendations', () => {
    expect(links('Accede to CAT in a timely manner.')).toEqual(['uncat:ratify-accede']); // 01-05:5738
    expect(links('Make the necessary declarations under articles 21 and 22 of CAT ')).toEqual(['uncat:withdraw-reservations-declarations']); // 18-20:1565
    expect(links('Recognize the competence of the Committee against Torture to examine complaints against Israel.')).toEqual([
      'uncat:withdraw-reservations-declarations',
    ]); // 01-05:2521
    expect(links('Incorporate into domestic legislation the crime of torture as defined in CAT ')).toEqual([
      'uncat:implement-national-law',
    ]); // 06-09:7771
    expect(
      links(
        'Enact a federal crime of torture, consistent with the Convention, and also encompassing acts described as - enhanced interrogation techniques',
      ),
    ).toEqual(['uncat:implement-national-law']); // 06-09:8144 - "the Convention" in a torture recommendation
    expect(links('Submit its initial report to the Committee against Torture which is fifteen years overdue ')).toEqual([
      'uncat:report-to-committee',
    ]); // 18-20:2228
    expect(links('Submit its initial report on the implementation of the Convention against Torture')).toEqual([
      'uncat:report-to-committee',
    ]); // 14-17:6899
    expect(links('Abolish the practice of arraigo, as recommended by the Committee against Torture')).toEqual([
      'uncat:implement-national-law',
    ]); // 14-17:5911
    // 18-20:1217: the reservations clause is about CEDAW
    expect(links('Ratify ICCPR, ICESCR, CERD and CAT and withdraw reservations to CEDAW ')).toEqual(['uncat:ratify-accede']);
  });

  it('OPCAT: ratification, the national preventive mechanism, "its Optional Protocol"', () => {
    expect(
      links('Ratify the Optional Protocol to the Convention against Torture and establish its national preventive mechanism accordingly'),
    ).toEqual(['opcat:implement-national-law', 'opcat:ratify-accede']); // 01-05:124 - OPCAT only, not UNCAT
    expect(
      links('Promptly create a national mechanism for the prevention of torture with access to all places of deprivation of liberty '),
    ).toEqual(['opcat:implement-national-law']); // 10-13:1542
    expect(links('Withdraw reservations to CAT and accede to its Optional Protocol ')).toEqual([
      'opcat:ratify-accede',
      'uncat:withdraw-reservations-declarations',
    ]); // 06-09:5257
    expect(links('Ratify CAT and the Optional Protocols thereto')).toEqual(['opcat:ratify-accede', 'uncat:ratify-accede']); // 06-09:4184
    // 06-09:199: "the Optional Protocol thereto" belongs to CRPD
    expect(
      links(
        'Consider ratifying ICERD, CAT and CRPD and the Optional Protocol thereto, as a further step towards fulfilling its pledge to advance human rights',
      ),
    ).toEqual(['uncat:ratify-accede']);
    // 01-05:1221: "the Optional Protocols to the Convention against Torture and the CEDAW"
    expect(
      links(
        'Consider ratifying the Rome Statute of the International Criminal Court, the Convention for the Protection of All Persons against Enforced Disappearance, the Convention on the Rights of Persons with Disabilities and the Optional Protocols to the Convention against Torture and the Convention on the Elimination of All Forms of Discrimination against Women',
      ),
    ).toEqual(['opcat:ratify-accede', 'rome-statute:ratify-accede']);
    // 01-05:2292: already ratified, only the NPM is asked
    expect(
      links(
        'Be one of the countries contributing to best practices of the Human Rights Council by speeding up with the establishment of national preventive mechanisms, following the recent ratification of the Optional Protocol to the Convention against Torture and Other Cruel, Inhuman or Degrading Treatment or Punishment',
      ),
    ).toEqual(['opcat:implement-national-law']);
  });

  it('several instruments in one recommendation give several links', () => {
    expect(links('Ratify the CPED, OP-CAT and the Rome Statue of the ICC ')).toEqual(['opcat:ratify-accede', 'rome-statute:ratify-accede']); // 10-13:2439
    expect(
      links(
        'Ratify the Rome Statute of the ICC and the Agreement on the Privileges and Immunities of ICC and to fully align its national legislation with all the obligations under the Statute ',
      ),
    ).toEqual(['apic:ratify-accede', 'rome-statute:implement-national-law', 'rome-statute:ratify-accede']); // 14-17:7353
  });

  it('an instrument named without one of the five actions is linked with no action', () => {
    // 18-20:1998
    expect(
      links(
        'Intensify public education campaigns to counter structural racism, racial discrimination, xenophobia and other forms of intolerance and punish perpetrators of racist acts, taking into account the fact that Costa Rica is a State party to the Convention on the Prevention and Punishment of the Crime of Genocide and the Rome Statute ',
      ),
    ).toEqual(['rome-statute']);
    expect(
      links('Request the Sub-committee on the Prevention of Torture to publicly release the report of its September 2011 visit'),
    ).toEqual(['opcat']); // 10-13:939
  });
});

describe('tricky negatives (real texts)', () => {
  it.each([
    ['other treaties', 'Ratify the Optional Protocol to the Convention on the Elimination of All Forms of Discrimination against Women '], // 18-20:779
    [
      'OP to the CRC',
      'Consider ratifying the Optional Protocol to the Convention on the Rights of the Child (CRC) on the involvement of children in armed conflict.',
    ], // 01-05:1266
    ['CED', 'Ratify the International Convention for the Protection of All Persons from Enforced Disappearance.'], // 01-05:4732
    ['ICCPR, not ICC', 'Accede to ICCPR and ICESCR '], // 10-13:6478
    [
      'ICCPR art. 22, not UNCAT art. 22',
      'Recommended the withdrawal of the reservation on article 22 of the International Covenant on Civil and Political Rights within a specific timeframe. ',
    ], // 01-05:4247
    [
      'UNTOC',
      'Consider ratification of the Protocol to Prevent, Suppress and Punish Trafficking in Persons, Especially Women and Children, supplementing the United Nations Convention against Transnational Organized Crime ',
    ], // 10-13:5791
    [
      'torture investigations only',
      'Investigate all allegations with respect to torture and inhuman and degrading treatment by Afghan National Police and the National Directorate of Security.',
    ], // 01-05:7
    ['criminalise torture, Convention not named', 'Criminalize torture and enforced disappearances in line with international standards '], // 10-13:3926
    [
      'definition per the ICCPR',
      'Take measures to include a definition of torture in line with article 7 of the International Covenant on Civil and Political Rights in domestic legislation.',
    ], // 01-05:548
    [
      'Special Rapporteur on torture',
      'Issue an open and standing invitation to all special procedures, particularly to the Special Rapporteur on Torture and Other Cruel, Inhuman or Degrading Punishment or Treatment',
    ], // 06-09:2578
    [
      'European CPT',
      'Fully address the concerns published in the 4 November report of the European Committee for the Prevention of Torture and Inhuman or Degrading Treatment or Punishment.',
    ], // 01-05:3000
    ['generic core treaties', 'Sign and ratify remaining core international human rights instruments'], // 10-13:7084
    [
      'instruments named only by a paragraph of the national report',
      'Continue to take appropriate measures at the national level with a view to ratifying international human rights instruments, notably those mentioned in paragraph 158 of the national report, including the Convention on the Rights of Persons with Disabilities',
    ],
    [
      'NHRI accreditation by the "ICC"',
      'Consider establishing an independent national human rights institution accredited by ICC and in conformity with the Paris Principles ',
    ], // 10-13:4473
    [
      'NHRI accreditation, "International Criminal Court" written by mistake',
      'Set up a national human rights institution accredited by the International Criminal Court',
    ], // 06-09:160
    ['ICTY', 'Continue to make every effort to ensure full cooperation with the International Criminal Tribunal for the Former Yugoslavia'], // 01-05:4709
    ['ICJ', 'Comply with the provisional measures prescribed by the International Court of Justice'], // 01-05:4322
    [
      'national criminal courts',
      'Change its domestic laws to make confessions obtained under torture inadmissible as evidence in criminal court proceedings against the person who confessed.',
    ], // 01-05:5251
    [
      'Kampala Convention (IDPs)',
      'Consider ratifying the Kampala Convention and drawing up a plan of action for internally displaced persons ',
    ], // 18-20:4071
    [
      'aggression against journalists',
      'Intensify its efforts made to investigate practices of harassment and aggression against journalists and lawyers and punish their perpetrators ',
    ], // 01-05:4406
    [
      'ICERD art. 8 amendment (Slovenia)',
      'Expedite the process of ratification of the amendment toarticle8 of the International Convention on the Elimination of All Forms of Racial Discrimination (Belgium);',
    ], // slovenia:5
    ['Genocide Convention', 'Ratify the Convention on the Prevention and Punishment of the Crime of Genocide'], // 01-05:964
  ])('%s', (_name, text) => {
    expect(linkRecommendation(text)).toEqual([]);
  });
});

describe('amendments with no real UPR text in the sources (constructed texts)', () => {
  // The sources stop in 2014 (Slovenia aside, whose lists name none of them), so these texts are
  // constructed in the sources' style. They check the patterns, not the labelled sample.
  it.each([
    ['Ratify the 2017 amendments to the Rome Statute', ['rs-art8-2017-biological', 'rs-art8-2017-fragments', 'rs-art8-2017-lasers']],
    [
      'Ratify the amendment to article 8 of the Rome Statute on weapons which use microbial or other biological agents',
      ['rs-art8-2017-biological'],
    ],
    ['Accept the amendment to the Rome Statute on weapons injuring by non-detectable fragments', ['rs-art8-2017-fragments']],
    ['Ratify the amendment to article 8 of the Rome Statute on blinding laser weapons', ['rs-art8-2017-lasers']],
    [
      'Ratify the 2019 amendment to the Rome Statute on starvation of civilians in non-international armed conflicts',
      ['rs-art8-2019-starvation'],
    ],
    ['Ratify the amendment deleting article 124 of the Rome Statute', ['rs-art124-2015']],
    ['Ratify the amendment to article 8 of the Rome Statute adopted in Kampala', ['rs-art8-2010']],
  ])('%s', (text, ids) => {
    expect(linkRecommendation(text)).toEqual(ids.map((instrumentId) => ({ instrumentId, actions: ['ratify-accede'] })));
  });
});

// ---------------------------------------------------------------------------------------------
// The labelled sample

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');
const SAMPLE = join(repoRoot, 'data/labels/upr-linking-sample.csv');
const RAW = join(repoRoot, 'data/raw/upr');

interface Row {
  source_file: string;
  line: string;
  text: string;
  instruments: string;
  actions: string;
  note: string;
  links: string;
  stratum: string;
}
const split = (s: string) => s.split('|').filter(Boolean);
const rows = parse(readFileSync(SAMPLE, 'utf8'), { columns: true, bom: true, skip_empty_lines: true }) as Row[];

interface Score {
  tp: number;
  fp: number;
  fn: number;
}
const precision = (s: Score) => (s.tp + s.fp === 0 ? 1 : s.tp / (s.tp + s.fp));
const recall = (s: Score) => (s.tp + s.fn === 0 ? 1 : s.tp / (s.tp + s.fn));

/** Instrument-level and pair-level scores over some rows. */
function scoreRows(subset: Row[]) {
  const perInstrument = new Map<string, Score>(INSTRUMENT_IDS.map((id) => [id, { tp: 0, fp: 0, fn: 0 }]));
  const perAction = new Map<string, Score>(UPR_LINK_ACTIONS.map((a) => [a, { tp: 0, fp: 0, fn: 0 }]));
  for (const r of subset) {
    const predicted = linkRecommendation(r.text);
    const gotInstruments = new Set<string>(predicted.map((l) => l.instrumentId));
    const expInstruments = new Set(split(r.instruments));
    for (const [id, s] of perInstrument) {
      if (expInstruments.has(id) && gotInstruments.has(id)) s.tp++;
      else if (gotInstruments.has(id)) s.fp++;
      else if (expInstruments.has(id)) s.fn++;
    }
    const exp = new Set(split(r.links).filter((l) => l.includes(':')));
    const got = new Set(toPairs(predicted).flatMap((p) => (p.action ? [`${p.instrumentId}:${p.action}`] : [])));
    for (const p of new Set([...exp, ...got])) {
      const s = perAction.get(p.split(':')[1]!)!;
      if (exp.has(p) && got.has(p)) s.tp++;
      else if (got.has(p)) s.fp++;
      else s.fn++;
    }
  }
  return { perInstrument, perAction };
}

describe('labelled sample (data/labels/upr-linking-sample.csv)', () => {
  it('has at least 350 rows, consistent columns and known ids', () => {
    expect(rows.length).toBeGreaterThanOrEqual(350);
    for (const r of rows) {
      const l = split(r.links);
      const ids = [...new Set(l.map((x) => x.split(':')[0]!))].sort();
      const acts = [...new Set(l.flatMap((x) => x.split(':')[1] ?? []))].sort();
      expect([...split(r.instruments)].sort(), `${r.source_file}:${r.line}`).toEqual(ids);
      expect([...split(r.actions)].sort(), `${r.source_file}:${r.line}`).toEqual(acts);
      for (const id of ids) expect(INSTRUMENT_IDS as readonly string[]).toContain(id);
      for (const a of acts) expect(UPR_LINK_ACTIONS as readonly string[]).toContain(a);
    }
  });

  it.skipIf(!existsSync(RAW))(
    'copies every text verbatim from the raw file at the recorded line',
    () => {
      const files = new Map<string, Map<number, string>>();
      for (const r of rows) {
        if (!files.has(r.source_file)) {
          // The 2018 UPR Info export: semicolons, original header; a record there can span lines.
          const is2018 = r.source_file.startsWith('upr-info-export_2018');
          const column = r.source_file.startsWith('slovenia') ? 'recommendation_text' : is2018 ? 'Recommendation' : 'Text';
          const raw = parse(readFileSync(join(RAW, r.source_file), 'utf8'), {
            columns: true,
            bom: true,
            delimiter: is2018 ? ';' : ',',
            info: true,
          }) as {
            record: Record<string, string>;
            info: { lines: number };
          }[];
          // The line a record starts on: the header is line 1, each record starts after the one before ends.
          const byLine = new Map<number, string>();
          raw.reduce((endOfPrevious, { record, info }) => (byLine.set(endOfPrevious + 1, record[column] ?? ''), info.lines), 1);
          files.set(r.source_file, byLine);
        }
        expect(files.get(r.source_file)!.get(Number(r.line)), `${r.source_file}:${r.line}`).toBe(r.text);
      }
      // Parsing nine raw files of 2 MB each takes seconds on a loaded machine.
    },
    60_000,
  );

  const report = (label: string, s: Score) =>
    `${label.padEnd(36)} P ${(100 * precision(s)).toFixed(1)}%  R ${(100 * recall(s)).toFixed(1)}%  support ${s.tp + s.fn}`;

  it('ratify-accede pairs (instrument + ratify-accede): precision >= 0.95, recall >= 0.90', () => {
    const { perAction } = scoreRows(rows);
    const s = perAction.get('ratify-accede')!;
    console.log(report('ratify-accede pairs (whole sample)', s));
    expect(s.tp + s.fn).toBeGreaterThan(100);
    expect(precision(s)).toBeGreaterThanOrEqual(0.95);
    expect(recall(s)).toBeGreaterThanOrEqual(0.9);
  });

  it('the same on the hold-out rows, labelled after the rules were written and never tuned on', () => {
    const holdout = rows.filter((r) => r.stratum.startsWith('holdout'));
    expect(holdout.length).toBeGreaterThanOrEqual(100);
    const s = scoreRows(holdout).perAction.get('ratify-accede')!;
    console.log(report('ratify-accede pairs (hold-out)', s));
    expect(precision(s)).toBeGreaterThanOrEqual(0.95);
    expect(recall(s)).toBeGreaterThanOrEqual(0.9);
  });

  it('the same on the 160 rows of sessions 21-27 (UPR Info export of 2018), labelled before the linker was run on them', () => {
    const from2018 = rows.filter((r) => r.stratum.startsWith('holdout-2018'));
    expect(from2018).toHaveLength(160);
    const s = scoreRows(from2018).perAction.get('ratify-accede')!;
    console.log(report('ratify-accede pairs (sessions 21-27)', s));
    expect(s.tp + s.fn).toBeGreaterThanOrEqual(60);
    expect(precision(s)).toBeGreaterThanOrEqual(0.95);
    expect(recall(s)).toBeGreaterThanOrEqual(0.9);
  });

  it('other actions: precision >= 0.85 and recall >= 0.80 (figures reported)', () => {
    const { perAction } = scoreRows(rows);
    for (const [action, s] of perAction) {
      console.log(report(action, s));
      expect(s.tp + s.fn, action).toBeGreaterThanOrEqual(20);
      expect(precision(s), action).toBeGreaterThanOrEqual(0.85);
      expect(recall(s), action).toBeGreaterThanOrEqual(0.8);
    }
  });

  it('instruments: precision >= 0.95 and recall >= 0.90 for every instrument with support', () => {
    const { perInstrument } = scoreRows(rows);
    for (const [id, s] of perInstrument) {
      if (s.tp + s.fn === 0) {
        // The 2015/2017/2019 amendments appear in no source text: only false positives can be checked.
        expect(s.fp, id).toBe(0);
        continue;
      }
      console.log(report(id, s));
      expect(precision(s), id).toBeGreaterThanOrEqual(0.95);
      expect(recall(s), id).toBeGreaterThanOrEqual(0.9);
    }
  });
});
