import { describe, expect, it } from 'vitest';
import { rawUpr, replaceLine, states, UPR_INFO_2018_FILES, UPR_INFO_FILES } from './test-support.js';
import { parseUprInfoCsv, uprInfoDelimiter, uprInfoLayout, UPR_INFO_HEADERS } from './upr-info.js';

const parse = (text: string, sourceId = 'upr-info-test') => parseUprInfoCsv(text, { sourceId, states });
const files = UPR_INFO_FILES.map((name) => ({ name, text: rawUpr(name) }));
const results = files.map(({ name, text }) => ({ name, result: parse(text) }));
const all = results.flatMap(({ result }) => result.records);

describe('parseUprInfoCsv on the five bundled export files', () => {
  it('reads every row: 30,472 accepted and 10,594 noted, 41,066 in all', () => {
    expect(results.flatMap(({ result }) => result.rejected)).toEqual([]);
    expect(all).toHaveLength(41_066);
    const count = (word: string) => all.filter((r) => r.responseAsRecorded === word).length;
    expect([count('Accepted'), count('Noted')]).toEqual([30_472, 10_594]);
    expect(all.filter((r) => r.response === 'supported')).toHaveLength(30_472);
    expect(all.filter((r) => r.response === 'noted')).toHaveLength(10_594);
  });

  it('gives the row counts of the README per file, and the sessions each file covers', () => {
    expect(results.map(({ result }) => result.records.length)).toEqual([6_094, 8_343, 9_047, 9_598, 7_984]);
    const sessions = results.map(({ result }) => [...new Set(result.records.map((r) => r.session))].sort((a, b) => a - b));
    expect(sessions).toEqual([
      [1, 2, 3, 4, 5],
      [6, 7, 8, 9],
      [10, 11, 12, 13],
      [14, 15, 16, 17],
      [18, 19, 20],
    ]);
  });

  it('covers all 193 UN Member States under review and one recommending State per row', () => {
    expect(new Set(all.map((r) => r.stateUnderReviewIso3)).size).toBe(193);
    expect(all.every((r) => r.recommendingStates.length === 1)).toBe(true);
    expect(new Set(all.flatMap((r) => r.recommendingStates.map((s) => s.iso3)).filter(Boolean)).size).toBe(168);
  });

  it('keeps cycle, action category and issue tags, and records no SDGs or documents', () => {
    const first = results[0]!.result.records[0]!;
    expect(first).toMatchObject({
      reviewId: 'AFG-5',
      session: 5,
      cycle: 1,
      stateUnderReviewIso3: 'AFG',
      paragraph: null,
      recommendingStates: [{ iso3: 'AUT', nameAsRecorded: 'Austria' }],
      response: 'supported',
      responseAsRecorded: 'Accepted',
      actionCategory: 5,
      themes: ['Rights of the Child', "Women's rights"],
      sdgs: null,
      affectedPersons: null,
      documentSymbol: null,
      sourceId: 'upr-info-test',
      sourceLine: 2,
    });
    const cycle2 = all.filter((r) => r.cycle === 2).map((r) => r.session);
    expect(cycle2.length).toBeGreaterThan(0);
    expect(cycle2.every((s) => s >= 13)).toBe(true);
  });
});

