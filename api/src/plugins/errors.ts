import fp from 'fastify-plugin';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import type { Socket } from 'node:net';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { STATUS_CODES } from 'node:http';
import { InputError } from '../lib/input-error.js';
import type { ErrorBody } from '../schemas/common.js';

const statusText = (status: number) => STATUS_CODES[status] ?? 'Error';
const errorBody = (status: number, message: string): ErrorBody => ({ error: statusText(status), message });

/**
 * Errors the router raises before any route runs (Fastify's `frameworkErrors` option): a path with
 * a broken %-escape, or a path segment longer than the router reads. Same body as every other error.
 */
export function frameworkErrors(err: FastifyError, _request: FastifyRequest, reply: FastifyReply): void {
  if (err.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    reply.code(414).send(errorBody(414, `A part of the address is longer than ${MAX_PARAM_LENGTH} characters.`));
    return;
  }
  reply.code(400).send(errorBody(400, 'The address is not valid: every % must be followed by two hexadecimal digits (%20 for a space).'));
}

/** Longest path segment the router reads; the route schemas set the real limits, with clearer messages. */
export const MAX_PARAM_LENGTH = 500;

/**
 * Requests Node's HTTP parser refuses before Fastify sees them (headers too large, malformed
 * request lines): answered with the same JSON error body, then the connection is closed.
 */
export function clientErrorHandler(err: NodeJS.ErrnoException, socket: Socket) {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, message] =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'The request headers are too large (at most 16 KiB in all): send fewer or shorter headers, such as cookies.']
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'The request took too long to arrive.']
        : [400, 'The request is not valid HTTP.'];
  const body = JSON.stringify(errorBody(status, message));
  if (socket.writable) {
    socket.write(
      `HTTP/1.1 ${status} ${statusText(status)}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
    );
  }
  socket.destroy();
}

/**
 * One error handler, so every failure has the same body: `{ error, message, details? }`.
 * 4xx say what is wrong; 5xx are logged in full and say nothing about internals.
 */
export const errorsPlugin = fp(async (app) => {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = err.validationContext ?? 'request';
      const details = err.validation.map((issue: { instancePath?: unknown; message?: string }) => ({
        path: [where, ...String(issue.instancePath).split('/').filter(Boolean)].join('.'),
        message: issue.message ?? 'is invalid',
      }));
      const body: ErrorBody = {
        error: statusText(400),
        message: `Invalid ${where}: ${details.map((d) => `${d.path} ${d.message}`).join('; ')}`,
        details,
      };
      return reply.code(400).send(body);
    }
    if (isResponseSerializationError(err)) {
      request.log.error({ err, issues: err.cause.issues }, 'response did not match its schema');
      return reply.code(500).send({ error: statusText(500), message: 'Internal Server Error' });
    }
    const status = err.statusCode && err.statusCode >= 400 ? err.statusCode : 500;
    if (status >= 500) {
      request.log.error({ err }, 'unhandled error');
      return reply.code(status).send({ error: statusText(status), message: 'Internal Server Error' });
    }
    const details = err instanceof InputError && err.details ? { details: err.details } : {};
    return reply.code(status).send({ error: statusText(status), message: err.message, ...details });
  });

  // HTTP/1.1 requires a Host header (RFC 9112 §3.2); HTTP/1.0 clients may leave it out.
  app.addHook('onRequest', (request, reply, done) => {
    if (request.headers.host || request.raw.httpVersion !== '1.1') return done();
    reply.code(400).send(errorBody(400, 'An HTTP/1.1 request needs a Host header.'));
  });

  app.setNotFoundHandler((request, reply) => {
    const body: ErrorBody = {
      error: statusText(404),
      message: `No route ${request.method} ${request.url.split('?')[0]}. The API is described at /api/docs.`,
    };
    return reply.code(404).send(body);
  });
});
