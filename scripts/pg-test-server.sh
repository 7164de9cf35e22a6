#!/usr/bin/env bash
# Starts a throw-away PostgreSQL for the test suite on 127.0.0.1:54329 and prints the
# `export TEST_PG_URL=…` line to eval. Used by .ci/run and by developers:
#   eval "$(bash scripts/pg-test-server.sh start)"   …   bash scripts/pg-test-server.sh stop
# PG_TEST_PORT and PG_TEST_DIR choose another port and state directory (several checkouts on one
# machine). When this call started the server it also prints `export SMA_PG_STARTED=<dir>`, so a
# caller stops only a server it started (scripts/test-all.sh does, on exit, failure or Ctrl-C).
# Needs Debian's `postgresql` package (apt-get install -y postgresql). As root the server runs as
# the `postgres` user, because initdb refuses to run as root.
set -euo pipefail
PORT="${PG_TEST_PORT:-54329}"
STATE_DIR="${PG_TEST_DIR:-/tmp/sma-desk-pg}"
PGBIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)"
if [ -z "$PGBIN" ]; then
  echo "pg-test-server: PostgreSQL is not installed (apt-get install -y postgresql)" >&2
  exit 1
fi
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }

case "${1:-start}" in
  start)
    if [ -f "$STATE_DIR/data/postmaster.pid" ] && as_pg "$PGBIN/pg_ctl" -D "$STATE_DIR/data" status >/dev/null 2>&1; then
      echo "export TEST_PG_URL=postgres://app@127.0.0.1:$PORT/app_test"
      echo "export SMA_PG_STARTED="
      exit 0
    fi
    rm -rf "$STATE_DIR"
    mkdir -p "$STATE_DIR"
    [ "$(id -u)" = 0 ] && chown postgres "$STATE_DIR"
    as_pg "$PGBIN/initdb" -D "$STATE_DIR/data" -U app --auth=trust -E UTF8 --locale=C.UTF-8 >"$STATE_DIR/initdb.log" 2>&1
    as_pg "$PGBIN/pg_ctl" -D "$STATE_DIR/data" -w -l "$STATE_DIR/server.log" \
      -o "-p $PORT -k $STATE_DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
      start >/dev/null
    as_pg "$PGBIN/createdb" -h 127.0.0.1 -p "$PORT" -U app app_test
    echo "export TEST_PG_URL=postgres://app@127.0.0.1:$PORT/app_test"
    echo "export SMA_PG_STARTED=$STATE_DIR"
    ;;
  stop)
    as_pg "$PGBIN/pg_ctl" -D "$STATE_DIR/data" -m fast stop >/dev/null 2>&1 || true
    ;;
  *)
    echo "usage: pg-test-server.sh start|stop" >&2
    exit 2
    ;;
esac