describe('parseUprInfoCsv on the seven files of the 2018 export (semicolons, original header)', () => {
  const results2018 = UPR_INFO_2018_FILES.map((name) => ({ name, text: rawUpr(name) })).map(({ name, text }) => ({
    name,
    text,
    result: parse(text),
  }));
  const all2018 = results2018.flatMap(({ result }) => result.records);

  it('reads 61,013 of the 61,014 rows, refusing the one without a session, and the response words Supported and Noted', () => {
    expect(results2018.map(({ text }) => uprInfoDelimiter(text))).toEqual(Array(7).fill(';'));
    expect(results2018.map(({ result }) => result.layout)).toEqual(Array(7).fill('original'));
    expect(results2018.map(({ result }) => result.rejected)).toEqual([
      [{ line: 16, reason: 'missing session number' }],
      [],
      [],
      [],
      [],
      [],
      [],
    ]);
    expect(all2018).toHaveLength(61_013);
    expect(new Set(all2018.map((r) => r.responseAsRecorded))).toEqual(new Set(['Supported', 'Noted']));
    expect(all2018.filter((r) => r.session >= 21)).toHaveLength(19_949);
  });

  it('reads a quoted cell with a line break ("Bosnia and Herzegovina" + LF) and keeps the next rows on their own lines', () => {
    const file = results2018.find(({ name }) => name.endsWith('25-27.csv'))!.result.records;
    const at = (line: number) => file.find((r) => r.sourceLine === line);
    expect(at(51)).toMatchObject({
      reviewId: 'DZA-27',
      recommendingStates: [{ iso3: 'BIH', nameAsRecorded: 'Bosnia and Herzegovina' }],
      response: 'noted',
      actionCategory: 3,
    });
    expect(at(52)).toBeUndefined();
    expect(at(53)).toMatchObject({
      text: 'Strengthen the cooperation with special procedures by extending a standing invitation',
      recommendingStates: [{ iso3: 'PER' }],
    });
  });

  it('resolves every State name of the 2018 export (e.g. Czechia, St Lucia) except UPR Info’s "(Unknown)"', () => {
    expect(new Set(results2018.flatMap(({ result }) => result.unresolved.map((u) => u.name)))).toEqual(new Set(['(Unknown)']));
  });
});

describe('header layouts', () => {
  it('recognises the renamed CSV header and the original XLS header with its repeated names', () => {
    expect(uprInfoLayout([...UPR_INFO_HEADERS.renamed])).toBe('renamed');
    expect(uprInfoLayout([...UPR_INFO_HEADERS.original])).toBe('original');
    expect(uprInfoLayout(['To', 'Text'])).toBeNull();
  });

  it('gives identical records for the 25 rows of the original-header sample and the CSV copy', () => {
    const sample = parse(rawUpr('format-sample_upr-info-database-export-xls-2015_first-25-rows.csv'));
    expect(sample.layout).toBe('original');
    expect(sample.rejected).toEqual([]);
    expect(sample.records).toHaveLength(25);
    expect(sample.records).toEqual(results[0]!.result.records.slice(0, 25));
  });

  it('refuses a file with another header, at line 1', () => {
    expect(parse('State,Recommendation\nChad,Ratify\n').rejected).toEqual([
      { line: 1, reason: 'not a UPR Info export header: "State,Recommendation"' },
    ]);
  });
});

describe('State names', () => {
  it('resolves the export spellings through the alias table', () => {
    const civ = results[0]!.result.records.find((r) => r.sourceLine === 788)!;
    expect(civ.recommendingStates).toEqual([{ iso3: 'CIV', nameAsRecorded: "Cote d'Ivoire" }]);
    expect(all.find((r) => r.recommendingStates[0]!.nameAsRecorded === 'DPR Korea')?.recommendingStates[0]!.iso3).toBe('PRK');
    expect(all.some((r) => r.stateUnderReviewIso3 === 'FSM')).toBe(true); // "Micronesia"
  });

  it('keeps the nine recommendations of unknown origin with iso3 null, decoded, and reports them', () => {
    const unknown = results[0]!.result.unresolved;
    expect(unknown).toHaveLength(9);
    expect(unknown[0]).toEqual({ line: 2497, name: '(Unknown)' });
    expect(results.slice(1).flatMap(({ result }) => result.unresolved)).toEqual([]);
    const row = results[0]!.result.records.find((r) => r.sourceLine === 2497)!;
    expect(row.stateUnderReviewIso3).toBe('IDN');
    expect(row.recommendingStates).toEqual([{ iso3: null, nameAsRecorded: '(Unknown)' }]);
  });
});

