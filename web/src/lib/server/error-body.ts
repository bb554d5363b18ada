import { isHttpError } from '@sveltejs/kit';
import type { ErrorBody } from '@tracker/api/schemas';
import { STATUS_CODES } from 'node:http';

/** The API's error body (`{ error, message, details? }`), for the dashboard's non-HTML endpoints. */
export function errorResponse(status: number, message: string, details?: ErrorBody['details']): Response {
  const body: ErrorBody = { error: STATUS_CODES[status] ?? 'Error', message, ...(details?.length ? { details } : {}) };
  return Response.json(body, { status });
}

/**
 * Runs a file endpoint and answers its expected errors (a bad query, an unknown id: SvelteKit's
 * `error()`, or the API's own 4xx passed on by apiGet) with the API's error body, which clients
 * of the downloads already read, instead of SvelteKit's `{ message }` or HTML page.
 */
export async function withErrorBody(run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (err) {
    if (isHttpError(err)) return errorResponse(err.status, err.body.message, err.body.details);
    throw err;
  }
}
