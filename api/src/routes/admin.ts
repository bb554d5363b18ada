import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ApiToken, ApiTokenInput, CreatedApiToken, TokenParams, User, UserInput, UserParams, UserPatch } from '../schemas/accounts.js';
import { ErrorBody } from '../schemas/common.js';
import { todayUtc } from '../domain/clock.js';

const denied = { 401: ErrorBody, 403: ErrorBody, 429: ErrorBody } as const;

/** Users and API tokens: admins only. */
export const adminRoutes: FastifyPluginAsyncZod = async (app) => {
  const adminOnly = app.authorize({ role: 'admin' });
  const actor = (request: { principal: { name: string } | null }) => request.principal!.name;

  app.get(
    '/users',
    { schema: { tags: ['accounts'], summary: 'Every user', response: { 200: z.array(User), ...denied } }, onRequest: adminOnly },
    async () => app.accounts.listUsers(),
  );

  app.post(
    '/users',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Create a user (admin or editor) with its organisation',
        body: UserInput,
        response: { 201: User, 400: ErrorBody, 409: ErrorBody, ...denied },
      },
      onRequest: adminOnly,
    },
    async (request, reply) => {
      const created = await app.accounts.createUser(request.body, actor(request));
      if (created.conflict !== undefined) throw app.httpErrors.conflict(created.conflict);
      return reply.code(201).send(created.user);
    },
  );

  app.patch(
    '/users/:id',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Change a user: name, organisation, role, password, or disable it (which ends its sessions)',
        params: UserParams,
        body: UserPatch,
        response: { 200: User, 400: ErrorBody, 404: ErrorBody, ...denied },
      },
      onRequest: adminOnly,
    },
    async (request) => {
      if (request.params.id === request.principal!.userId && (request.body.disabled || request.body.role === 'editor')) {
        throw app.httpErrors.badRequest('An admin cannot disable or demote itself: ask another admin.');
      }
      const user = await app.accounts.updateUser(request.params.id, request.body, actor(request));
      if (!user) throw app.httpErrors.notFound(`No user with id ${request.params.id}`);
      return user;
    },
  );

  app.post(
    '/users/:id/revoke-sessions',
    {
      schema: {
        tags: ['accounts'],
        summary: 'End every session of a user now (e.g. a lost laptop); its API tokens are revoked separately',
        params: UserParams,
        response: { 200: z.object({ revoked: z.number().int() }), 400: ErrorBody, 404: ErrorBody, ...denied },
      },
      onRequest: adminOnly,
    },
    async (request) => {
      const revoked = await app.accounts.revokeSessionsOf(request.params.id, actor(request));
      if (revoked === undefined) throw app.httpErrors.notFound(`No user with id ${request.params.id}`);
      return { revoked };
    },
  );

  app.get(
    '/tokens',
    {
      schema: { tags: ['accounts'], summary: 'Every API token (never its secret)', response: { 200: z.array(ApiToken), ...denied } },
      onRequest: adminOnly,
    },
    async () => app.accounts.listTokens(),
  );

  app.post(
    '/tokens',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Create an API token for scripted imports, scoped to what it may write; its secret is returned once',
        body: ApiTokenInput,
        response: { 201: CreatedApiToken, 400: ErrorBody, 404: ErrorBody, ...denied },
      },
      onRequest: adminOnly,
    },
    async (request, reply) => {
      const { expiresOn, ...input } = request.body;
      if (expiresOn !== null && expiresOn < todayUtc()) throw app.httpErrors.badRequest(`expiresOn ${expiresOn} is in the past`);
      // The token works through the whole of its last day (UTC).
      const expiresAt = expiresOn === null ? null : `${expiresOn}T23:59:59.999Z`;
      const created = await app.accounts.createToken({ ...input, expiresAt }, actor(request));
      if (!created) throw app.httpErrors.notFound(`No user with id ${input.userId}`);
      return reply.code(201).send({ ...created.token, secret: created.secret });
    },
  );

  app.post(
    '/tokens/:id/revoke',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Revoke an API token: it stops working at once',
        params: TokenParams,
        response: { 200: ApiToken, 400: ErrorBody, 404: ErrorBody, 409: ErrorBody, ...denied },
      },
      onRequest: adminOnly,
    },
    async (request) => {
      // A script cannot lock itself out by accident; an admin revokes a token from a session or another token.
      if (request.principal!.tokenId === request.params.id) throw app.httpErrors.badRequest('A token cannot revoke itself.');
      const revoked = await app.accounts.revokeToken(request.params.id, actor(request));
      if (revoked === undefined) throw app.httpErrors.notFound(`No API token with id ${request.params.id}`);
      if (revoked === 'already-revoked') throw app.httpErrors.conflict(`API token ${request.params.id} is already revoked`);
      return revoked;
    },
  );
};
