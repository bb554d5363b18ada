import { describe, expect, it } from 'vitest';
import { rawUpr, replaceLine, states } from './test-support.js';
import { parseThematicListCsv } from './thematic-list.js';
import { parseThematicListText, recommendingStateNames } from './thematic-list-text.js';

const DOCUMENTS = [
  ['slovenia_ohchr-thematic-list_cycle2_session20_2014.md', 20, 163],
  ['slovenia_ohchr-thematic-list_cycle3_session34_2019.md', 34, 215],
  ['slovenia_ohchr-thematic-list_cycle4_session48_2025.md', 48, 254],
] as const;
const options = { sourceId: 'ohchr-tl-test', states };
const parse = (text: string) => parseThematicListText(text, options);
const fromCsv = parseThematicListCsv(rawUpr('slovenia_upr-recommendations_cycles2-4_ohchr-thematic-lists.csv'), options).records;
const withoutLine = <T extends { sourceLine: number }>({ sourceLine: _line, ...rest }: T) => rest;

describe('parseThematicListText on the three Slovenia documents', () => {
  it.each(DOCUMENTS)(
    '%s gives the records of the CSV made from it: same ids, texts, States, positions, themes, persons, SDGs',
    (name, session, total) => {
      const { records, rejected, unresolved } = parse(rawUpr(name));
      expect(rejected).toEqual([]);
      expect(unresolved).toEqual([]);
      expect(records).toHaveLength(total);
      const expected = fromCsv.filter((r) => r.session === session);
      // In the document's order, which is the CSV's.
      expect(records.map(withoutLine)).toEqual(expected.map(withoutLine));
    },
  );

  it('each record cites the line of the document where its paragraph starts', () => {
    const text = rawUpr(DOCUMENTS[2][0]);
    const { records } = parse(text);
    const lines = text.split('\n');
    for (const r of records) expect(lines[r.sourceLine - 1]).toMatch(new RegExp(`^${r.paragraph!.replace('.', '\\.')} `));
  });
});

describe('recommendingStateNames', () => {
  const isState = (name: string) => states.resolve(name) !== null;
  it.each([
    ['Ratify the Optional Protocol … Cultural Rights (Maldives) (Portugal);', ['Maldives', 'Portugal']],
    [
      'Ratify the Optional Protocol to the Rights of the Child on a communications procedure (Portugal, Slovakia);',
      ['Portugal', 'Slovakia'],
    ],
    [
      'Complete the process of ratification of the … Enforced Disappearance (Ukraine); Increase efforts towards ratification of the … (Slovakia);',
      ['Ukraine', 'Slovakia'],
    ],
    [
      'Ratify and implement the … Forced Labour Convention, 1930 (No. 29) (United Kingdom of Great Britain and Northern Ireland);',
      ['United Kingdom of Great Britain and Northern Ireland'],
    ],
    ['… Members of Their Families (ICRMW) (Iran (Islamic Republic of));', ['Iran (Islamic Republic of)']],
    ['Consider the ratification of the ILO Domestic Workers Convention, 2011 (No. 189) (Philippines);', ['Philippines']],
    ['A text without a State in brackets;', []],
  ])('%s', (text, names) => {
    expect(recommendingStateNames(text, isState)).toEqual(names);
  });
});

describe('what parseThematicListText refuses', () => {
  const document = rawUpr(DOCUMENTS[2][0]);
  const lines = document.split('\n');
  const lineOf = (start: string) => lines.findIndex((l) => l.startsWith(start)) + 1;

  it('a document without the title that names the session and the State, on the line where the title should be', () => {
    const result = parse(replaceLine(document, 1, () => '# Thematic List of Recommendations'));
    expect(result.records).toEqual([]);
    expect(result.rejected).toEqual([
      { line: 1, reason: expect.stringContaining('expected the title "# UPR <session> Session - <State> - Thematic List') },
    ]);
    const unknown = parse(replaceLine(document, 1, () => '# UPR 48th Session - Atlantis - Thematic List of Recommendations'));
    expect(unknown.rejected).toEqual([{ line: 1, reason: 'unknown State under review "Atlantis"' }]);
    const outside = parse(replaceLine(document, 1, () => '# UPR 95th Session - Slovenia - Thematic List of Recommendations'));
    expect(outside.rejected).toEqual([{ line: 1, reason: 'session 95 is outside the known UPR cycles' }]);
  });

  it('a line that fits no part of a recommendation, with its line number', () => {
    const at = lineOf('Source of Position: A/HRC/59/15/Add.1 - Para.3') + 2; // after the position
    const result = parse(replaceLine(document, at, () => 'Partly implemented, see the mid-term report'));
    expect(result.rejected).toEqual([
      { line: at, reason: 'recommendation 140.7: unexpected line "Partly implemented, see the mid-term report"' },
    ]);
  });

  it('an unknown position word, on the line of its paragraph', () => {
    const at = lineOf('140.8 ');
    const result = parse(replaceLine(document, at + 2, () => 'Considered'));
    expect(result.rejected).toEqual([{ line: at, reason: 'recommendation 140.8: unknown response "Considered"' }]);
  });
});
