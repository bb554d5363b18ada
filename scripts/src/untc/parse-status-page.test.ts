import { readFileSync } from 'node:fs';
import { parse as parseCsv } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { rawPath } from '../normalise/paths.js';
import {
  findUntcDates,
  PAGE_SHAPE_LIMITS,
  pageShapeProblem,
  parseStatusPage,
  parseUntcDate,
  statusPageToEvents,
  type UntcStatusPage,
} from './parse-status-page.js';
import { stateNames } from './state-names.js';

const page = (file: string): UntcStatusPage => parseStatusPage(readFileSync(rawPath(`treaties/raw/untc-html/${file}`), 'utf8'));
const csv = (file: string) => parseCsv(readFileSync(rawPath(file), 'utf8'), { columns: true }) as Record<string, string>[];
const names = stateNames(csv('states/states.csv').map((s) => ({ iso3: s.iso3!, nameEn: s.name_en! })));

describe('parseUntcDate', () => {
  it.each([
    ['4 Feb 1985', '1985-02-04'],
    ['17 Apr\t 2018', '2018-04-17'],
    ['\u00a01 Oct 2003', '2003-10-01'],
    ['22 November 2006', '2006-11-22'],
    ['31 Apr 2020', null],
    ['Feb 1985', null],
  ])('reads %j as %j', (text, expected) => expect(parseUntcDate(text)).toBe(expected));

  it('finds every date in a sentence, in order', () => {
    expect(findUntcDates('On 24 June 1992 and 25 June 1999, respectively, ...')).toEqual(['1992-06-24', '1999-06-25']);
  });
});

describe('parseStatusPage on a minimal page', () => {
  const html = `<div id="x_div3">STATUS AS AT : 01-02-2024 10:00:00 EDT</div>
    <div id="x_rptTreaty_ctl00_tcTreaty">9. c<br>Some Protocol</div>
    <div id="x_rptTreaty_ctl00_tcText">Geneva, 1 March 2001</div>
    <div id="x_rptEIF_ctl00_tcText">2 April 2002, in accordance with article 9.</div>
    <div id="x_rptStatus_ctl00_tcText">Signatories : 2. Parties : 3</div>
    <table id="x_tblgrid"><tr><td>Participant</td><td>Signature</td><td>Consent</td></tr>
      <tr><td>Alpha <SUP><A href='#1'>1</A>, <A href='#2'>2</A></SUP><br></td><td>3 Mar&nbsp;2001</td><td>4 Apr 2002 AA<br></td></tr>
      <tr><td>Beta<br></td><td>&nbsp;</td><td>5 May 2003 A</td></tr>
      <tr><td>Gamma<br></td><td>6 Jun 2004 d</td><td>&nbsp;</td></tr></table>`;
  const parsed = parseStatusPage(html);

  it('reads the header', () => {
    expect(parsed).toMatchObject({
      statusAsAt: '2024-02-01',
      treatyNumber: '9. c',
      title: 'Some Protocol',
      concluded: { place: 'Geneva', date: '2001-03-01' },
      entryIntoForce: { date: '2002-04-02' },
      counts: { signatories: 2, parties: 3 },
    });
  });

  it('reads suffixes and footnote markers', () => {
    expect(parsed.participants).toEqual([
      expect.objectContaining({
        name: 'Alpha',
        footnotes: ['1', '2'],
        signature: '2001-03-03',
        consent: '2002-04-04',
        consentKind: 'approval',
      }),
      expect.objectContaining({ name: 'Beta', signature: null, consent: '2003-05-05', consentKind: 'acceptance' }),
      expect.objectContaining({
        name: 'Gamma',
        signature: '2004-06-06',
        signatureKind: 'succession-to-signature',
        consent: null,
        consentKind: null,
      }),
    ]);
  });

  it('fails loudly on a cell it cannot read', () => {
    expect(() => parseStatusPage(html.replace('5 May 2003 A', '5 Mayo 2003 x'))).toThrow(/Beta consent: cannot read/);
  });
});

