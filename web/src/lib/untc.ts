/**
 * Links to the UN Treaty Collection (the depositary's status pages), built from an instrument's
 * MTDSG reference such as "XVIII-10-b": the page address takes the reference and its chapter
 * number (the Roman numeral, as an Arabic number).
 */

const ROMAN: Record<string, number> = { I: 1, V: 5, X: 10, L: 50 };

/** "XVIII" → 18. Throws a TypeError for anything that is not a Roman numeral up to L. */
export function romanToNumber(roman: string): number {
  if (!/^[IVXL]+$/.test(roman)) throw new TypeError(`Expected a Roman numeral (I, V, X, L), got "${roman}"`);
  let total = 0;
  for (let i = 0; i < roman.length; i++) {
    const value = ROMAN[roman[i] as string] as number;
    const next = ROMAN[roman[i + 1] ?? ''] ?? 0;
    total += value < next ? -value : value;
  }
  return total;
}

/** The UNTC status page of an instrument, e.g. "IV-9" → …mtdsg_no=IV-9&chapter=4… */
export function untcStatusUrl(reference: string): string {
  const chapter = romanToNumber(reference.split('-')[0] ?? '');
  return `https://treaties.un.org/Pages/ViewDetails.aspx?src=TREATY&mtdsg_no=${encodeURIComponent(reference)}&chapter=${chapter}&clang=_en`;
}
