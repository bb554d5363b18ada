import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.js';

// The bundled reporting records run to 22 April 2026: the lists below are as of that date.
const PAGE = '/cat-reporting?asOf=2026-04-22';

const overdueRows = (page: Page) => page.locator('#overdue-table tbody tr');
const stateLink = (page: Page, iso3: string) => page.locator(`[data-testid="world-map"] a[data-iso="${iso3}"]`);

test.describe('CAT reporting page', () => {
  test('lists what is established as overdue, longest overdue first: Nigeria’s initial report, 8,669 days', async ({ page }) => {
    await page.goto(PAGE);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Reporting to the Committee against Torture');
    await expect(page.getByTestId('completeness-summary')).toHaveText(
      /^175 states parties on 22 Apr 2026: 8 with a complete recorded reporting history, \d+ with a history recorded in part and \d+ with no recorded history\.$/,
    );
    await expect(page.getByTestId('overdue-summary')).toHaveText(
      '1 report and 23 follow-ups established as overdue among the states shown.',
    );

    const rows = overdueRows(page);
    await expect(rows).toHaveCount(24);
    const first = rows.first();
    await expect(first).toHaveAttribute('data-iso', 'NGA');
    await expect(first).toContainText('Initial report');
    await expect(first).toContainText('28 Jul 2002 (computed)');
    await expect(first).toContainText('8,669 days');
    await expect(first).toContainText('22 Apr 2026');
    await expect(first.getByRole('link', { name: 'Nigeria' })).toHaveAttribute('href', '/states/NGA?asOf=2026-04-22#cat-reporting');
    // The only report among them, and the only one with that many days.
    await expect(rows.filter({ hasText: '8,669 days' })).toHaveCount(1);

    // Sorted by days overdue; entries whose due date is not recorded (days unknown) come last.
    const days = (await rows.evaluateAll((trs) => trs.map((tr) => tr.getAttribute('data-days')))).map((d) => (d ? Number(d) : null));
    const known = days.filter((d): d is number => d !== null);
    expect(known).toEqual([...known].sort((a, b) => b - a));
    expect(days.slice(0, known.length)).toEqual(known);
    expect(days.slice(known.length).every((d) => d === null)).toBe(true);
    // No rank numbers, no "worst" wording.
    await expect(page.locator('#overdue-table')).not.toContainText(/worst|rank|#1/i);
  });

  test('never counts a state with no recorded history as overdue (Algeria)', async ({ page }) => {
    await page.goto(PAGE);
    await expect(page.locator('#overdue-table tr[data-iso="DZA"]')).toHaveCount(0);
    await expect(stateLink(page, 'DZA')).toHaveAttribute('aria-label', 'Algeria: History not recorded');
    await expect(page.locator('#situation-table tr[data-iso="DZA"]')).toHaveAttribute('data-situation', 'history-not-recorded');
    // Nor with "overdue only".
    await page.goto(`${PAGE}&overdue=true`);
    await expect(page.locator('#situation-table tr[data-iso="DZA"]')).toHaveCount(0);
    await expect(stateLink(page, 'DZA')).toHaveAttribute('aria-label', 'Algeria: outside the selection');
  });

  test('maps every state by situation, with a key that counts them', async ({ page }) => {
    await page.goto(PAGE);
    await expect(page.locator('[data-testid="world-map"] a[data-iso]')).toHaveCount(197);
    await expect(stateLink(page, 'NGA')).toHaveAttribute('aria-label', 'Nigeria: Initial report never submitted');
    await expect(stateLink(page, 'BWA')).toHaveAttribute('aria-label', 'Botswana: Up to date');
    await expect(stateLink(page, 'KIR').locator('circle')).toHaveCount(1);
    const situations = [
      'up-to-date',
      'follow-up-overdue',
      'periodic-report-overdue',
      'initial-report-never-submitted',
      'history-not-recorded',
      'not-a-party',
    ];
    let total = 0;
    for (const s of situations) total += Number(await page.getByTestId(`count-${s}`).textContent());
    expect(total).toBe(197);
    await expect(page.getByTestId('count-initial-report-never-submitted')).toHaveText('1');
    await expect(page.getByTestId('count-follow-up-overdue')).toHaveText('23');
    // The map's table holds every state too.
    await expect(page.locator('#situation-table tbody tr')).toHaveCount(197);
  });

  test('lists the next 12 months of deadlines by date, with the calendar feed', async ({ page, request }) => {
    await page.goto(PAGE);
    const upcoming = page.locator('#upcoming-table tbody tr');
    const dates = await upcoming.evaluateAll((trs) => trs.map((tr) => tr.querySelector('time')?.getAttribute('datetime') ?? ''));
    expect(dates.length).toBeGreaterThan(0);
    expect(dates).toEqual([...dates].sort());
    expect(dates.every((d) => d >= '2026-04-22' && d <= '2027-04-22')).toBe(true);
    await expect(upcoming.filter({ hasText: 'Botswana' })).toContainText('28 Jul 2026 (computed)');
    await expect(upcoming.filter({ hasText: 'Botswana' })).toContainText('simplified procedure');

    const feed = page.getByTestId('calendar-feed');
    await expect(feed).toHaveAttribute('href', '/api/cat-reporting/calendar.ics');
    const ics = await request.get('/api/cat-reporting/calendar.ics');
    expect(ics.headers()['content-type']).toContain('text/calendar');
    expect(await ics.text()).toContain('BEGIN:VCALENDAR');
  });

  test('filters change the list, the counts and the download link, and the URL keeps them', async ({ page, request }) => {
    await page.goto(PAGE);
    await page.getByLabel('UN regional group').selectOption('asia-pacific');
    await page.getByLabel('Only states with something established as overdue').check();
    await page.getByRole('button', { name: 'Show' }).click();
    await expect(page).toHaveURL(/group=asia-pacific/);
    await expect(page).toHaveURL(/overdue=true/);
    await expect(page).toHaveURL(/asOf=2026-04-22/);

    const rows = overdueRows(page);
    await expect(rows.filter({ hasText: 'Kiribati' })).toContainText('20 Nov 2024 (computed)');
    await expect(page.locator('#overdue-table tr[data-iso="NGA"]')).toHaveCount(0);
    await expect(page.getByTestId('map-summary')).toContainText('states matching the filters');
    const api = (await (await request.get('/api/cat-reporting?asOf=2026-04-22&group=asia-pacific&overdue=true')).json()) as {
      states: unknown[];
    };
    await expect(page.locator('#situation-table tbody tr')).toHaveCount(api.states.length);
    await expect(stateLink(page, 'FRA')).toHaveAttribute('aria-label', 'France: outside the selection');

    const csv = page.getByRole('link', { name: 'CSV', exact: true });
    await expect(csv).toHaveAttribute('href', '/api/cat-reporting?asOf=2026-04-22&group=asia-pacific&overdue=true&format=csv&bom=true');
    const body = await (await request.get((await csv.getAttribute('href')) ?? '')).text();
    expect(body).toContain('KIR,Kiribati');
    expect(body).not.toContain('NGA,Nigeria');
  });

  test('a bad date is a 400 that says why', async ({ page }) => {
    const response = await page.goto('/cat-reporting?asOf=2026-02-30');
    expect(response?.status()).toBe(400);
  });
});

test.describe('CAT reporting on a state profile', () => {
  test('Nigeria: situation, record, timeline, full history and its calendar feed', async ({ page, request }) => {
    await page.goto('/states/NGA?asOf=2026-04-22');
    const section = page.locator('#cat-reporting');
    await expect(section.getByRole('heading', { level: 2, name: 'Reporting to the Committee against Torture' })).toBeVisible();
    await expect(section.getByTestId('cat-situation')).toHaveText('On 22 Apr 2026: Initial report never submitted.');
    await expect(section).toContainText('Recorded reporting history: complete, to 22 Apr 2026.');
    await expect(section.getByTestId('cat-overdue')).toContainText(
      'Initial report due 28 Jul 2002 (computed), not recorded as received; established as of 22 Apr 2026',
    );

    const timeline = section.getByTestId('cat-timeline');
    await expect(timeline).toBeVisible();
    await expect(timeline.locator('[data-kind="due"][data-date="2002-07-28"]')).toHaveCount(1);
    await expect(timeline.locator('[data-kind="concluding-observations"][data-date="2021-11-26"]')).toHaveCount(1);

    const history = section.getByTestId('cat-history');
    await expect(history).toContainText('CAT/C/NGA/COAR/1');
    await expect(history).toContainText('3 Dec 2022 (recorded)');
    await expect(history).toContainText('never submitted');

    const calendar = section.getByTestId('cat-calendar');
    await expect(calendar).toHaveAttribute('href', '/api/cat-reporting/calendar.ics?state=NGA');
    const ics = await request.get('/api/cat-reporting/calendar.ics?state=NGA');
    expect(ics.headers()['content-type']).toContain('text/calendar');
    await expect(section.getByRole('link', { name: 'CSV', exact: true })).toHaveAttribute(
      'href',
      '/api/cat-reporting/NGA?asOf=2026-04-22&format=csv&bom=true',
    );
  });

  test('Norway: announced for review at the 63rd session, so its initial report is not shown as owed; its due date still is', async ({
    page,
  }) => {
    await page.goto('/states/NOR?asOf=2026-04-22');
    const section = page.locator('#cat-reporting');
    await expect(section.getByTestId('cat-situation')).toHaveText('On 22 Apr 2026: History not recorded.');
    await expect(section).toContainText(
      'The sessions list records “report scheduled for consideration (announced Dec 2017)” at the 63rd session',
    );
    const initial = section.getByTestId('cat-history').locator('tr[data-report="1"]');
    await expect(initial).toContainText('26 Jun 1988 (computed)');
    await expect(initial).toContainText('submitted: date not recorded');
  });

  test('a state that is not a party says so briefly', async ({ page }) => {
    await page.goto('/states/IND?asOf=2026-04-22');
    await expect(page.locator('#cat-reporting').getByTestId('cat-situation')).toHaveText(
      'Not a party to the Convention against Torture on 22 Apr 2026: no report is due under article 19.',
    );
    await expect(page.locator('#cat-reporting').getByTestId('cat-timeline')).toHaveCount(0);
  });
});

test.describe('CAT reporting without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('renders the map, the lists and the profile, and filters with the plain form', async ({ page }) => {
    await page.goto(PAGE);
    await expect(page.locator('[data-testid="world-map"] a[data-iso]')).toHaveCount(197);
    // Without JavaScript each state has the browser's own tooltip.
    await expect(stateLink(page, 'NGA').locator('title')).toContainText('established as of 22 Apr 2026');
    await expect(overdueRows(page).first()).toHaveAttribute('data-iso', 'NGA');

    await page.getByLabel('UN regional group').selectOption('african');
    await page.getByLabel('Situation as of').fill('2026-04-22');
    await page.getByRole('button', { name: 'Show' }).click();
    await expect(page).toHaveURL(/group=african/);
    await expect(overdueRows(page).first()).toHaveAttribute('data-iso', 'NGA');
    await expect(page.locator('#overdue-table tr[data-iso="ESP"]')).toHaveCount(0);

    await page.getByRole('link', { name: 'Nigeria' }).first().click();
    await expect(page).toHaveURL(/\/states\/NGA\?asOf=2026-04-22#cat-reporting$/);
    await expect(page.getByTestId('cat-timeline')).toBeVisible();
  });
});
