import { describe, expect, it } from 'vitest';
import { buildMatrix, FAMILY_COLUMNS, instrumentsOf, matrixCsv, toCsv } from './compare';

type Row = Parameters<typeof buildMatrix>[1]['uncat'] extends (infer R)[] | undefined ? R : never;
const row = (iso3: string, status: Row['status'], since: string | null, declarations: Row['declarations'] = []): Row => ({
  iso3,
  status,
  since,
  declarations,
});
const declaration = (article: string, date: string, withdrawn: string | null = null): Row['declarations'][number] => ({
  eventId: `uncat:X:declaration:${date}:art${article}`,
  kind: 'declaration',
  article,
  date,
  withdrawn: withdrawn ? { date: withdrawn, eventId: 'w' } : null,
});

describe('instrumentsOf', () => {
  it.each([
    ['rome', 9],
    ['torture', 2],
  ] as const)('%s needs %d instruments', (family, count) => expect(instrumentsOf(FAMILY_COLUMNS[family])).toHaveLength(count));
});

describe('buildMatrix', () => {
  const columns = FAMILY_COLUMNS.torture;
  const matrix = buildMatrix(columns, {
    uncat: [
      row('ARG', 'party', '1987-06-26', [declaration('21', '1986-09-24'), declaration('22', '1986-09-24')]),
      row('BDI', 'party', '1993-03-20', [declaration('22', '2003-06-10')]),
      row('GBR', 'party', '1988-12-07', [declaration('21', '1988-12-08', '2000-01-01')]),
      row('AGO', 'signatory', '2013-09-24'),
    ],
    opcat: [
      row('ARG', 'party', '2006-06-22'),
      row('BDI', 'party', '2013-11-17'),
      row('GBR', 'party', '2006-06-22'),
      row('AGO', 'no-action', null),
    ],
  });

  it('has a row per state and a cell per column', () => {
    expect(matrix.map((r) => r.iso3)).toEqual(['ARG', 'BDI', 'GBR', 'AGO']);
    expect(matrix.every((r) => r.cells.length === columns.length)).toBe(true);
  });

  it.each([
    { iso3: 'ARG', art21: 'declared', art22: 'declared' },
    { iso3: 'BDI', art21: 'none', art22: 'declared' },
    { iso3: 'GBR', art21: 'withdrawn', art22: 'none' },
    { iso3: 'AGO', art21: 'none', art22: 'none' },
  ])('$iso3: art. 21 $art21, art. 22 $art22', ({ iso3, art21, art22 }) => {
    const cells = matrix.find((r) => r.iso3 === iso3)?.cells ?? [];
    expect(cells[1]).toMatchObject({ kind: 'declaration', declaration: art21 });
    expect(cells[2]).toMatchObject({ kind: 'declaration', declaration: art22 });
  });

  it('throws when an instrument is missing', () => {
    expect(() => buildMatrix(columns, { uncat: [] })).toThrow(TypeError);
  });
});

describe('toCsv', () => {
  it.each([
    [[['a', 'b']], 'a,b\r\n'],
    [[['Bolivia (Plurinational State of)', null, 3, true]], 'Bolivia (Plurinational State of),,3,true\r\n'],
    [[['Korea, Republic of', 'say "no"', 'two\nlines']], '"Korea, Republic of","say ""no""","two\nlines"\r\n'],
    // A cell a spreadsheet would run as a formula is shown as text.
    [
      [['=HYPERLINK("http://evil.example")', '+1', '-cmd', '@SUM(A1)', 'a=b']],
      `"'=HYPERLINK(""http://evil.example"")",'+1,'-cmd,'@SUM(A1),a=b\r\n`,
    ],
  ] as const)('%j', (rows, expected) => expect(toCsv(rows.map((r) => [...r]))).toBe(expected));
});

describe('matrixCsv', () => {
  it('writes ids, names, the date, and each column with its date', () => {
    const columns = FAMILY_COLUMNS.torture;
    const rows = buildMatrix(columns, {
      uncat: [row('BDI', 'party', '1993-03-20', [declaration('22', '2003-06-10')])],
      opcat: [row('BDI', 'party', '2013-11-17')],
    });
    expect(matrixCsv({ columns, rows, names: { BDI: 'Burundi' }, asOf: '2026-01-01' }).split('\r\n')).toEqual([
      'iso3,name,asOf,uncat,uncat.date,uncat-art21,uncat-art21.date,uncat-art22,uncat-art22.date,opcat,opcat.date',
      'BDI,Burundi,2026-01-01,party,1993-03-20,none,,declared,2003-06-10,party,2013-11-17',
      '',
    ]);
  });
});
