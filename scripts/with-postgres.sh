#!/usr/bin/env bash
# Start a throw-away PostgreSQL on loopback, run the given command with DATABASE_URL pointing at it, stop it.
# Refuses loudly when PostgreSQL is not installed: database tests are never skipped in silence.
set -euo pipefail
PGBIN=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$PGBIN" ] || [ ! -x "$PGBIN/initdb" ]; then
  echo "!!! PostgreSQL server is not installed: the PostgreSQL tests cannot run." >&2
  echo "!!! Install it with: apt-get install -y postgresql   (or run .ci/run, which does)" >&2
  exit 3
fi
PORT=${THEODOI_PG_PORT:-54329}
D=$(mktemp -d)
# Run from $D: the postgres user may not be allowed into the caller's working directory.
as_pg() { if [ "$(id -u)" = 0 ]; then chown -R postgres "$D"; (cd "$D" && runuser -u postgres -- "$@"); else "$@"; fi; }
cleanup() { as_pg "$PGBIN/pg_ctl" -D "$D/data" -m fast stop >/dev/null 2>&1 || true; rm -rf "$D"; }
trap cleanup EXIT
as_pg "$PGBIN/initdb" -D "$D/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$PGBIN/pg_ctl" -D "$D/data" -l "$D/log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $PORT -k $D -c fsync=off" start >/dev/null
as_pg "$PGBIN/createdb" -h 127.0.0.1 -p "$PORT" -U postgres theodoi
export DATABASE_URL="postgres://postgres@127.0.0.1:$PORT/theodoi"
export THEODOI_EXPECT_POSTGRES=1
echo "PostgreSQL $("$PGBIN/postgres" --version | awk '{print $3}') on 127.0.0.1:$PORT"
"$@"
