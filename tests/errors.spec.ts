import { expect, test } from './fixtures.js';

test.describe('bad input on pages', () => {
  test('a bad query is a 400 page that says what is wrong, with a way back', async ({ page }) => {
    const response = await page.goto('/maps/rome-statute?asOf=garbage&group=african');
    expect(response?.status()).toBe(400);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Some choices in this address are not valid');
    await expect(page.getByTestId('error-details')).toContainText('asOf: must be a real calendar date written YYYY-MM-DD');
    await page.getByRole('link', { name: 'Show this page without the choices in its address' }).click();
    await expect(page).toHaveURL(/\/maps\/rome-statute$/);
    await expect(page.getByRole('heading', { level: 1 })).toContainText('Rome Statute');
  });

  // Each page's own parameters, with values no page accepts: a clear 4xx, never a server error.
  for (const url of [
    '/maps/rome-statute?asOf=2017-02-30',
    '/maps/rome-statute?asOf=garbage',
    '/maps/rome-statute?region=nowhere',
    '/states?sids=maybe',
    '/states/BDI?asOf=yesterday',
    '/compare?family=other',
    '/compare?asOf=%E0%A4%A',
    '/cat-reporting?asOf=x',
    '/cat-reporting?overdue=sometimes',
    '/upr?session=abc',
    '/upr?response=maybe',
    `/upr?q=${'a'.repeat(3000)}`,
    '/upr?q=%00',
  ]) {
    test(`${url.slice(0, 60)} is a 400 page`, async ({ request }) => {
      const response = await request.get(url);
      expect(response.status()).toBe(400);
      expect(response.headers()['content-type']).toMatch(/^text\/html/);
      expect(await response.text()).toContain('Some choices in this address are not valid');
    });
  }

  test('parameters a page does not know, and values it falls back from, are ignored', async ({ request }) => {
    for (const url of [
      '/?asOf=garbage',
      '/upr?page=-3&pageSize=x',
      '/upr/reviews/BDI?cycle=x&page=x',
      '/instruments/rome-statute?sort=x&dir=x',
    ]) {
      expect((await request.get(url)).status(), url).toBe(200);
    }
  });
});

test.describe('bad input on the comparison download', () => {
  test('answers with the API’s error body', async ({ request }) => {
    const format = await request.get('/compare/export?format=xml');
    expect(format.status()).toBe(400);
    expect(format.headers()['content-type']).toMatch(/^application\/json/);
    expect(await format.json()).toEqual({ error: 'Bad Request', message: 'Unknown format "xml": use "csv" or "json".' });

    const family = await request.get('/compare/export?family=other&format=json');
    expect(family.status()).toBe(400);
    expect(await family.json()).toMatchObject({ error: 'Bad Request', message: expect.stringContaining('Unknown family') });

    const date = await request.get('/compare/export?asOf=2017-02-30');
    expect(date.status()).toBe(400);
    const body = await date.json();
    expect(body).toMatchObject({ error: 'Bad Request' });
    expect(body.details).toEqual([{ path: 'querystring.asOf', message: expect.any(String) }]);
  });

  test('an empty format is the default, CSV', async ({ request }) => {
    const csv = await request.get('/compare/export?format=');
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toMatch(/^text\/csv/);
  });
});
