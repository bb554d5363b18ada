/// <reference lib="dom" />
/**
 * The `test` every spec uses: Playwright's, with a page that fails its test on any Content
 * Security Policy violation, on any page the test visits. Violations are read two ways: the
 * `securitypolicyviolation` events the pages' own JavaScript sees (reported by an init script),
 * and the browser's console messages, which are also written with JavaScript turned off.
 */
import { test as base, expect, type Page } from '@playwright/test';

export { expect };

/** Collects the page's CSP violations, from now on and on every page it goes to, into `into`. */
export async function recordCspViolations(page: Page, into: string[]): Promise<void> {
  await page.exposeFunction('__reportCspViolation', (violation: string) => into.push(violation));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      const report = (window as unknown as { __reportCspViolation: (v: string) => Promise<void> }).__reportCspViolation;
      void report(`${location.pathname}: ${e.effectiveDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
  page.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) into.push(`${page.url()}: ${message.text()}`);
  });
}

export const test = base.extend<{ cspViolations: string[] }>({
  // Playwright reads a fixture's dependencies from its first parameter's pattern: none here.
  // eslint-disable-next-line no-empty-pattern
  cspViolations: async ({}, use) => use([]),
  page: async ({ page, cspViolations }, use, testInfo) => {
    await recordCspViolations(page, cspViolations);
    await use(page);
    // One round trip to the page, so that reports already sent have arrived.
    await page.evaluate(() => 0).catch(() => undefined);
    if (cspViolations.length) await testInfo.attach('csp-violations', { body: cspViolations.join('\n') });
    expect(cspViolations, 'Content Security Policy violations').toEqual([]);
  },
});
