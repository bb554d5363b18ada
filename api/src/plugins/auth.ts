import cookie from '@fastify/cookie';
import { timingSafeEqual } from 'node:crypto';
import fp from 'fastify-plugin';
import type { FastifyReply, FastifyRequest, onRequestAsyncHookHandler } from 'fastify';
import type { TokenScope, UserRole } from '../domain/vocabulary.js';
import { createAccountsService, SESSION_HOURS, type AccountsService, type Principal } from '../services/accounts.service.js';

declare module 'fastify' {
  interface FastifyInstance {
    accounts: AccountsService;
    /**
     * An onRequest hook for routes that need an account: the caller is authenticated, its role
     * and scope checked and (for a browser session's writes) its CSRF token, all before the body
     * is read or validated, so an anonymous caller learns nothing of the schema.
     */
    authorize: (rule: AccessRule) => onRequestAsyncHookHandler;
    /**
     * An onRequest hook for public reads whose answer depends on who asks (an organisation sees its
     * own drafts): the caller, when it sends a session or token, becomes `request.principal`, and
     * such an answer is never stored by a cache. Anonymous readers go on as null.
     */
    identify: onRequestAsyncHookHandler;
    /** Sets the session cookie after a sign-in. */
    setSessionCookie: (reply: FastifyReply, token: string, expiresAt: Date) => void;
    clearSessionCookie: (reply: FastifyReply) => void;
  }
  interface FastifyRequest {
    /** Who is asking, once a route's `authorize` hook has run; null for anonymous readers. */
    principal: Principal | null;
  }
}

/** What a route needs: a role at least (`editor` is met by an admin too) and, for tokens, a scope. */
export interface AccessRule {
  role: UserRole;
  /** The kind of fact the route writes; a token must carry it. Reads and admin routes have none. */
  scope?: TokenScope;
}

export const SESSION_COOKIE = 'tracker_session';
/** Header (or, from the dashboard's forms, the field the dashboard forwards as this header) with the session's CSRF token. */
export const CSRF_HEADER = 'x-csrf-token';

/** Failed token or sign-in attempts one address may make in the window before it is refused. */
export const AUTH_FAILURES_ALLOWED = 10;
const FAILURE_WINDOW = '15 minutes';
/** Writes per address and minute, whatever their outcome: a person records a few at a time. */
export const WRITES_PER_MINUTE = 30;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
const bearerToken = (request: FastifyRequest) => /^Bearer (.+)$/.exec(request.headers.authorization ?? '')?.[1];