describe('parseStatusPage: UNCAT (IV-9), status as at 3 February 2026', () => {
  let uncat: UntcStatusPage;
  beforeAll(() => {
    uncat = page('IV-9_uncat_2026-02-03.html');
  });

  it('reads the status line, header counts and entry into force', () => {
    expect(uncat.statusAsAt).toBe('2026-02-03');
    expect(uncat.counts).toEqual({ signatories: 83, parties: 175 });
    expect(uncat.entryIntoForce.date).toBe('1987-06-26');
    expect(uncat.concluded).toMatchObject({ place: 'New York', date: '1984-12-10' });
  });

  it('finds 175 parties and 4 signature-only States', () => {
    expect(uncat.participants.filter((p) => p.consent !== null)).toHaveLength(175);
    expect(uncat.participants.filter((p) => p.consent === null).map((p) => p.name)).toEqual([
      'Brunei Darussalam',
      'Haiti',
      'India',
      'Palau',
    ]);
    expect(uncat.participants.filter((p) => p.signature !== null)).toHaveLength(83);
  });

  it('reads Tuvalu as an accession on 25 March 2024 and the Czech Republic as a succession', () => {
    expect(uncat.participants.find((p) => p.name === 'Tuvalu')).toMatchObject({ consent: '2024-03-25', consentKind: 'accession' });
    expect(uncat.participants.find((p) => p.name === 'Czech Republic')).toMatchObject({
      consent: '1993-02-22',
      consentKind: 'succession',
      footnotes: ['7'],
    });
  });

  it('agrees with every row of uncat_participants.csv', () => {
    const rows = csv('treaties/uncat_participants.csv');
    expect(uncat.participants).toHaveLength(rows.length);
    for (const row of rows) {
      const p = uncat.participants.find((x) => names.resolve(x.name) === row.iso3);
      expect(p, row.iso3).toBeDefined();
      expect([p!.signature ?? '', p!.consent ?? '', p!.consentKind ?? '']).toEqual([
        row.signature_date,
        row.consent_date,
        row.consent_type,
      ]);
    }
  });

  it('keeps the declaration sections and end notes', () => {
    expect(uncat.sections.map((s) => [s.kind, s.blocks.length])).toEqual([
      ['declarations-and-reservations', 58],
      ['objections', 26],
      ['declarations-under-articles', 75],
    ]);
    expect(uncat.endNotes).toHaveLength(33);
    const sanMarino = uncat.sections[2]!.blocks.find((b) => b.participant === 'San Marino')!;
    expect(sanMarino.segments.map((s) => s.date)).toEqual(['2015-08-04', '2015-08-04']);
  });
});

describe('statusPageToEvents: UNCAT', () => {
  const uncat = page('IV-9_uncat_2026-02-03.html');
  const { events, skipped } = statusPageToEvents(uncat, {
    instrumentId: 'uncat',
    sourceId: 'untc-iv-9-2026-02-03',
    sourceUrl: null,
    names,
  });
  const rows = csv('treaties/uncat_participants.csv');
  const of = (kind: string, article?: string) => events.filter((e) => e.kind === kind && (article === undefined || e.article === article));

  it('has 70 art. 22 and 63 art. 21 declarants, the same States as the hand-coded file', () => {
    expect(of('declaration', '22')).toHaveLength(70);
    expect(of('declaration', '21')).toHaveLength(63);
    const fromCsv = (column: string) =>
      rows
        .filter((r) => r[column] === 'yes')
        .map((r) => r.iso3)
        .sort();
    expect(
      of('declaration', '22')
        .map((e) => e.stateIso3)
        .sort(),
    ).toEqual(fromCsv('art22_individual_declaration'));
    expect(
      of('declaration', '21')
        .map((e) => e.stateIso3)
        .sort(),
    ).toEqual(fromCsv('art21_interstate_declaration'));
  });

  it('dates declarations as printed, else by the instrument they were made with', () => {
    expect(events.find((e) => e.id === 'uncat:HND:declaration:2024-07-22:art22')).toBeDefined();
    // Ukraine's declarations are only in end note 18, made on 12 September 2003.
    expect(events.find((e) => e.id === 'uncat:UKR:declaration:2003-09-12:art21')?.note).toMatch(/end note 18/);
    // Algeria prints no date: its ratification date (12 Sep 1989) is used, and the note says so.
    expect(events.find((e) => e.stateIso3 === 'DZA' && e.article === '22')).toMatchObject({
      date: '1989-09-12',
      note: expect.stringMatching(/made upon ratification/),
    });
  });

  it('finds the 18 art. 28(1) reservations still in force and the 13 withdrawn, with their withdrawal dates', () => {
    const withdrawn = new Map(of('reservation-withdrawn', '28(1)').map((e) => [e.stateIso3, e.date]));
    const inForce = of('reservation', '28(1)')
      .map((e) => e.stateIso3)
      .filter((iso3) => !withdrawn.has(iso3))
      .sort();
    expect(inForce).toEqual(
      rows
        .filter((r) => r.art20_competence === 'not_recognized')
        .map((r) => r.iso3)
        .sort(),
    );
    const expected = rows.filter((r) => r.art20_competence === 'opt_out_withdrawn').map((r) => [r.iso3, r.art20_change_date]);
    expect(expected).toHaveLength(13);
    expect(Object.fromEntries(withdrawn)).toEqual(Object.fromEntries(expected));
  });

  it('records Cuba and Indonesia as art. 20 declarations, not as art. 28(1) reservations', () => {
    expect(
      of('declaration', '20')
        .map((e) => e.stateIso3)
        .sort(),
    ).toEqual(['CUB', 'IDN']);
  });

  it('skips only the former Yugoslavia, which is not in the registry', () => {
    expect(skipped).toEqual([{ participant: 'Yugoslavia (former)', reason: 'declaration of a former State' }]);
  });

  it('gives every event a unique, stable id and the depositary attestation', () => {
    expect(new Set(events.map((e) => e.id)).size).toBe(events.length);
    expect(new Set(events.map((e) => e.attestation))).toEqual(new Set(['depositary']));
  });
});

