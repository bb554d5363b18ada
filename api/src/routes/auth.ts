import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { SESSION_COOKIE } from '../plugins/auth.js';
import { SessionInfo, SignInBody } from '../schemas/accounts.js';
import { ErrorBody } from '../schemas/common.js';

/** Signing in and out with a browser session. */
export const authRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/sign-in',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Sign in: sets the session cookie (HttpOnly) and returns the CSRF token writes must send',
        description: `Failed attempts are limited per address; past the limit every sign-in from it answers 429 for a while.`,
        body: SignInBody,
        response: { 200: SessionInfo, 400: ErrorBody, 401: ErrorBody, 429: ErrorBody },
      },
      // The allowance is checked before the body is read, like the other secrets.
      onRequest: (request) => app.authFailures.refuseIfLockedOut(request),
    },
    async (request, reply) => {
      const opened = await app.accounts.signIn(request.body.email, request.body.password);
      if (!opened) {
        await app.authFailures.countFailure(request);
        throw app.httpErrors.unauthorized('The e-mail address or the password is not right (or the account is disabled).');
      }
      app.setSessionCookie(reply, opened.token, opened.expiresAt);
      const principal = (await app.accounts.sessionPrincipal(opened.token))!;
      const { userId: id, email, name, organisation, role } = principal;
      return { user: { id, email, name, organisation, role }, csrfToken: principal.csrfToken };
    },
  );

  app.post(
    '/sign-out',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Sign out: ends the session now (it cannot be used again) and clears the cookie',
        response: { 200: SessionInfo, 401: ErrorBody, 403: ErrorBody },
      },
      onRequest: app.authorize({ role: 'editor' }),
    },
    async (request, reply) => {
      const token = request.cookies[SESSION_COOKIE];
      if (token) await app.accounts.signOut(token);
      app.clearSessionCookie(reply);
      return { user: null, csrfToken: null };
    },
  );

  app.get(
    '/session',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Who is signed in on this browser (null when no one), with the CSRF token for its writes',
        response: { 200: SessionInfo },
      },
    },
    async (request, reply) => {
      // Never cached anywhere: the answer is this browser's own.
      reply.header('cache-control', 'no-store');
      const token = request.cookies[SESSION_COOKIE];
      const principal = token ? await app.accounts.sessionPrincipal(token) : undefined;
      if (!principal) return { user: null, csrfToken: null };
      const { userId: id, email, name, organisation, role } = principal;
      return { user: { id, email, name, organisation, role }, csrfToken: principal.csrfToken };
    },
  );
};
