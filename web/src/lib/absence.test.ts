import { describe, expect, it } from 'vitest';
import { missingSignature, noDeclarations, noDeclarationUnder } from './absence';
import { english } from './test-helpers';

const { t } = english();

describe('missingSignature', () => {
  it.each([
    // Tuvalu acceded to UNCAT on 25 Mar 2024; Serbia succeeded to it: neither ever signed.
    [
      { date: '2024-03-25', precision: 'day', kind: 'accession' },
      { text: 'not applicable (accession)', notApplicable: true },
    ],
    [
      { date: '2001-03-12', precision: 'day', kind: 'succession' },
      { text: 'not applicable (succession)', notApplicable: true },
    ],
    // Germany accepted the 2010 art. 8 amendment: its signature is simply not in the record.
    [
      { date: '2013-06-03', precision: 'day', kind: 'acceptance' },
      { text: 'not recorded', notApplicable: false },
    ],
    [null, { text: 'not recorded', notApplicable: false }],
  ] as const)('%j -> %j', (consent, expected) => expect(missingSignature(consent, t)).toEqual(expected));
});

describe('declarations', () => {
  it('says none recorded only for the articles the UNTC pages list completely', () => {
    expect(noDeclarationUnder('uncat', '21', t)).toBe('none recorded');
    expect(noDeclarationUnder('uncat', '22', t)).toBe('none recorded');
    expect(noDeclarationUnder('rome-statute', '124', t)).toBe('not recorded');
  });

  it('names the articles when a whole list is empty, and says not recorded where no source lists any', () => {
    expect(noDeclarations('uncat', t, 'en')).toBe('none recorded under art. 21, 22 and 28(1)');
    expect(noDeclarations('opcat', t, 'en')).toBe('none recorded under art. 24');
    expect(noDeclarations('rome-statute', t, 'en')).toBe('not recorded');
    expect(noDeclarations('apic', t, 'en')).toBe('not recorded');
  });
});
