import { describe, expect, it } from 'vitest';
import { bibtexCitation, citationKey, cslJsonCitation, permalinkOf, plainCitation } from './citation';
import { english } from './test-helpers';

const { t } = english();
const input = {
  title: 'Rome Statute: map of participation · Treaty Tracker',
  site: 'Treaty Tracker',
  permalink: 'https://tracker.example.org/maps/rome-statute?asOf=2026-06-02&group=african',
  asOf: '2026-06-02',
  accessed: '2026-12-05',
  version: 42,
};

describe('permalinkOf', () => {
  it('pins the date shown when the address has none, and keeps the one it has', () => {
    const url = new URL('https://tracker.example.org/fr/maps/opcat?group=african&utm_source=x');
    expect(permalinkOf(url, new URLSearchParams('group=african'), '2026-12-05')).toBe(
      'https://tracker.example.org/fr/maps/opcat?group=african&asOf=2026-12-05',
    );
    expect(permalinkOf(url, new URLSearchParams('asOf=2001-01-01'), '2026-12-05')).toBe(
      'https://tracker.example.org/fr/maps/opcat?asOf=2001-01-01',
    );
  });
});

describe('citations', () => {
  it('in plain text names the title, the dataset version, the date, the permalink and the day read', () => {
    expect(plainCitation(input, t)).toBe(
      '“Rome Statute: map of participation · Treaty Tracker”. Treaty Tracker, dataset version 42, data as of 2026-06-02. https://tracker.example.org/maps/rome-statute?asOf=2026-06-02&group=african (accessed 2026-12-05).',
    );
  });

  it('in BibTeX escapes the special characters and keeps the URL whole', () => {
    const bib = bibtexCitation({ ...input, title: '50% of States & the {ICC}_2' }, t);
    expect(bib).toContain('title = {{50\\% of States \\& the \\{ICC\\}\\_2}},');
    expect(bib).toContain('howpublished = {\\url{https://tracker.example.org/maps/rome-statute?asOf=2026-06-02&group=african}},');
    expect(bib.startsWith('@misc{tracker-maps-rome-statute-2026-06-02,')).toBe(true);
    // Balanced braces: a BibTeX parser would otherwise read past the entry.
    const depth = [...bib.replace(/\\[{}]/g, '')].reduce((d, c) => d + (c === '{' ? 1 : c === '}' ? -1 : 0), 0);
    expect(depth).toBe(0);
  });

  it('in CSL-JSON is valid JSON with the dates as date-parts', () => {
    const [item] = JSON.parse(cslJsonCitation(input, t)) as Record<string, unknown>[];
    expect(item).toMatchObject({
      type: 'webpage',
      title: input.title,
      URL: input.permalink,
      version: '42',
      issued: { 'date-parts': [[2026, 6, 2]] },
      accessed: { 'date-parts': [[2026, 12, 5]] },
    });
    expect(citationKey('https://x.org/', '2026-01-01')).toBe('tracker-home-2026-01-01');
  });
});