describe('rejected rows', () => {
  const text = files[0]!.text;

  it('refuses a row without text, with its line number, and keeps the others', () => {
    // Line 100: Afghanistan, session 5, "Continue to resist attempts ..." (Egypt).
    const broken = replaceLine(text, 100, (line) => line.replace(/,Continue to resist [^,]+,/, ',,'));
    const result = parse(broken);
    expect(result.rejected).toEqual([{ line: 100, reason: 'missing recommendation text' }]);
    expect(result.records).toHaveLength(6_093);
  });

  it('refuses an unknown State under review, an unknown response and a bad session', () => {
    const header = UPR_INFO_HEADERS.renamed.join(',');
    const result = parse(
      [
        header,
        'Atlantis,WEOG,,Ratify the CAT,Spain,WEOG,EU,Accepted,5,International instruments,3',
        'Chad,Africa,AU,Ratify the CAT,Spain,WEOG,EU,Maybe,5,International instruments,3',
        'Chad,Africa,AU,Ratify the CAT,Spain,WEOG,EU,Accepted,5,International instruments,99',
        'Chad,Africa,AU,Ratify the CAT,Spain,WEOG,EU,Accepted,7,International instruments,3',
        'Chad,Africa,AU,Ratify the CAT,Spain,WEOG,EU,Accepted,5',
        'Chad,Africa,AU,Ratify the CAT,Spain,WEOG,EU,Rejected,5,International instruments,3',
      ].join('\n'),
    );
    expect(result.rejected).toEqual([
      { line: 2, reason: 'unknown State under review "Atlantis"' },
      { line: 3, reason: 'unknown response "Maybe"' },
      { line: 4, reason: 'session 99 is outside the known UPR cycles' },
      { line: 5, reason: 'action category must be 1 to 5, found "7"' },
      { line: 6, reason: 'expected 11 columns, found 9' },
    ]);
    expect(result.records.map((r) => [r.sourceLine, r.response, r.responseAsRecorded])).toEqual([[7, 'noted', 'Rejected']]);
  });
});

describe('ids', () => {
  it('are the same when the same file is parsed again', () => {
    const again = parse(files[4]!.text).records.map((r) => r.id);
    expect(again).toEqual(results[4]!.result.records.map((r) => r.id));
  });

  it('do not depend on the source id or the line, only on the content', () => {
    const shifted = parse(files[4]!.text.replace('\n', '\n\n'), 'other-source').records;
    expect(shifted.map((r) => r.id)).toEqual(results[4]!.result.records.map((r) => r.id));
    expect(shifted[0]!.sourceLine).toBe(results[4]!.result.records[0]!.sourceLine + 1);
  });

  it('are unique, with -2 for a repeated row in file order', () => {
    expect(new Set(all.map((r) => r.id)).size).toBe(all.length);
    const tonga = all.filter((r) => r.id.startsWith('upr-info:15:TON:e2fad5194f'));
    expect(tonga.map((r) => [r.id, r.sourceLine])).toEqual([
      ['upr-info:15:TON:e2fad5194f', 8611],
      ['upr-info:15:TON:e2fad5194f-2', 8613],
    ]);
    expect(all.filter((r) => /-\d+$/.test(r.id))).toHaveLength(4);
  });
});

describe('voluntary pledges', () => {
  it('reads the 947 pledges of sessions 1-19 as pledges, not recommendations', () => {
    const result = parse(rawUpr('upr-info-export_2015_voluntary-pledges_sessions-01-19.csv'));
    expect(result.rejected).toEqual([]);
    expect(result.records).toEqual([]);
    expect(result.pledges).toHaveLength(947);
    expect(Math.max(...result.pledges.map((p) => p.session))).toBe(19);
    expect(result.pledges[0]).toMatchObject({
      stateIso3: 'ALB',
      reviewId: 'ALB-19',
      session: 19,
      themes: ['Minorities', 'National plan of action'],
      sourceLine: 2,
    });
    expect(new Set(result.pledges.map((p) => p.id)).size).toBe(947);
  });
});
