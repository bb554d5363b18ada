import { stringify } from 'csv-stringify/sync';
import { describe, expect, it } from 'vitest';
import { rawUpr, states } from './test-support.js';
import {
  excelSerialToIsoDate,
  parseUhriExportCsv,
  parseUhriJson,
  topLevelValueLines,
  UHRI_EXPORT_HEADERS,
  uhriList,
  uhriSingle,
} from './uhri.js';

const options = { sourceId: 'uhri-test', states };

/**
 * No real UHRI export with UPR rows is bundled (data/README.md), so these rows are made up in the
 * documented layout: the real header file, cells with "- " and one value per line, Excel serial
 * dates, "48 Session". The texts are copied from the Slovenia list; the annotation ids are fake.
 */
const header = rawUpr('format-sample_uhri-export-xlsx_column-headers.csv').trim().split(',');
const row = (cells: Partial<Record<(typeof UHRI_EXPORT_HEADERS)[number], string>>) =>
  header.map((h) => cells[h as keyof typeof cells] ?? '');
const upr = {
  Text: '140.7 Ratify the Optional Protocol to the International Covenant on Economic, Social and Cultural Rights (Maldives) (Portugal);',
  'Countries Concerned': '- Slovenia',
  'Reccomending Body': '- UPR',
  'Document Symbol': 'A/HRC/59/15',
  Themes:
    '- Ratification of & accession to international instruments\n- Economic, social & cultural rights - general measures of implementation',
  'Affected Persons': '- Public officials',
  Sdgs: '- 1 - NO POVERTY\n- 2 - ZERO HUNGER',
  'Document Publication Date': '45755',
  'UPR Reccomending States': '- Maldives\n- Portugal',
  'UPR Position': '- Supported',
  Type: '- Recommendations',
  'OHCHR Annotation Id': '00000000-0000-4000-8000-000000000001',
  'UPR Session': '- 48 Session',
  'Regions Concerned': '- Eastern European States',
  'Recommending Regions': '- Asia-Pacific States\n- Western European and other States',
  'Date of publication on UHRI': '45800.4996282407',
};
const csv = stringify([
  header,
  row(upr), // lines 2-6 (four cells with two values each)
  row({
    Text: 'Rural women 49.The Committee notes with concern',
    'Countries Concerned': '- Iraq',
    'Reccomending Body': '- CEDAW',
    Type: '- Concerns/Observations',
  }), // line 7
  row({
    ...upr,
    Text: '140.9 Consider acceding to the Optional Protocol (Rwanda);',
    'Countries Concerned': "- Côte d'Ivoire",
    'UPR Reccomending States': '- Rwanda',
    'UPR Position': '- Supported\n- Noted',
    'UPR Session': '- 47 Session',
    Themes: '',
    Sdgs: '',
    'Affected Persons': '',
    'OHCHR Annotation Id': '',
  }), // lines 8-10
  row({ ...upr, 'Countries Concerned': '- Atlantis', Themes: '', Sdgs: '', 'UPR Reccomending States': '- Spain' }), // lines 11-12
  row({ ...upr, 'UPR Session': '', Themes: '', Sdgs: '', 'UPR Reccomending States': '- Spain' }), // lines 13-14
  row({ ...upr, Themes: '', Sdgs: '', 'UPR Reccomending States': '- Sovereign Order of Malta' }), // lines 15-16
]);

describe('UHRI cell helpers', () => {
  it('strips the "- " of single values and splits multi-value cells by line', () => {
    expect(uhriSingle('- UPR')).toBe('UPR');
    expect(uhriSingle('A/HRC/59/15')).toBe('A/HRC/59/15');
    expect(uhriSingle('  ')).toBeNull();
    expect(uhriList('- Women & girls\r\n- Children\n')).toEqual(['Women & girls', 'Children']);
    expect(uhriList(['Disappeared persons', '- Youth & juveniles'])).toEqual(['Disappeared persons', 'Youth & juveniles']);
  });

  it('reads Excel serial dates, with or without a time of day, and ISO dates', () => {
    expect(excelSerialToIsoDate('45292')).toBe('2024-01-01');
    expect(excelSerialToIsoDate('46125.4996282407')).toBe('2026-04-13');
    expect(excelSerialToIsoDate('2025-02-12T00:00:00')).toBe('2025-02-12');
    expect(excelSerialToIsoDate('')).toBeNull();
    expect(excelSerialToIsoDate('12 Feb 2025')).toEqual({ error: 'date "12 Feb 2025" is neither an Excel serial number nor an ISO date' });
  });
});

