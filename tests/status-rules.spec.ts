import { expect, test } from './fixtures.js';

// The status rules of api/src/domain/README.md as the pages show them, on the bundled data
// (dates from data/raw/treaties/; each test names its file).

test.describe('status rules on the pages', () => {
  test('the map headline counts States Parties as the depositary does, naming the pending withdrawal', async ({ page }) => {
    // Rome Statute, 2025-07-01: 125 States Parties, Hungary's withdrawal pending (rome_statute_events.csv)
    await page.goto('/maps/rome-statute?asOf=2025-07-01');
    await expect(page.getByTestId('map-summary')).toContainText('125 States Parties (of which withdrawal pending: Hungary)');
  });

  test('South Africa: party since its entry into force, the revoked withdrawal shown with its month', async ({ page }) => {
    // rome_statute_events.csv: notified 2016-10-19, revoked in March 2017 (month precision)
    await page.goto('/states/ZAF?asOf=2018-01-01');
    const row = page.locator('tr[data-instrument="rome-statute"]');
    await expect(row).toContainText('since 1 Jul 2002');
    await expect(row).toContainText('Withdrawal notified 19 Oct 2016, revoked March 2017');
  });

  test('Liechtenstein: aggression amendments in force one year after deposit, jurisdiction from the activation', async ({ page }) => {
    // rome_statute_amendments.csv (XVIII-10-b): deposit 2012-05-08; activation 2018-07-17 (rome_statute_events.csv)
    await page.goto('/states/LIE?asOf=2020-01-01');
    const row = page.locator('tr[data-instrument="rs-aggression-2010"]');
    await expect(row).toContainText('8 May 2013');
    await expect(row).toContainText("Court's jurisdiction from 17 Jul 2018");
    await expect(page.getByTestId('profile-timeline')).toContainText(
      "The Court's jurisdiction over the crime of aggression applies for this state",
    );
  });

  test('Slovakia: the effective date of its succession to UNCAT is not recorded', async ({ page }) => {
    // untc_IV-9_uncat_status_2026-02-03.txt: "28 May 1993 d", no date of State succession
    await page.goto('/states/SVK');
    const row = page.locator('tr[data-instrument="uncat"]');
    await expect(row).toContainText('28 May 1993');
    await expect(row).toContainText('effective date of succession: not recorded');
  });

  test('Hungary: the status is marked uncertain, saying what is reported and by whom', async ({ page }) => {
    // rome_statute_events.csv: a revocation dated 2026-05-29, from an unverified secondary note
    await page.goto('/states/HUN?asOf=2026-11-22');
    await expect(page.locator('tr[data-instrument="rome-statute"]')).toContainText(
      /Status uncertain: Withdrawal revoked reported for 29 May 2026 by .+, unconfirmed/,
    );
  });

  test('Israel: the signature withdrawal is known to the year only, and shown so', async ({ page }) => {
    // rome_statute_events.csv: 2002, year precision
    await page.goto('/states/ISR');
    await expect(page.locator('tr[data-instrument="rome-statute"]')).toContainText(/since 2002(?!-)/);
  });

  test('the aggression amendments page gives the activation as its own dated fact', async ({ page }) => {
    await page.goto('/instruments/rs-aggression-2010');
    await expect(page.getByTestId('jurisdiction-activation')).toContainText('activated on 17 Jul 2018');
  });
});
