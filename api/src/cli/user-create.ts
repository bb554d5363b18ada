import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadConfig } from '../config.js';
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

function fail(message: string): never {
  console.error(`user:create: ${message}\n\n${USAGE}`);
  process.exit(2);
}

const parsed = (() => {
  try {
    return parseArgs({
      // pnpm may pass the "--" that separates its own options on to the script: skip it.
      args: process.argv.slice(2).filter((arg) => arg !== '--'),
      options: {
        admin: { type: 'boolean', default: false },
        editor: { type: 'boolean', default: false },
        email: { type: 'string' },
        name: { type: 'string' },
        organisation: { type: 'string' },
        help: { type: 'boolean', default: false },
      },
      strict: true,
    }).values;
  } catch (err) {
    return fail((err as Error).message);
  }
})();
if (parsed.help) {
  console.log(USAGE);
  process.exit(0);
}
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
if (!input.success) fail(z.prettifyError(input.error));

const config = loadConfig();
const db = await openDatabase(config.databasePath, config.seedDir).catch((err: Error) => fail(err.message));
const created = await createAccountsService(db).createUser(input.data, 'user:create');
await db.destroy();
if (created.conflict !== undefined) fail(created.conflict);
const { user } = created;
console.log(`Created ${user.role} ${user.email} (${user.organisation}), id ${user.id}. Sign in at /login.`);
