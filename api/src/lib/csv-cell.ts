/**
 * A spreadsheet runs a cell that begins with =, +, -, @, a tab or a carriage return as a formula, so
 * a recommendation's text or a source title could carry one into a reader's spreadsheet. As OWASP
 * recommends, such a cell is prefixed with a single quote: the spreadsheet shows it as text.
 * Every CSV the tracker writes (API and dashboard downloads) passes its text cells through this.
 */
export const neutraliseFormula = (value: string): string => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

/**
 * csv-stringify options for every CSV the tracker writes: CRLF line ends (RFC 4180), a field with a
 * line break quoted (csv-stringify quotes only the record delimiter itself, and a recommendation's
 * text can hold a lone "\n"), booleans as true/false, formulas neutralised.
 */
export const CSV_WRITE_OPTIONS = {
  record_delimiter: '\r\n',
  quoted_match: /[\r\n]/,
  cast: { boolean: (b: boolean) => String(b), string: neutraliseFormula },
};