describe('parseUhriExportCsv (the "Export to Excel" layout)', () => {
  const result = parseUhriExportCsv(csv, options);

  it('accepts the bundled 16-column header and reports none missing', () => {
    expect(header).toEqual([...UHRI_EXPORT_HEADERS]);
    expect(parseUhriExportCsv(`${header.join(',')}\n`, options)).toEqual({ records: [], rejected: [], unresolved: [], skipped: 0 });
  });

  it('turns a UPR row into a recommendation, paragraph taken off the text', () => {
    expect(result.records[0]).toMatchObject({
      id: expect.stringMatching(/^uhri:48:SVN:[0-9a-f]{10}$/),
      reviewId: 'SVN-48',
      cycle: 4,
      paragraph: '140.7',
      text: 'Ratify the Optional Protocol to the International Covenant on Economic, Social and Cultural Rights (Maldives) (Portugal);',
      recommendingStates: [
        { iso3: 'MDV', nameAsRecorded: 'Maldives' },
        { iso3: 'PRT', nameAsRecorded: 'Portugal' },
      ],
      response: 'supported',
      responseAsRecorded: 'Supported',
      themes: [
        'Ratification of & accession to international instruments',
        'Economic, social & cultural rights - general measures of implementation',
      ],
      sdgs: ['1 - NO POVERTY', '2 - ZERO HUNGER'],
      affectedPersons: ['Public officials'],
      documentSymbol: 'A/HRC/59/15',
      documentDate: '2025-04-08',
      externalId: '00000000-0000-4000-8000-000000000001',
      sourceLine: 2,
    });
  });

  it('records a supported-and-noted position as split', () => {
    expect(result.records[1]).toMatchObject({
      stateUnderReviewIso3: 'CIV',
      session: 47,
      response: 'split',
      responseAsRecorded: 'Supported / Noted',
      sourceLine: 8,
    });
  });

  it('skips rows of other mechanisms without refusing them', () => {
    expect(result.skipped).toBe(1);
  });

  it('refuses an unknown State under review and a missing session, keeps an unknown recommending entity', () => {
    expect(result.rejected).toEqual([
      { line: 11, reason: 'unknown State under review "Atlantis"' },
      { line: 13, reason: 'missing session number' },
    ]);
    expect(result.unresolved).toEqual([{ line: 15, name: 'Sovereign Order of Malta' }]);
    expect(result.records[2]?.recommendingStates).toEqual([{ iso3: null, nameAsRecorded: 'Sovereign Order of Malta' }]);
  });

  it('refuses a file that is not a UHRI export', () => {
    expect(parseUhriExportCsv('Text,Countries\n', options).rejected[0]?.reason).toMatch(
      /^not a UHRI export header; missing: Countries Concerned, Reccomending Body, /,
    );
  });
});

describe('parseUhriJson (the full JSON export)', () => {
  const sample = rawUpr('format-sample_uhri-export-full-en-json_one-record.json');

  it('skips the bundled treaty-body record, refusing nothing', () => {
    expect(parseUhriJson(sample, options)).toEqual({ records: [], rejected: [], unresolved: [], skipped: 1 });
  });

  it('reads a UPR record with its line, position list and cycle', () => {
    const base = JSON.parse(sample)[0];
    const uprRecord = {
      ...base,
      AnnotationType: '- Recommendations',
      Body: '- UPR',
      Countries: ['Slovenia'],
      Symbol: 'A/HRC/59/15',
      Text: upr.Text,
      UprCycle: 4,
      UprPositions: ['Supported', 'Noted'],
      UprRecommendingCountry: ['Maldives', 'Portugal'],
      UprSession: ['48 Session'],
    };
    const text = JSON.stringify([base, uprRecord, { ...uprRecord, UprCycle: 3 }], null, 1);
    const lines = text.split('\n');
    const result = parseUhriJson(text, options);
    expect(result.skipped).toBe(1);
    expect(result.records).toHaveLength(1);
    const [record] = result.records;
    expect(record).toMatchObject({
      reviewId: 'SVN-48',
      paragraph: '140.7',
      response: 'split',
      documentDate: '2025-02-12',
      externalId: base.AnnotationId,
    });
    expect(lines[record!.sourceLine - 1]).toBe(' {');
    expect(lines[record!.sourceLine]).toContain('"AffectedPersons"');
    expect(result.rejected).toEqual([{ line: expect.any(Number), reason: 'UPR cycle "3" does not match session 48 (cycle 4)' }]);
    expect(result.rejected[0]!.line).toBeGreaterThan(record!.sourceLine);
  });

  it('finds where each element of a top-level array starts, skipping brackets inside strings', () => {
    expect(topLevelValueLines('[\n {"a": "[{"},\n {"b": [1, {"c": 2}]},\n 3\n]')).toEqual([2, 3, 4]);
    expect(topLevelValueLines('[{"a":1},{"b":"x\\"]"}]')).toEqual([1, 1]);
  });

  it('refuses text that is not a JSON array', () => {
    expect(parseUhriJson('{"a": 1}', options).rejected).toEqual([{ line: 1, reason: 'expected a JSON array of records' }]);
    expect(parseUhriJson('[{', options).rejected[0]?.reason).toMatch(/^not readable as JSON/);
  });
});
