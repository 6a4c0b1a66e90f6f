#!/usr/bin/env bash
# Runs a command with a throwaway PostgreSQL server: a fresh cluster in a temporary directory,
# listening on 127.0.0.1 at a free port, removed again when the command ends.
# The server's URL is exported as AMETIJUHEND_TEST_POSTGRES_URL (no database part: tests create
# their own databases).
#
#   scripts/with-postgres.sh cargo test
#
# If AMETIJUHEND_TEST_POSTGRES_URL is already set, the command runs against that server instead.
set -euo pipefail

if [ -n "${AMETIJUHEND_TEST_POSTGRES_URL:-}" ]; then
  exec "$@"
fi

pg_bin=""
for d in /usr/lib/postgresql/*/bin; do
  [ -x "$d/initdb" ] && pg_bin="$d"
done
if [ -z "$pg_bin" ]; then
  echo "with-postgres: PostgreSQL is not installed (no /usr/lib/postgresql/*/bin/initdb)." >&2
  echo "  Install it with: apt-get update && apt-get install -y postgresql" >&2
  exit 2
fi

tmp=$(mktemp -d /tmp/ametijuhend-pg.XXXXXX)
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')

# PostgreSQL refuses to run as root: run the server as the 'postgres' system user then.
as_pg=()
if [ "$(id -u)" = "0" ]; then
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  chown postgres "$tmp"
  as_pg=(runuser -u postgres --)
fi

cleanup() {
  "${as_pg[@]}" "$pg_bin/pg_ctl" -D "$tmp/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$tmp"
}
trap cleanup EXIT

"${as_pg[@]}" "$pg_bin/initdb" -D "$tmp/data" -U ametijuhend --auth=trust -E UTF8 --locale=C.UTF-8 >"$tmp/initdb.log" 2>&1 \
  || { cat "$tmp/initdb.log" >&2; exit 1; }
"${as_pg[@]}" "$pg_bin/pg_ctl" -D "$tmp/data" -l "$tmp/server.log" -w \
  -o "-c listen_addresses=127.0.0.1 -p $port -k $tmp -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null \
  || { cat "$tmp/server.log" >&2; exit 1; }

export AMETIJUHEND_TEST_POSTGRES_URL="postgres://ametijuhend@127.0.0.1:$port"
"$@"
