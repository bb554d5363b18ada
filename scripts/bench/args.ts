/**
 * A bench's command-line arguments. `pnpm -F @tracker/scripts bench:x -- --runs 5` passes pnpm's
 * `--` on to the script, where `parseArgs` would read it as the end of the options.
 */
export const benchArgs = (): string[] => process.argv.slice(2).filter((arg, i) => !(i === 0 && arg === '--'));
