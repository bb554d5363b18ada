import { z } from 'zod';
import { TOKEN_SCOPES, USER_ROLES } from '../domain/vocabulary.js';
import { CONTROL, IntParam, IsoDate, PlainText } from './common.js';

/** Passwords shorter than this are refused: a passphrase is the advice, not a character soup. */
export const MIN_PASSWORD_LENGTH = 12;

const Email = z.email({ error: 'must be an e-mail address such as editor@example.org' }).max(254);
const Password = z
  .string()
  .refine((s) => !CONTROL.test(s), 'must not contain control characters')
  .refine((s) => !/\p{Cs}/u.test(s), 'must be well-formed Unicode text')
  .min(MIN_PASSWORD_LENGTH, `must be at least ${MIN_PASSWORD_LENGTH} characters (a passphrase of a few words is best)`)
  .max(1024);
const Organisation = PlainText(2, 200).describe('The organisation the user records for, shown with everything it records');

export const SignInBody = z.strictObject({
  email: PlainText(3, 254).describe('The account’s e-mail address'),
  // Any characters a person can type; not control characters, and not half a character (a lone
  // surrogate), which no keyboard sends and UTF-8 cannot carry.
  password: z
    .string()
    .min(1)
    .max(1024)
    .refine((s) => !CONTROL.test(s), 'must not contain control characters')
    .refine((s) => !/\p{Cs}/u.test(s), 'must be well-formed Unicode text'),
});

export const User = z
  .object({
    id: z.number().int(),
    email: z.string(),
    name: z.string(),
    organisation: z.string(),
    role: z.enum(USER_ROLES),
    createdAt: z.string(),
    disabledAt: z.string().nullable(),
  })
  .meta({ id: 'User' });

export const SessionInfo = z
  .object({
    user: User.pick({ id: true, email: true, name: true, organisation: true, role: true }).nullable().describe('Null when not signed in'),
    csrfToken: z.string().nullable().describe('Send it back as the x-csrf-token header (or the csrf form field) with every write'),
  })
  .meta({ id: 'SessionInfo' });

export const UserInput = z.strictObject({
  email: Email,
  name: PlainText(2, 200),
  organisation: Organisation,
  role: z.enum(USER_ROLES),
  password: Password,
});

export const UserPatch = z
  .strictObject({
    name: PlainText(2, 200).optional(),
    organisation: Organisation.optional(),
    role: z.enum(USER_ROLES).optional(),
    password: Password.optional(),
    disabled: z.boolean().optional().describe('true: the user can no longer sign in, and its sessions end now'),
  })
  .refine((patch) => Object.keys(patch).length > 0, 'give at least one field to change');

export const UserParams = z.object({ id: IntParam(1, 999_999_999).describe('User id') });
export const TokenParams = z.object({ id: IntParam(1, 999_999_999).describe('Token id') });

export const ApiToken = z
  .object({
    id: z.number().int(),
    userId: z.number().int(),
    name: z.string(),
    scopes: z.array(z.enum(TOKEN_SCOPES)),
    createdAt: z.string(),
    expiresAt: z.string().nullable(),
    revokedAt: z.string().nullable(),
    lastUsedAt: z.string().nullable(),
  })
  .meta({ id: 'ApiToken' });

export const ApiTokenInput = z.strictObject({
  userId: z.number().int().positive().describe('The user the token acts for: what it writes is recorded as theirs'),
  name: PlainText(2, 100).describe('What the token is for, e.g. "monthly UNTC import"'),
  scopes: z
    .array(z.enum(TOKEN_SCOPES))
    .min(1, 'give at least one scope')
    .refine((s) => new Set(s).size === s.length, 'must not repeat a scope'),
  expiresOn: IsoDate.nullable().default(null).describe('Last day the token works; null: until revoked'),
});

export const CreatedApiToken = ApiToken.extend({
  secret: z.string().describe('The token itself: shown this once, only its hash is kept'),
}).meta({ id: 'CreatedApiToken' });

export type SessionInfo = z.infer<typeof SessionInfo>;
export type User = z.infer<typeof User>;
export type ApiToken = z.infer<typeof ApiToken>;
export type UserInput = z.infer<typeof UserInput>;
export type ApiTokenInput = z.input<typeof ApiTokenInput>;
