import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../src/config.js';
import type { StateDetail } from '../src/schemas/state-detail.js';
import { setup } from './helper.js';

const scheduled = (
  JSON.parse(readFileSync(join(repoRoot, 'data/seed/states.json'), 'utf8')) as {
    iso3: string;
    ldc: { scheduledGraduation: string | null };
  }[]
)
  .filter((s) => s.ldc.scheduledGraduation !== null)
  .map((s) => ({ iso3: s.iso3, date: s.ldc.scheduledGraduation! }));

describe('GET /api/states/:iso3: a scheduled LDC graduation', () => {
  it('is in the seed for Bangladesh, Lao PDR and Nepal on 2026-11-24 (the cases below)', () => {
    expect(scheduled.filter((s) => s.date === '2026-11-24').map((s) => s.iso3)).toEqual(['BGD', 'LAO', 'NPL']);
  });

  it('is pending before its date and "not recorded" from it on, never graduated', async () => {
    const { app } = await setup({ seed: true });
    const detail = async (iso3: string, asOf: string) => {
      const res = await app.inject(`/api/states/${iso3}?asOf=${asOf}`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as StateDetail;
    };
    for (const { iso3, date } of scheduled) {
      const before = await detail(iso3, '2026-11-23');
      expect(before.scheduledLdcGraduation, iso3).toEqual({ date, outcome: date > '2026-11-23' ? 'pending' : 'not-recorded' });
      const after = await detail(iso3, date);
      expect(after.scheduledLdcGraduation, iso3).toEqual({ date, outcome: 'not-recorded' });
      // The recorded status stays what the list says; no graduation is made up.
      expect(after.state.ldc.status, iso3).toBe('ldc');
      expect(after.state.ldc.graduatedOn, iso3).toBeNull();
    }
  });

  it('is measured against today when no date is given', async () => {
    const { app } = await setup({ seed: true });
    const today = new Date().toISOString().slice(0, 10);
    const body = (await app.inject('/api/states/NPL')).json() as StateDetail;
    expect(body.asOf).toBe(today);
    expect(body.scheduledLdcGraduation).toEqual({ date: '2026-11-24', outcome: today < '2026-11-24' ? 'pending' : 'not-recorded' });
    expect(((await app.inject('/api/states/AFG')).json() as StateDetail).scheduledLdcGraduation).toBeNull();
    expect(((await app.inject('/api/states/BTN')).json() as StateDetail).scheduledLdcGraduation).toBeNull();
  });
});
