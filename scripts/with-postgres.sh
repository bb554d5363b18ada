#!/usr/bin/env bash
# Runs a command with TEST_DATABASE_URL naming a PostgreSQL server the tests may use, for the
# PostgreSQL half of the test suite (see README, "Running for many users").
#
#   scripts/with-postgres.sh pnpm -F @tracker/api test:postgres
#
# - TEST_DATABASE_URL already set: the command runs against that server.
# - Otherwise, with Debian's postgresql package installed (apt-get install postgresql): a private
#   server is created in a temporary folder, listening on a private socket folder and a free
#   port on 127.0.0.1 only, with a throw-away superuser and no password; it is stopped and
#   removed when the command ends, whatever happens.
# - Neither: the command is not run; under CI (CI=true) that is a failure, elsewhere a notice.
set -euo pipefail

if [ -n "${TEST_DATABASE_URL:-}" ]; then
  exec "$@"
fi

BIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$BIN" ] || [ ! -x "$BIN/initdb" ]; then
  if [ "${CI:-}" = "true" ]; then
    echo "with-postgres: PostgreSQL is not installed (apt-get install postgresql); the PostgreSQL tests cannot run" >&2
    exit 1
  fi
  echo "with-postgres: PostgreSQL is not installed, so the PostgreSQL tests are skipped (apt-get install postgresql, or set TEST_DATABASE_URL)" >&2
  exit 0
fi

DIR=$(mktemp -d /tmp/tracker-postgres.XXXXXX)
# PostgreSQL refuses to run as root: as root, the server runs as the package's postgres user.
as_server() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
[ "$(id -u)" = 0 ] && chown postgres "$DIR"
PORT=$(node -e 'const s = require("node:net").createServer().listen(0, "127.0.0.1", () => { console.log(s.address().port); s.close(); })')

cleanup() {
  as_server "$BIN/pg_ctl" -D "$DIR/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$DIR"
}
trap cleanup EXIT

as_server "$BIN/initdb" -D "$DIR/data" -A trust -U tracker --locale=C.UTF-8 >"$DIR/initdb.log" 2>&1 || {
  cat "$DIR/initdb.log" >&2
  exit 1
}
# Durability is not needed for a throw-away test server: without fsync the suite runs faster.
as_server "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w \
  -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
  start >/dev/null || {
  cat "$DIR/server.log" >&2
  exit 1
}
echo "with-postgres: PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT (data in $DIR, removed afterwards)" >&2
export TEST_DATABASE_URL="postgres://tracker@127.0.0.1:$PORT/"
# The same version's pg_dump and pg_restore, for the backup test.
export PG_BIN="$BIN"
"$@"
