import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import { TOKEN_SCOPES, type TokenScope, type UserRole } from '../domain/vocabulary.js';
import { hashPassword, UNUSABLE_HASH, verifyPassword } from '../lib/passwords.js';
import { createAccountRepository, type User } from '../repositories/account.repository.js';
import { recordChanges } from '../repositories/audit.repository.js';

/** How long a sign-in lasts; after that the editor signs in again. Sessions can be revoked sooner. */
export const SESSION_HOURS = 12;

/** Who is asking, once signed in (session) or authenticated (API token). */
export interface Principal {
  userId: number;
  name: string;
  email: string;
  organisation: string;
  role: UserRole;
  via: 'session' | 'token';
  /** What the request may write: every scope for a session, the token's own for a token. */
  scopes: readonly TokenScope[];
  /** The session's CSRF token (sessions only), which every form post must send back. */
  csrfToken: string | null;
  /** The token's id (tokens only). */
  tokenId: number | null;
}

/** The secret's SHA-256, hex: what the database keeps of a session cookie or an API token. */
export const secretHash = (secret: string) => createHash('sha256').update(secret, 'utf8').digest('hex');
const newSecret = (prefix: string) => `${prefix}${randomBytes(32).toString('base64url')}`;
/** API tokens carry a prefix so that a leaked one is recognisable (secret scanners, logs). */
export const API_TOKEN_PREFIX = 'trk_';

const normaliseEmail = (email: string) => email.trim().toLowerCase();

/**
 * Accounts: users, sign-in sessions and API tokens. Changes to accounts go through the audit
 * writer like every other write (the public change feed leaves them out).
 */
export function createAccountsService(db: Kysely<Database>) {
  const accounts = createAccountRepository(db);
  const audit = (actor: string, action: string, entity: 'user' | 'apiToken', entityId: number, after: unknown, before?: unknown) =>
    db
      .transaction()
      .execute((trx) =>
        recordChanges(trx, [
          { at: new Date().toISOString(), actor, action, entity, entityId: String(entityId), before, after, sourceId: null },
        ]),
      );

  return {
    listUsers: accounts.listUsers,
    countUsers: accounts.countUsers,

    async createUser(
      input: { email: string; name: string; organisation: string; role: UserRole; password: string },
      actor: string,
    ): Promise<{ user: User; conflict?: never } | { user?: never; conflict: string }> {
      const email = normaliseEmail(input.email);
      if (await accounts.findUserByEmail(email)) return { conflict: `A user with the address ${email} already exists` };
      const user = await accounts.insertUser({
        email,
        name: input.name,
        organisation: input.organisation,
        role: input.role,
        passwordHash: await hashPassword(input.password),
        createdAt: new Date().toISOString(),
      });
      await audit(actor, 'insert', 'user', user.id, user);
      return { user };
    },

    /** Changes a user; disabling one (or changing its password) signs it out everywhere. */
    async updateUser(
      id: number,
      changes: {
        name?: string | undefined;
        organisation?: string | undefined;
        role?: UserRole | undefined;
        password?: string | undefined;
        disabled?: boolean | undefined;
      },
      actor: string,
    ) {
      const before = await accounts.findUser(id);
      if (!before) return undefined;
      const now = new Date().toISOString();
      const user = await accounts.updateUser(id, {
        ...(changes.name !== undefined && { name: changes.name }),
        ...(changes.organisation !== undefined && { organisation: changes.organisation }),
        ...(changes.role !== undefined && { role: changes.role }),
        ...(changes.password !== undefined && { passwordHash: await hashPassword(changes.password) }),
        ...(changes.disabled !== undefined && { disabledAt: changes.disabled ? (before.disabledAt ?? now) : null }),
      });
      if (changes.disabled || changes.password !== undefined) await accounts.revokeSessionsOf(id, now);
      await audit(actor, 'update', 'user', id, user, before);
      return user;
    },

    /** Ends every session of a user now; undefined when there is no such user. */
    async revokeSessionsOf(userId: number, actor: string) {
      if (!(await accounts.findUser(userId))) return undefined;
      const revoked = await accounts.revokeSessionsOf(userId, new Date().toISOString());
      await audit(actor, 'revoke-sessions', 'user', userId, { revokedSessions: revoked });
      return revoked;
    },

    /**
     * Checks an address and password and opens a session. Unknown address and wrong password give
     * the same answer in about the same time (a hash is checked either way).
     */
    async signIn(email: string, password: string) {
      const user = await accounts.findUserByEmail(normaliseEmail(email));
      const matches = await verifyPassword(password, user?.passwordHash ?? UNUSABLE_HASH);
      if (!user || !matches || user.disabledAt !== null) return undefined;
      const token = newSecret('');
      const createdAt = new Date();
      const expiresAt = new Date(createdAt.getTime() + SESSION_HOURS * 3_600_000);
      await accounts.insertSession({
        tokenHash: secretHash(token),
        userId: user.id,
        csrfToken: randomBytes(32).toString('base64url'),
        createdAt: createdAt.toISOString(),
        expiresAt: expiresAt.toISOString(),
      });
      return { token, expiresAt };
    },

    async sessionPrincipal(token: string): Promise<Principal | undefined> {
      const found = await accounts.findLiveSession(secretHash(token), new Date().toISOString());
      if (!found) return undefined;
      return {
        userId: found.id,
        name: found.name,
        email: found.email,
        organisation: found.organisation,
        role: found.role,
        via: 'session',
        scopes: TOKEN_SCOPES,
        csrfToken: found.csrfToken,
        tokenId: null,
      };
    },

    signOut: (token: string) => accounts.revokeSession(secretHash(token), new Date().toISOString()),

    async tokenPrincipal(token: string): Promise<Principal | undefined> {
      const now = new Date().toISOString();
      const found = await accounts.findLiveToken(secretHash(token), now);
      if (!found) return undefined;
      await accounts.touchToken(found.tokenId, now);
      return {
        userId: found.id,
        name: found.name,
        email: found.email,
        organisation: found.organisation,
        role: found.role,
        via: 'token',
        scopes: JSON.parse(found.scopes) as TokenScope[],
        csrfToken: null,
        tokenId: found.tokenId,
      };
    },

    listTokens: async () => (await accounts.listTokens()).map((t) => ({ ...t, scopes: JSON.parse(t.scopes) as TokenScope[] })),

    /** Creates a token; its secret is returned this once and only its hash is kept. */
    async createToken(input: { userId: number; name: string; scopes: readonly TokenScope[]; expiresAt: string | null }, actor: string) {
      const user = await accounts.findUser(input.userId);
      if (!user) return undefined;
      const secret = newSecret(API_TOKEN_PREFIX);
      const row = await accounts.insertToken({ ...input, tokenHash: secretHash(secret), createdAt: new Date().toISOString() });
      const token = { ...row, scopes: [...input.scopes] };
      await audit(actor, 'insert', 'apiToken', row.id, token);
      return { token, secret };
    },

    async revokeToken(id: number, actor: string) {
      const revoked = await accounts.revokeToken(id, new Date().toISOString());
      if (!revoked) return (await accounts.findToken(id)) ? 'already-revoked' : undefined;
      const token = { ...revoked, scopes: JSON.parse(revoked.scopes) as TokenScope[] };
      await audit(actor, 'revoke', 'apiToken', id, token);
      return token;
    },
  };
}
export type AccountsService = ReturnType<typeof createAccountsService>;
