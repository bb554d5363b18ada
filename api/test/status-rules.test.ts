import { describe, expect, it } from 'vitest';
import type { InstrumentStatusResponse } from '../src/schemas/instrument.js';
import type { StateDetail } from '../src/schemas/state-detail.js';
import { setup } from './helper.js';

// The legal rules of api/src/domain/README.md, checked through the API on the bundled dataset
// (data/seed, normalised from data/raw/treaties/). Each date below is in the file named beside it.

type App = Awaited<ReturnType<typeof setup>>['app'];

async function statusOf(app: App, instrument: string, asOf: string): Promise<InstrumentStatusResponse> {
  const res = await app.inject(`/api/instruments/${instrument}/status?asOf=${asOf}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as InstrumentStatusResponse;
}
const row = (body: InstrumentStatusResponse, iso3: string) => body.states.find((s) => s.iso3 === iso3)!;

async function csvRow(app: App, instrument: string, asOf: string, iso3: string): Promise<Record<string, string>> {
  const res = await app.inject(`/api/instruments/${instrument}/status?asOf=${asOf}&format=csv`);
  expect(res.statusCode, res.body).toBe(200);
  const [header, ...lines] = parseCsv(res.body.replace(/^\uFEFF/, ''));
  const line = lines.find((cells) => cells[header!.indexOf('iso3')] === iso3)!;
  return Object.fromEntries(header!.map((name, i) => [name, line[i]!]));
}

/** RFC 4180 rows (quoted cells may hold commas and quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      cells.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      cells.push(cell);
      rows.push(cells);
      cells = [];
      cell = '';
      i++;
    } else cell += c;
  }
  if (cell !== '' || cells.length > 0) rows.push([...cells, cell]);
  return rows;
}

describe('aggression amendments: entry into force by art. 121(5), jurisdiction from the activation', () => {
  it('Liechtenstein (deposit 2012-05-08) is a party from 2013-05-08, jurisdiction from 2018-07-17', async () => {
    // rome_statute_amendments.csv, XVIII-10-b; activation: rome_statute_events.csv (ICC-ASP/16/Res.5)
    const { app } = await setup({ seed: true });
    expect(row(await statusOf(app, 'rs-aggression-2010', '2013-05-07'), 'LIE').status).toBe('party-not-in-force');
    const body = await statusOf(app, 'rs-aggression-2010', '2013-05-08');
    expect(row(body, 'LIE')).toMatchObject({
      status: 'party',
      since: '2013-05-08',
      entryIntoForce: { date: '2013-05-08', computed: true },
      jurisdictionFrom: '2018-07-17',
      jurisdictionSource: expect.objectContaining({ id: 'asp-crime-of-aggression-page' }),
    });
    expect(body.sources.map((s) => s.id)).toContain('asp-crime-of-aggression-page');
  });

  it('Andorra (2013-09-26) is a party from 2014-09-26; nobody is given 2018-07-17 as an entry into force', async () => {
    const { app } = await setup({ seed: true });
    const body = await statusOf(app, 'rs-aggression-2010', '2018-07-16');
    expect(row(body, 'AND')).toMatchObject({ status: 'party', entryIntoForce: { date: '2014-09-26' }, jurisdictionFrom: '2018-07-17' });
    const later = await statusOf(app, 'rs-aggression-2010', '2025-07-09');
    expect(later.states.filter((s) => s.entryIntoForce?.date === '2018-07-17')).toEqual([]);
    // Ireland deposited after the activation: jurisdiction from its own entry into force.
    expect(row(later, 'IRL')).toMatchObject({ entryIntoForce: { date: '2019-09-27' }, jurisdictionFrom: '2019-09-27' });
    expect(body.counts.party).toBeGreaterThan(30);
  });

  it('the other art. 121(5) amendments follow the same one-year rule, with no jurisdiction date', async () => {
    const { app } = await setup({ seed: true });
    // Andorra, art. 8 (2010): rome_statute_amendments.csv gives 2013-09-26 -> 2014-09-26 (computed)
    expect(row(await statusOf(app, 'rs-art8-2010', '2014-09-26'), 'AND')).toMatchObject({
      status: 'party',
      entryIntoForce: { date: '2014-09-26' },
      jurisdictionFrom: null,
    });
    // Uruguay, starvation (2019): deposit 2023-03-21, in force 2024-03-21 (nl_treatydatabase_013742)
    expect(row(await statusOf(app, 'rs-art8-2019-starvation', '2024-03-21'), 'URY')).toMatchObject({
      status: 'party',
      jurisdictionFrom: null,
    });
  });

  it('the timeline gives the activation as its own date, with its source; the other amendments have none', async () => {
    const { app } = await setup({ seed: true });
    const body = (await app.inject('/api/instruments/rs-aggression-2010/timeline?to=2019-01-01')).json() as {
      jurisdictionActivation: { date: string; source: { id: string } | null } | null;
      points: { date: string }[];
    };
    expect(body.jurisdictionActivation).toMatchObject({ date: '2018-07-17', source: { id: 'asp-crime-of-aggression-page' } });
    // It changes no count: no point on that day.
    expect(body.points.map((p) => p.date)).not.toContain('2018-07-17');
    const csv = await app.inject('/api/instruments/rs-aggression-2010/timeline?to=2019-01-01&format=csv');
    expect(csv.body.split('\r\n')[0]).toMatch(/,jurisdictionActivatedOn$/);
    expect(csv.body.split('\r\n')[1]).toMatch(/,2018-07-17$/);
    const art8 = (await app.inject('/api/instruments/rs-art8-2010/timeline')).json() as { jurisdictionActivation: unknown };
    expect(art8.jurisdictionActivation).toBeNull();
  });

  it('CSV and state profile carry the jurisdiction date beside the entry into force', async () => {
    const { app } = await setup({ seed: true });
    const csv = await csvRow(app, 'rs-aggression-2010', '2020-01-01', 'LIE');
    expect(csv).toMatchObject({ entryIntoForce: '2013-05-08', jurisdictionFrom: '2018-07-17' });
    expect(csv.jurisdictionSource).toContain('crime-of-aggression');
    const profile = (await app.inject('/api/states/LIE?asOf=2020-01-01')).json() as StateDetail;
    expect(profile.instruments.find((i) => i.instrumentId === 'rs-aggression-2010')).toMatchObject({
      entryIntoForce: { date: '2013-05-08' },
      jurisdictionFrom: '2018-07-17',
    });
  });
});

describe('successions take effect from the date of State succession, which the sources do not record', () => {
  const SUCCESSORS = {
    CZE: '1993-02-22',
    SVK: '1993-05-28',
    HRV: '1992-10-12',
    BIH: '1993-09-01',
    MKD: '1994-12-12',
    SRB: '2001-03-12',
    MNE: '2006-10-23',
  };

  it('the 7 UNCAT successor States: party, notification dated, no entry into force given', async () => {
    // untc_IV-9_uncat_status_2026-02-03.txt: "d" dates; its end notes 4, 7 and 9 refer to UNTC's
    // Historical Information, which is not bundled.
    const { app } = await setup({ seed: true });
    const body = await statusOf(app, 'uncat', '2026-02-03');
    for (const [iso3, notified] of Object.entries(SUCCESSORS)) {
      expect(row(body, iso3), iso3).toMatchObject({
        status: 'party',
        consent: { date: notified, kind: 'succession' },
        entryIntoForce: null,
      });
    }
    const csv = await csvRow(app, 'uncat', '2026-02-03', 'SVK');
    expect(csv).toMatchObject({ consent: '1993-05-28', entryIntoForce: '', successionEffective: 'not recorded' });
  });

  it('Montenegro under the Rome Statute: party from its notification (2006-10-23), no entry into force given', async () => {
    const { app } = await setup({ seed: true });
    expect(row(await statusOf(app, 'rome-statute', '2006-10-23'), 'MNE')).toMatchObject({
      status: 'party',
      since: '2006-10-23',
      entryIntoForce: null,
    });
  });
});

describe('a withdrawal revoked before it took effect never interrupted membership', () => {
  it('The Gambia: party since 2002-09-01, its notified and revoked withdrawal listed', async () => {
    // rome_statute_events.csv: notified 2016-11-10, revoked 2017-02-10
    const { app } = await setup({ seed: true });
    expect(row(await statusOf(app, 'rome-statute', '2017-02-10'), 'GMB')).toMatchObject({
      status: 'party',
      since: '2002-09-01',
      revokedWithdrawals: [{ notified: { date: '2016-11-10', precision: 'day' }, revoked: { date: '2017-02-10', precision: 'day' } }],
    });
  });

  it('South Africa: party since 2002-07-01; the revocation is known to the month (2017-03) in JSON and CSV', async () => {
    const { app } = await setup({ seed: true });
    expect(row(await statusOf(app, 'rome-statute', '2017-04-01'), 'ZAF')).toMatchObject({
      status: 'party',
      since: '2002-07-01',
      revokedWithdrawals: [{ notified: { date: '2016-10-19', precision: 'day' }, revoked: { date: '2017-03-01', precision: 'month' } }],
    });
    const csv = await csvRow(app, 'rome-statute', '2017-04-01', 'ZAF');
    expect(csv).toMatchObject({ since: '2002-07-01', withdrawalsRevoked: 'notified 2016-10-19, revoked 2017-03' });
    const profile = (await app.inject('/api/states/ZAF')).json() as StateDetail;
    expect(profile.events.find((e) => e.kind === 'withdrawal-revoked')).toMatchObject({ date: '2017-03-01', datePrecision: 'month' });
  });
});

describe('States Parties as the depositary counts them: party plus withdrawal pending', () => {
  it('Rome Statute, 2025-07-01: 125 States Parties, Hungary pending', async () => {
    const { app } = await setup({ seed: true });
    const body = await statusOf(app, 'rome-statute', '2025-07-01');
    expect(body.statesParties).toBe(125);
    expect(body.statesParties).toBe(body.counts.party! + body.counts['withdrawal-pending']!);
    expect(body.withdrawalPending).toEqual([{ iso3: 'HUN', name: 'Hungary', effective: '2026-06-02' }]);
  });

  it("the instrument answer gives today's States Parties the same way", async () => {
    const { app } = await setup({ seed: true });
    const detail = (await app.inject('/api/instruments/rome-statute')).json() as { counts: Record<string, number>; statesParties: number };
    expect(detail.statesParties).toBe(detail.counts.party! + detail.counts['withdrawal-pending']!);
  });

  it('Rome Statute, 2017-02-15: 124 States Parties, Burundi and South Africa pending', async () => {
    const { app } = await setup({ seed: true });
    const body = await statusOf(app, 'rome-statute', '2017-02-15');
    expect(body.statesParties).toBe(124);
    expect(body.withdrawalPending.map((w) => w.iso3).sort()).toEqual(['BDI', 'ZAF']);
  });
});

describe('an unconfirmed report that would change the status makes it uncertain', () => {
  it('Hungary, Rome Statute: the reported revocation (2026-05-29) makes its status uncertain from that date', async () => {
    const { app } = await setup({ seed: true });
    expect(row(await statusOf(app, 'rome-statute', '2026-05-28'), 'HUN')).toMatchObject({ status: 'withdrawal-pending', uncertain: false });
    const body = await statusOf(app, 'rome-statute', '2026-11-22');
    const hungary = row(body, 'HUN');
    expect(hungary).toMatchObject({ status: 'withdrawn', uncertain: true });
    expect(hungary.uncertainReports).toEqual([
      expect.objectContaining({ kind: 'withdrawal-revoked', date: '2026-05-29', sourceId: 'github-forecast-note-cn-180-2026' }),
    ]);
    expect(body.sources.map((s) => s.id)).toContain('github-forecast-note-cn-180-2026');
    const csv = await csvRow(app, 'rome-statute', '2026-11-22', 'HUN');
    expect(csv.uncertain).toBe('true');
    expect(csv.uncertainReports).toMatch(/^withdrawal-revoked 2026-05-29 reported by /);
  });

  it('Hungary, APIC: a party, uncertain while its reported denunciation (2025-06-02) is unconfirmed', async () => {
    const { app } = await setup({ seed: true });
    expect(row(await statusOf(app, 'apic', '2025-06-01'), 'HUN')).toMatchObject({ status: 'party', uncertain: false });
    expect(row(await statusOf(app, 'apic', '2025-06-02'), 'HUN')).toMatchObject({
      status: 'party',
      uncertain: true,
      uncertainReports: [expect.objectContaining({ kind: 'withdrawal-notified', sourceId: 'wikipedia-apic-2025-06' })],
    });
  });
});

describe('signature withdrawals known only to the year', () => {
  it('Israel (2002) and Sudan (2008): signature withdrawn from 1 January, year precision in JSON and CSV', async () => {
    // rome_statute_events.csv: year precision, exact dates not in the captured sources
    const { app } = await setup({ seed: true });
    const before = await statusOf(app, 'rome-statute', '2001-12-31');
    expect(row(before, 'ISR').status).toBe('signatory');
    const body = await statusOf(app, 'rome-statute', '2010-01-01');
    expect(row(body, 'ISR')).toMatchObject({ status: 'signature-withdrawn', since: '2002-01-01', sincePrecision: 'year' });
    expect(row(body, 'SDN')).toMatchObject({ status: 'signature-withdrawn', since: '2008-01-01', sincePrecision: 'year' });
    expect(row(await statusOf(app, 'rome-statute', '2008-01-01'), 'SDN')).toMatchObject({ status: 'signature-withdrawn', uncertain: true });
    const csv = await csvRow(app, 'rome-statute', '2010-01-01', 'ISR');
    expect(csv).toMatchObject({ status: 'signature-withdrawn', since: '2002', sincePrecision: 'year' });
  });
});
