import closeWithGrace from 'close-with-grace';
import { buildApp } from './app.js';
import { loadConfig } from './config.js';
import { openDatabase } from './db/open.js';

/** A start-up failure: one line that says what is wrong and where, then exit (no stack trace). */
function fail(message: string): never {
  console.error(`[tracker] cannot start: ${message}`);
  process.exit(1);
}

const config = (() => {
  try {
    return loadConfig();
  } catch (err) {
    return fail((err as Error).message);
  }
})();

const db = await openDatabase(config.database, config.seedDir).catch((err: Error) => fail(err.message));
const app = await buildApp(config, db);

closeWithGrace({ delay: 10_000 }, async ({ err }) => {
  if (err) app.log.error({ err }, 'shutting down after an error');
  await app.close();
});

await app
  .listen({ port: config.port, host: config.host })
  .catch((err: NodeJS.ErrnoException) =>
    fail(
      err.code === 'EADDRINUSE'
        ? `port ${config.port} on ${config.host} is already in use: stop the other server, or set PORT to a free port`
        : err.code === 'EADDRNOTAVAIL'
          ? `HOST ${config.host} is not an address of this machine: use 127.0.0.1, or 0.0.0.0 to serve other machines`
          : err.message,
    ),
  );
