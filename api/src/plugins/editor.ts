import { createHash, timingSafeEqual } from 'node:crypto';
import fp from 'fastify-plugin';
import type { FastifyRequest, onRequestAsyncHookHandler } from 'fastify';

declare module 'fastify' {
  interface FastifyInstance {
    /** An onRequest hook for write routes: the edit token first, before the body is read or validated. */
    requireEditor: onRequestAsyncHookHandler;
  }
}

/** Failed token attempts one address may make in the window before every write from it is refused. */
export const EDIT_TOKEN_FAILURES_ALLOWED = 10;
const FAILURE_WINDOW = '15 minutes';
/** Writes per address and minute, whatever their outcome: a person records a few at a time. */
export const WRITES_PER_MINUTE = 30;

const digest = (value: Buffer) => createHash('sha256').update(value).digest();
/** The header's bytes as they came (Node reads header values as latin1, one byte per character). */
const bearerToken = (request: FastifyRequest) => /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1] ?? '';

/**
 * Until user accounts exist, writes need the configured EDIT_TOKEN as a Bearer token.
 * - Checked in onRequest, so an anonymous caller is refused before its body is parsed or
 *   validated and learns nothing of the schema.
 * - Compared as SHA-256 digests in constant time: equal lengths always, so neither the token's
 *   length nor its bytes leak through timing, and no byte sequence can make the check throw.
 * - Failed attempts are counted per address; past the allowance every write from that address is
 *   refused (429) until the window ends, so the token cannot be guessed by trying.
 */
export const editorPlugin = fp(async (app) => {
  const token = app.config.editToken;
  const expected = token === null ? null : digest(Buffer.from(token, 'utf8'));
  const failures = app.createRateLimit({
    max: EDIT_TOKEN_FAILURES_ALLOWED,
    timeWindow: FAILURE_WINDOW,
    keyGenerator: (request) => `edit-token-failures:${request.ip}`,
    allowList: () => false,
  });
  const writes = app.createRateLimit({
    max: WRITES_PER_MINUTE,
    timeWindow: '1 minute',
    keyGenerator: (request) => `writes:${request.ip}`,
    allowList: () => false,
  });
  const tooMany = (after: number) =>
    app.httpErrors.tooManyRequests(`Too many attempts from this address: try again in ${Math.ceil(after / 1000)} seconds.`);

  app.decorate('requireEditor', async (request: FastifyRequest) => {
    if (!expected) throw app.httpErrors.forbidden('Editing is disabled on this server (no EDIT_TOKEN is configured)');
    const before = await failures(request, { increment: false });
    if (!before.isAllowed && before.isExceeded) throw tooMany(before.ttl);
    const written = await writes(request);
    if (!written.isAllowed && written.isExceeded) throw tooMany(written.ttl);
    const given = digest(Buffer.from(bearerToken(request), 'latin1'));
    if (!timingSafeEqual(given, expected)) {
      const after = await failures(request);
      if (!after.isAllowed && after.isExceeded) throw tooMany(after.ttl);
      throw app.httpErrors.unauthorized('Send the edit token as "Authorization: Bearer <token>"');
    }
  });
});
