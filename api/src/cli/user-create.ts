import { createInterface } from 'node:readline/promises';
import { z } from 'zod';
import { loadConfig } from '../config.js';
import { command } from './command.js';
import { openDatabase } from '../db/open.js';
import { UserInput } from '../schemas/accounts.js';
import { createAccountsService } from '../services/accounts.service.js';

const USAGE = `Creates a user of the tracker.

  pnpm -F @tracker/api user:create -- --admin --email you@example.org --name "Your Name" --organisation "Your organisation"

  --admin | --editor   the role (admins manage users and API tokens; editors record facts). Default: editor
  --email, --name, --organisation   required
The password is read from the TRACKER_PASSWORD environment variable or, if unset, from the first
line of standard input (at least 12 characters). The database is DATABASE_PATH (default
data/tracker.sqlite), created, migrated and seeded if needed.`;

const { args: parsed, fail } = command('user:create', USAGE, {
  admin: { type: 'boolean', default: false },
  editor: { type: 'boolean', default: false },
  email: { type: 'string' },
  name: { type: 'string' },
  organisation: { type: 'string' },
});
if (parsed.admin && parsed.editor) fail('give --admin or --editor, not both');

async function readPassword(): Promise<string> {
  if (process.env.TRACKER_PASSWORD) return process.env.TRACKER_PASSWORD;
  if (process.stdin.isTTY) process.stderr.write('Password (at least 12 characters; it is shown as you type): ');
  const lines = createInterface({ input: process.stdin });
  for await (const line of lines) {
    lines.close();
    return line;
  }
  return '';
}

const input = UserInput.safeParse({
  email: parsed.email,
  name: parsed.name,
  organisation: parsed.organisation,
  role: parsed.admin ? 'admin' : 'editor',
  password: await readPassword(),
});
const newUser = input.success ? input.data : fail(z.prettifyError(input.error));

const config = loadConfig();
const db = await openDatabase(config.database, config.seedDir).catch((err: Error) => fail(err.message, 1));
const created = await createAccountsService(db).createUser(newUser, 'user:create');
await db.destroy();
const user = created.user ?? fail(created.conflict);
console.log(`Created ${user.role} ${user.email} (${user.organisation}), id ${user.id}. Sign in at /login.`);
