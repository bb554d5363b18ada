/**
 * A request that is well-formed but asks for something the data cannot answer (a date range before
 * an instrument existed, say). Services throw it; the error handler answers 400 with its message
 * (and its details, one per field or file row at fault), so services say what is wrong without
 * knowing about HTTP.
 */
export class InputError extends Error {
  readonly statusCode = 400;
  constructor(
    message: string,
    readonly details?: { path: string; message: string }[],
  ) {
    super(message);
  }
}
