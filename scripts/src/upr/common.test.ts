import { describe, expect, it } from 'vitest';
import { readCsvLines } from './common.js';

describe('readCsvLines', () => {
  it('gives each row the line it starts on, across quoted line breaks, CRLF and empty lines', () => {
    const text =
      '\ufeffTo,Text,From\r\nChad,"Ratify the\r\nRome Statute",France\r\n\r\nMali,"Accede to ""OPCAT""",Peru\r\nNiger,"a\nb\nc",Chile';
    expect(readCsvLines(text)).toEqual({
      header: { line: 1, cells: ['To', 'Text', 'From'] },
      rows: [
        { line: 2, cells: ['Chad', 'Ratify the\nRome Statute', 'France'] },
        { line: 5, cells: ['Mali', 'Accede to "OPCAT"', 'Peru'] },
        { line: 6, cells: ['Niger', 'a\nb\nc', 'Chile'] },
      ],
    });
  });

  it('keeps a one-column file (no delimiter to detect) and a trailing line break', () => {
    expect(readCsvLines('session\n5\n6\n')).toEqual({
      header: { line: 1, cells: ['session'] },
      rows: [
        { line: 2, cells: ['5'] },
        { line: 3, cells: ['6'] },
      ],
    });
  });

  it('refuses a file with an unclosed quote, at the line of the record where it opens', () => {
    const result = readCsvLines('To,Text\nChad,"fine"\nMali,"never closed\nNiger,x\n');
    expect(result).toMatchObject({ line: 3, reason: expect.stringMatching(/^not readable as CSV: /) });
  });

  it('says when there is nothing but empty lines', () => {
    expect(readCsvLines('\n\n')).toEqual({ line: 1, reason: 'the file is empty' });
  });
});
