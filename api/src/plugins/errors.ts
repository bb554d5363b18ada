import fp from 'fastify-plugin';
import type { FastifyError } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { STATUS_CODES } from 'node:http';
import type { ErrorBody } from '../schemas/common.js';

const statusText = (status: number) => STATUS_CODES[status] ?? 'Error';

/**
 * One error handler, so every failure has the same body: `{ error, message, details? }`.
 * 4xx say what is wrong; 5xx are logged in full and say nothing about internals.
 */
export const errorsPlugin = fp(async (app) => {
  app.setErrorHandler((err: FastifyError, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(err)) {
      const where = err.validationContext ?? 'request';
      const details = err.validation.map((issue) => ({
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
    return reply.code(status).send({ error: statusText(status), message: err.message });
  });

  app.setNotFoundHandler((request, reply) => {
    const body: ErrorBody = {
      error: statusText(404),
      message: `No route ${request.method} ${request.url.split('?')[0]}. The API is described at /api/docs.`,
    };
    return reply.code(404).send(body);
  });
});
