import { describe, expect, it } from 'vitest';
import { rawUpr, replaceLine, states } from './test-support.js';
import { parseThematicListCsv, THEMATIC_LIST_COLUMNS } from './thematic-list.js';

const FILE = 'slovenia_upr-recommendations_cycles2-4_ohchr-thematic-lists.csv';
const text = rawUpr(FILE);
const parse = (t: string) => parseThematicListCsv(t, { sourceId: 'ohchr-tl-test', states });
const { records, rejected, unresolved } = parse(text);
const ofSession = (session: number) => records.filter((r) => r.session === session);

describe('parseThematicListCsv on the Slovenia lists of cycles 2-4', () => {
  it('reads all 632 recommendations without a refusal or an unknown State', () => {
    expect(rejected).toEqual([]);
    expect(unresolved).toEqual([]);
    expect(records).toHaveLength(632);
  });

  it.each([
    [20, 2, 163, 142, 21, 'A/HRC/28/15'],
    [34, 3, 215, 182, 33, 'A/HRC/43/15'],
    [48, 4, 254, 217, 37, 'A/HRC/59/15'],
  ])(
    'session %i (cycle %i): %i recommendations, %i supported, %i noted, WG report %s',
    (session, cycle, total, supported, noted, symbol) => {
      const list = ofSession(session);
      expect(list).toHaveLength(total);
      expect(list.filter((r) => r.response === 'supported')).toHaveLength(supported);
      expect(list.filter((r) => r.response === 'noted')).toHaveLength(noted);
      expect(new Set(list.map((r) => [r.cycle, r.documentSymbol, r.reviewId].join(' ')))).toEqual(
        new Set([`${cycle} ${symbol} SVN-${session}`]),
      );
    },
  );

  it('keeps paragraph, every recommending State, position and where it was given', () => {
    expect(records.find((r) => r.session === 20 && r.paragraph === '115.4')).toMatchObject({
      text: 'Ratify the Optional Protocol to the Covenant on Economic, Social and Cultural Rights (Spain, Tunisia, Portugal);',
      recommendingStates: [
        { iso3: 'ESP', nameAsRecorded: 'Spain' },
        { iso3: 'TUN', nameAsRecorded: 'Tunisia' },
        { iso3: 'PRT', nameAsRecorded: 'Portugal' },
      ],
      response: 'supported',
      responseAsRecorded: 'Supported',
      responseSource: 'A/HRC/28/15/Add.1 - Para. 3',
      themes: ['A12 Acceptance of international norms'],
      affectedPersons: ['general'],
      actionCategory: null,
      sourceLine: 4,
    });
  });

  it('resolves the OHCHR spellings, typographic apostrophe included', () => {
    const names = new Map(records.flatMap((r) => r.recommendingStates.map((s) => [s.nameAsRecorded, s.iso3] as const)));
    expect(names.get('Côte d’Ivoire')).toBe('CIV');
    expect(names.get('the former Yugoslav Republic of Macedonia')).toBe('MKD');
    expect(names.get('Bolivarian Republic of Venezuela')).toBe('VEN');
    expect(names.get('Kingdom of the Netherlands')).toBe('NLD');
    expect(names.get('Netherlands')).toBe('NLD');
    expect(names.get('Türkiye')).toBe('TUR');
    expect(names.get('Turkey')).toBe('TUR');
  });

  it('records SDGs for cycles 3 and 4 (456 rows) and none for cycle 2, whose list has no SDG column', () => {
    expect(ofSession(20).length).toBeGreaterThan(0);
    expect(ofSession(20).every((r) => r.sdgs === null)).toBe(true);
    expect(records.filter((r) => r.sdgs !== null && r.sdgs.length > 0)).toHaveLength(456);
    expect(records.find((r) => r.session === 34 && r.paragraph === '121.29')?.sdgs).toEqual([
      '5 - GENDER EQUALITY',
      '16 - PEACE, JUSTICE AND STRONG INSTITUTIONS',
    ]);
  });

  it('gives stable, unique ids', () => {
    expect(new Set(records.map((r) => r.id)).size).toBe(632);
    expect(parse(text).records.map((r) => r.id)).toEqual(records.map((r) => r.id));
    expect(records.every((r) => /^ohchr-tl:(20|34|48):SVN:[0-9a-f]{10}$/.test(r.id))).toBe(true);
  });

  it('refuses rows with an unknown position, a wrong iso3 or no recommending State, with their lines', () => {
    let broken = replaceLine(text, 2, (l) => l.replace(',Supported,', ',Perhaps,'));
    broken = replaceLine(broken, 3, (l) => l.replace('Slovenia,SVN,', 'Slovenia,SVK,'));
    broken = replaceLine(broken, 4, (l) => l.replace(',Spain; Tunisia; Portugal,', ',,'));
    const result = parse(broken);
    expect(result.rejected).toEqual([
      { line: 2, reason: 'unknown response "Perhaps"' },
      { line: 3, reason: 'iso3 "SVK" does not match the State under review "Slovenia" (SVN)' },
      { line: 4, reason: 'missing recommending State' },
    ]);
    expect(result.records).toHaveLength(629);
  });

  it('refuses a file without the expected columns', () => {
    expect(parse('state,text\n').rejected).toEqual([{ line: 1, reason: `missing column(s): ${THEMATIC_LIST_COLUMNS.join(', ')}` }]);
  });
});
