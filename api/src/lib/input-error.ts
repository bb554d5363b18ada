/**
 * A request that is well-formed but asks for something the data cannot answer (a date range before
 * an instrument existed, say). Services throw it; the error handler answers 400 with its message,
 * so services say what is wrong without knowing about HTTP.
 */
export class InputError extends Error {
  readonly statusCode = 400;
}
