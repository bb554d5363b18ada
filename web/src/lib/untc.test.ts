import { describe, expect, it } from 'vitest';
import { romanToNumber, untcStatusUrl } from './untc';

describe('romanToNumber', () => {
  it.each([
    ['IV', 4],
    ['IX', 9],
    ['XVIII', 18],
    ['XL', 40],
  ])('%s = %d', (roman, n) => expect(romanToNumber(roman)).toBe(n));

  it.each(['', 'iv', 'M', '4'])('rejects %j', (bad) => expect(() => romanToNumber(bad)).toThrow(TypeError));
});

describe('untcStatusUrl', () => {
  it.each([
    ['XVIII-10', 'mtdsg_no=XVIII-10&chapter=18'],
    ['XVIII-10-b', 'mtdsg_no=XVIII-10-b&chapter=18'],
    ['IV-9-b', 'mtdsg_no=IV-9-b&chapter=4'],
  ])('%s', (reference, expected) =>
    expect(untcStatusUrl(reference)).toBe(`https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY&${expected}&clang=_en`),
  );
});