describe('parseStatusPage and statusPageToEvents: OPCAT (IV-9-b)', () => {
  const opcat = page('IV-9-b_opcat_2026-02-03.html');
  const { events } = statusPageToEvents(opcat, { instrumentId: 'opcat', sourceId: 'untc-iv-9-b-2026-02-03', sourceUrl: null, names });

  it('reads 96 parties and 11 signature-only States', () => {
    expect(opcat.counts).toEqual({ signatories: 76, parties: 96 });
    expect(opcat.participants.filter((p) => p.consent)).toHaveLength(96);
    expect(opcat.participants.filter((p) => !p.consent)).toHaveLength(11);
  });

  it('reads Colombia as an accession on 10 November 2025', () => {
    expect(events.find((e) => e.stateIso3 === 'COL' && e.kind === 'accession')?.date).toBe('2025-11-10');
  });

  it('reads Montenegro’s succession to signature ("d")', () => {
    expect(opcat.participants.find((p) => p.name === 'Montenegro')).toMatchObject({
      signature: '2006-10-23',
      signatureKind: 'succession-to-signature',
    });
    expect(events.find((e) => e.id === 'opcat:MNE:signature:2006-10-23')?.note).toMatch(/Succession to signature/);
  });

  it('finds the 8 art. 24 postponements the hand-coded file lists', () => {
    const declared = csv('treaties/opcat_participants.csv')
      .filter((r) => r.art24_postponement_declared === 'yes')
      .map((r) => r.iso3)
      .sort();
    expect(
      events
        .filter((e) => e.article === '24')
        .map((e) => e.stateIso3)
        .sort(),
    ).toEqual(declared);
    expect(declared).toHaveLength(8);
  });
});

describe('pages not shaped like a status page', () => {
  const status = '<div>STATUS AS AT : 03-02-2026</div>';

  it('are refused before node-html-parser sees them: 40 kB of tags left open took it a minute', () => {
    expect(() => parseStatusPage(`<html><body>${status}${'<div>x '.repeat(6000)}</html>`)).toThrow(
      /^the page is not shaped like a UNTC status page \(elements nested more than 500 deep; a real page has far fewer\): is it the right file\?$/,
    );
    expect(() => parseStatusPage(`<html><body>${status}<div>${'x<br>'.repeat(600)}</div></html>`)).toThrow(
      /an element has more than 1000 children/,
    );
    expect(() => parseStatusPage(`<html><body>${status}${'<p>text '.repeat(450)}</html>`)).toThrow(/too many tags are never closed/);
    // The text of a script is skipped to its end, whatever its case, and the tags after it counted.
    expect(() => parseStatusPage(`<html><body>${status}<script>if (a<b) x()</SCRIPT>${'<p>text '.repeat(450)}</html>`)).toThrow(
      /too many tags are never closed/,
    );
    // "</a>" does not close "<A>" in node-html-parser, so neither does it here.
    expect(() => parseStatusPage(`<html><body>${status}${'<A>x</a>'.repeat(450)}</html>`)).toThrow(/too many tags are never closed/);
  });

  it('the real pages are within half of every limit', () => {
    const half = Object.fromEntries(Object.entries(PAGE_SHAPE_LIMITS).map(([k, v]) => [k, v / 2])) as typeof PAGE_SHAPE_LIMITS;
    for (const file of ['IV-9_uncat_2026-02-03.html', 'IV-9-b_opcat_2026-02-03.html']) {
      expect(pageShapeProblem(readFileSync(rawPath(`treaties/raw/untc-html/${file}`), 'utf8'), half)).toBeNull();
    }
  });
});
