/// <reference lib="dom" />
/** Printing a page to PDF, as a reader does: shared by the specs of the printable briefs. */
import { expect, type Page } from '@playwright/test';

export const MM = 96 / 25.4; // CSS pixels per millimetre
const MARGIN = 12; // the briefs' @page margin, in mm
export const PAPER = {
  A4: { width: 210, height: 297 },
  Letter: { width: 215.9, height: 279.4 },
} as const;

/** PDF page objects ("/Type /Page", not "/Type /Pages"). */
export const pdfPages = (pdf: Buffer) => (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;

/** Prints the page on each paper size: one sheet, and the content ends above the bottom margin. */
export async function expectOnePrintedPage(page: Page) {
  for (const [format, paper] of Object.entries(PAPER)) {
    expect(pdfPages(await page.pdf({ format })), `${format}: pages`).toBe(1);
    // The same layout on screen: the printable width, print styles; the content must end within
    // the printable height and nothing may stick out sideways.
    const width = Math.floor((paper.width - 2 * MARGIN) * MM);
    const height = Math.floor((paper.height - 2 * MARGIN) * MM);
    await page.setViewportSize({ width, height });
    await page.emulateMedia({ media: 'print' });
    const box = await page.locator('main').evaluate((main) => {
      const rect = main.getBoundingClientRect();
      return { bottom: rect.bottom, scrollWidth: document.documentElement.scrollWidth };
    });
    expect(box.bottom, `${format}: main ends within the printable height`).toBeLessThanOrEqual(height);
    expect(box.scrollWidth, `${format}: nothing sticks out sideways`).toBeLessThanOrEqual(width);
    // Back to the default (null): 'screen' would also apply to the next page.pdf().
    await page.emulateMedia({ media: null });
  }
}
