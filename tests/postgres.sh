#!/usr/bin/env bash
# A private PostgreSQL for the tests: its own data directory and port on 127.0.0.1, started idempotently.
#   tests/postgres.sh start   installs PostgreSQL from Debian's packages when missing, starts the instance unless it
#                             already runs, and prints its Npgsql connection string (the only line on stdout)
#   tests/postgres.sh stop    stops it (nothing happens when it is not running)
#   tests/postgres.sh crash   stops it at once, as a crash would (pg_ctl stop -m immediate); only for a private
#                             instance that a test started on its own NEGOTIATIONGAME_PG_DIR and _PORT
#   tests/postgres.sh status  exits 0 when it is running, non-zero when not
# NEGOTIATIONGAME_PG_DIR and NEGOTIATIONGAME_PG_PORT choose another directory or port.
set -euo pipefail

data="${NEGOTIATIONGAME_PG_DIR:-${TMPDIR:-/tmp}/negotiationgame-test-postgres}"
port="${NEGOTIATIONGAME_PG_PORT:-55432}"
role="negotiationgame"

find_bin() {
  local found
  found="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)"
  if [ -z "$found" ] && command -v pg_ctl >/dev/null 2>&1; then
    found="$(dirname "$(command -v pg_ctl)")"
  fi
  echo "$found"
}

bin="$(find_bin)"
if [ -z "$bin" ] || [ ! -x "$bin/pg_ctl" ]; then
  case "${1:-}" in
    stop|crash) exit 0 ;;
    status) exit 1 ;;
  esac
  if command -v apt-get >/dev/null 2>&1 && [ "$(id -u)" = 0 ]; then
    echo "== installing postgresql (the cluster tests run against a real PostgreSQL)" >&2
    apt-get update -qq >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
    bin="$(find_bin)"
  else
    echo "PostgreSQL is required for the cluster tests: install the Debian package postgresql." >&2
    exit 1
  fi
fi

# PostgreSQL refuses to run as root: as root, the instance belongs to the postgres account the package creates.
as_owner() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u postgres -- "$@"
  else
    "$@"
  fi
}

running() {
  [ -f "$data/PG_VERSION" ] && as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1
}

case "${1:-}" in
  start)
    if ! running; then
      if [ ! -f "$data/PG_VERSION" ]; then
        rm -rf "$data"
        mkdir -p "$data"
        [ "$(id -u)" = 0 ] && chown postgres:postgres "$data"
        chmod 700 "$data"
        as_owner "$bin/initdb" -D "$data" -U "$role" --auth=trust --encoding=UTF8 --locale=C.UTF-8 >/dev/null
      fi
      as_owner "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 start \
        -o "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$data -c max_connections=400 -c shared_buffers=128MB" >/dev/null
    fi
    echo "Host=127.0.0.1;Port=$port;Username=$role;Database=postgres"
    ;;
  stop)
    if running; then
      as_owner "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null
    fi
    ;;
  crash)
    if [ -z "${NEGOTIATIONGAME_PG_DIR:-}" ] || [ "$port" = 55432 ]; then
      echo "crash is only for a private instance (its own NEGOTIATIONGAME_PG_DIR and NEGOTIATIONGAME_PG_PORT), never the shared one" >&2
      exit 2
    fi
    if running; then
      as_owner "$bin/pg_ctl" -D "$data" -m immediate -w stop >/dev/null
    fi
    ;;
  status)
    running
    ;;
  *)
    echo "usage: $0 start|stop|crash|status" >&2
    exit 2
    ;;
esac
