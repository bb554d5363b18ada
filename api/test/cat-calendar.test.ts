import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../src/config.js';
import { unescapeText } from '../src/domain/ics.js';
import type { CatReportingListResponse } from '../src/schemas/cat-reporting.js';
import { todayUtc } from '../src/domain/clock.js';
import { setup } from './helper.js';
import { checkRfc5545 } from './rfc5545.js';

const seedAsOfs = (name: string): string[] =>
  (JSON.parse(readFileSync(join(repoRoot, 'data/seed', name), 'utf8')) as { asOf: string }[]).map((r) => r.asOf);

/** The latest date the seeded CAT reporting records run to: the date the calendar's evidence covers. */
const EVIDENCE_AS_OF = [
  ...seedAsOfs('cat-reporting-states.json'),
  ...seedAsOfs('cat-follow-up-lists.json'),
  ...seedAsOfs('cat-reports.json'),
]
  .sort()
  .at(-1)!;

describe('GET /api/cat-reporting/calendar.ics: "Data as of"', () => {
  it('gives the date the seeded records run to, not the date of the request', async () => {
    const { app } = await setup({ seed: true });
    const res = await app.inject('/api/cat-reporting/calendar.ics');
    expect(res.statusCode).toBe(200);
    const events = checkRfc5545(res.body).children;
    expect(events.length).toBeGreaterThan(0);
    // The calendar is computed for today (the route has no asOf), which is after the records' date.
    const today = todayUtc();
    expect(today > EVIDENCE_AS_OF).toBe(true);
    for (const event of events) {
      const description = unescapeText(event.properties.find((p) => p.name === 'DESCRIPTION')!.value);
      const uid = event.properties.find((p) => p.name === 'UID')!.value;
      expect(description.split('\n').at(-1), uid).toBe(`Data as of ${EVIDENCE_AS_OF}; status worked out for ${today}.`);
      expect(description, uid).not.toContain(`Data as of ${today}`);
    }
    // The same date the list answer gives as its dataAsOf.
    const list = (await app.inject('/api/cat-reporting')).json() as CatReportingListResponse;
    expect(list.dataAsOf).toBe(EVIDENCE_AS_OF);
  });
});
