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
    // Germany ratified the Rome Statute: a signature missing there would be missing data.
    [
      { date: '2000-12-11', precision: 'day', kind: 'ratification' },
      { text: 'not recorded', notApplicable: false },
    ],
    [null, { text: 'not recorded', notApplicable: false }],
  ] as const)('%j -> %j', (consent, expected) => expect(missingSignature(consent, t)).toEqual(expected));
});

describe('missingSignature on a Rome Statute amendment', () => {
  it('is not applicable: amendments are ratified or accepted, never signed', () => {
    const acceptance = { date: '2013-06-03', precision: 'day', kind: 'acceptance' } as const;
    expect(missingSignature(acceptance, t, 'rs-art8-2010')).toEqual({
      text: 'not applicable (amendments are ratified or accepted, not signed)',
      notApplicable: true,
    });
    expect(missingSignature(null, t, 'rs-aggression-2010').notApplicable).toBe(true);
    expect(missingSignature(acceptance, t, 'rome-statute')).toEqual({ text: 'not recorded', notApplicable: false });
  });
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
