import { parseArgs, type ParseArgsConfig } from 'node:util';

type Options = NonNullable<ParseArgsConfig['options']>;
import { loadConfig } from '../config.js';

/**
 * What the tracker's command-line tools (user:create, db:backup, db:restore, data:export,
 * data:import) share: reading their options, `--help`, and failing with one line that says what is
 * wrong (with the usage when the command line itself is wrong, exit code 2; without it for
 * anything else, exit code 1).
 */
export function command<const T extends Options>(name: string, usage: string, options: T) {
  function fail(message: string, code: 1 | 2 = 2): never {
    console.error(`${name}: ${message}${code === 2 ? `\n\n${usage}` : ''}`);
    process.exit(code);
  }
  const args = (() => {
    try {
      const { values } = parseArgs({
        // pnpm may pass on the "--" that separates its own options from the script's: skip it.
        args: process.argv.slice(2).filter((arg) => arg !== '--'),
        options: { ...options, help: { type: 'boolean', default: false } },
        strict: true,
      });
      return values as typeof values & { help: boolean };
    } catch (err) {
      return fail((err as Error).message);
    }
  })();
  if (args.help) {
    console.log(usage);
    process.exit(0);
  }
  /**
   * The SQLite database to work on: `given`, or the configured DATABASE_PATH. These commands work
   * on SQLite files; an installation on PostgreSQL (DATABASE_URL) uses pg_dump and pg_restore.
   */
  const databasePath = (given?: string) => {
    if (given) return given;
    try {
      const config = loadConfig();
      if (config.database !== config.databasePath) {
        return fail(
          `DATABASE_URL is set: this installation's data is in PostgreSQL, which ${name} does not handle. Use pg_dump and pg_restore (README, "Running for many users"), or db:copy to move the data to an SQLite file.`,
          1,
        );
      }
      return config.databasePath;
    } catch (err) {
      return fail((err as Error).message, 1);
    }
  };
  return { args, fail, databasePath };
}