/** Equal strings, compared in constant time for equal lengths (a CSRF token's length is public). */
function sameSecret(given: string, expected: string) {
  const a = Buffer.from(given, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Accounts and access (docs: api/src/domain/README.md, "Editing and accounts"):
 * - a browser signs in and holds a session cookie (HttpOnly, SameSite=Lax, Secure when the
 *   tracker is served over https), valid SESSION_HOURS and revocable; every write it makes must
 *   also send the session's CSRF token, which only the tracker's own pages can read;
 * - a script sends an API token as "Authorization: Bearer trk_…"; a token writes only its scopes
 *   and needs no CSRF token (a browser never sends it on its own);
 * - failed tokens and sign-ins are counted per address, and past the allowance refused (429).
 */
export const authPlugin = fp(async (app) => {
  await app.register(cookie);
  const accounts = createAccountsService(app.db);
  app.decorate('accounts', accounts);
  app.decorateRequest('principal', null);

  const secureCookie = app.config.publicUrl.startsWith('https://');
  app.decorate('setSessionCookie', (reply: FastifyReply, token: string, expiresAt: Date) => {
    reply.setCookie(SESSION_COOKIE, token, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: secureCookie || reply.request.protocol === 'https',
      expires: expiresAt,
      maxAge: SESSION_HOURS * 3600,
    });
  });
  app.decorate('clearSessionCookie', (reply: FastifyReply) => {
    reply.clearCookie(SESSION_COOKIE, {
      path: '/',
      httpOnly: true,
      sameSite: 'lax',
      secure: secureCookie || reply.request.protocol === 'https',
    });
  });

  const failures = app.createRateLimit({
    max: AUTH_FAILURES_ALLOWED,
    timeWindow: FAILURE_WINDOW,
    keyGenerator: (request) => `auth-failures:${request.ip}`,
    allowList: () => false,
  });
  const writes = app.createRateLimit({
    max: WRITES_PER_MINUTE,
    timeWindow: '1 minute',
    keyGenerator: (request) => `writes:${request.ip}`,
    allowList: () => false,
  });
  const tooMany = (after: number) =>
    app.httpErrors.tooManyRequests(`Too many failed attempts from this address: try again in ${Math.ceil(after / 60_000)} minutes.`);

  /** Refuses an address that has failed too often; call before checking a secret. */
  const refuseIfLockedOut = async (request: FastifyRequest) => {
    const state = await failures(request, { increment: false });
    // Once the allowance is used up, even the right secret is refused until the window ends.
    if (!state.isAllowed && state.remaining === 0) throw tooMany(state.ttl);
  };
  const countFailure = async (request: FastifyRequest) => {
    const state = await failures(request);
    if (!state.isAllowed && state.isExceeded) throw tooMany(state.ttl);
  };
  app.decorate('authFailures', { refuseIfLockedOut, countFailure });

  /** The caller, from its API token or its session cookie; null when it sends neither. */
  async function authenticate(request: FastifyRequest): Promise<Principal | null> {
    const bearer = bearerToken(request);
    if (bearer !== undefined) {
      await refuseIfLockedOut(request);
      const principal = await accounts.tokenPrincipal(bearer);
      if (!principal) {
        await countFailure(request);
        throw app.httpErrors.unauthorized('The API token is not valid: it is unknown, revoked or expired.');
      }
      return principal;
    }
    const session = request.cookies[SESSION_COOKIE];
    if (!session) return null;
    const principal = await accounts.sessionPrincipal(session);
    if (!principal) throw app.httpErrors.unauthorized('Your session has ended (expired, signed out or revoked): sign in again.');
    return principal;
  }

  app.decorate('identify', async (request: FastifyRequest, reply: FastifyReply) => {
    // An answer to a caller who sends credentials (even ones refused) is that caller's alone.
    if (bearerToken(request) !== undefined || request.cookies[SESSION_COOKIE]) reply.header('cache-control', 'no-store');
    request.principal = await authenticate(request);
  });

  app.decorate('authorize', (rule: AccessRule): onRequestAsyncHookHandler => async (request, reply) => {
    // An answer for an account is that account's: no browser or proxy may keep or share it.
    reply.header('cache-control', 'no-store');
    const principal = await authenticate(request);
    if (!principal) throw app.httpErrors.unauthorized('Sign in, or send an API token as "Authorization: Bearer <token>".');
    if (!SAFE_METHODS.has(request.method)) {
      const written = await writes(request);
      if (!written.isAllowed && written.isExceeded) {
        throw app.httpErrors.tooManyRequests(`Too many writes from this address: try again in ${Math.ceil(written.ttl / 1000)} seconds.`);
      }
      if (principal.via === 'session') {
        const given = request.headers[CSRF_HEADER];
        if (typeof given !== 'string' || !sameSecret(given, principal.csrfToken ?? '')) {
          throw app.httpErrors.forbidden(
            'The form has expired or did not come from this site (missing or wrong CSRF token): reload the page and try again.',
          );
        }
      }
    }
    if (rule.role === 'admin' && principal.role !== 'admin') throw app.httpErrors.forbidden('Only an admin may do this.');
    if (rule.scope && !principal.scopes.includes(rule.scope)) {
      throw app.httpErrors.forbidden(`This API token may not write ${rule.scope} (its scopes: ${principal.scopes.join(', ') || 'none'}).`);
    }
    request.principal = principal;
  });
});

declare module 'fastify' {
  interface FastifyInstance {
    /** Counting failed secrets per address (sign-in uses it too). */
    authFailures: {
      refuseIfLockedOut: (request: FastifyRequest) => Promise<void>;
      countFailure: (request: FastifyRequest) => Promise<void>;
    };
  }
}
