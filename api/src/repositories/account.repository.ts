import type { Kysely } from 'kysely';
import type { Database } from '../db/database.js';
import type { TokenScope, UserRole } from '../domain/vocabulary.js';

/** Users, their sessions and their API tokens. Secrets are never stored: only their SHA-256 hashes. */
export function createAccountRepository(db: Kysely<Database>) {
  const userColumns = ['id', 'email', 'name', 'organisation', 'role', 'createdAt', 'disabledAt'] as const;
  const tokenColumns = ['id', 'userId', 'name', 'scopes', 'createdAt', 'expiresAt', 'revokedAt', 'lastUsedAt'] as const;
  return {
    listUsers: () => db.selectFrom('user').select(userColumns).orderBy('id').execute(),
    findUser: (id: number) => db.selectFrom('user').select(userColumns).where('id', '=', id).executeTakeFirst(),
    /** With the password hash: only for signing in. */
    findUserByEmail: (email: string) => db.selectFrom('user').selectAll().where('email', '=', email).executeTakeFirst(),
    countUsers: async () =>
      Number(
        (
          await db
            .selectFrom('user')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    insertUser: (user: { email: string; name: string; organisation: string; role: UserRole; passwordHash: string; createdAt: string }) =>
      db.insertInto('user').values(user).returning(userColumns).executeTakeFirstOrThrow(),
    updateUser: (
      id: number,
      changes: Partial<{ name: string; organisation: string; role: UserRole; passwordHash: string; disabledAt: string | null }>,
    ) => db.updateTable('user').set(changes).where('id', '=', id).returning(userColumns).executeTakeFirst(),

    insertSession: (session: { tokenHash: string; userId: number; csrfToken: string; createdAt: string; expiresAt: string }) =>
      db.insertInto('session').values(session).execute(),
    /** A live session (not revoked, not expired on `now`) of an enabled user, with the user. */
    findLiveSession: (tokenHash: string, now: string) =>
      db
        .selectFrom('session')
        .innerJoin('user', 'user.id', 'session.userId')
        .select(['session.csrfToken', 'session.expiresAt', ...userColumns.map((c) => `user.${c}` as const)])
        .where('session.tokenHash', '=', tokenHash)
        .where('session.revokedAt', 'is', null)
        .where('session.expiresAt', '>', now)
        .where('user.disabledAt', 'is', null)
        .executeTakeFirst(),
    revokeSession: (tokenHash: string, at: string) =>
      db.updateTable('session').set({ revokedAt: at }).where('tokenHash', '=', tokenHash).where('revokedAt', 'is', null).execute(),
    /** Revokes every session of a user (sign out everywhere, or the user was disabled). */
    revokeSessionsOf: async (userId: number, at: string) =>
      Number(
        (
          await db
            .updateTable('session')
            .set({ revokedAt: at })
            .where('userId', '=', userId)
            .where('revokedAt', 'is', null)
            .executeTakeFirst()
        ).numUpdatedRows,
      ),

    listTokens: () => db.selectFrom('apiToken').select(tokenColumns).orderBy('id').execute(),
    insertToken: (token: {
      userId: number;
      name: string;
      tokenHash: string;
      scopes: readonly TokenScope[];
      createdAt: string;
      expiresAt: string | null;
    }) =>
      db
        .insertInto('apiToken')
        .values({ ...token, scopes: JSON.stringify(token.scopes) })
        .returning(tokenColumns)
        .executeTakeFirstOrThrow(),
    /** A live token (not revoked, not expired on `now`) of an enabled user, with the user. */
    findLiveToken: (tokenHash: string, now: string) =>
      db
        .selectFrom('apiToken')
        .innerJoin('user', 'user.id', 'apiToken.userId')
        .select(['apiToken.id as tokenId', 'apiToken.scopes', ...userColumns.map((c) => `user.${c}` as const)])
        .where('apiToken.tokenHash', '=', tokenHash)
        .where('apiToken.revokedAt', 'is', null)
        .where((eb) => eb.or([eb('apiToken.expiresAt', 'is', null), eb('apiToken.expiresAt', '>', now)]))
        .where('user.disabledAt', 'is', null)
        .executeTakeFirst(),
    touchToken: (id: number, at: string) => db.updateTable('apiToken').set({ lastUsedAt: at }).where('id', '=', id).execute(),
    revokeToken: (id: number, at: string) =>
      db
        .updateTable('apiToken')
        .set({ revokedAt: at })
        .where('id', '=', id)
        .where('revokedAt', 'is', null)
        .returning(tokenColumns)
        .executeTakeFirst(),
    findToken: (id: number) => db.selectFrom('apiToken').select(tokenColumns).where('id', '=', id).executeTakeFirst(),
  };
}
export type AccountRepository = ReturnType<typeof createAccountRepository>;
/** A user as the API shows it: never its password hash. */
export type User = NonNullable<Awaited<ReturnType<AccountRepository['findUser']>>>;
