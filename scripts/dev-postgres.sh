#!/usr/bin/env bash
# Starts a local PostgreSQL for development on 127.0.0.1:${PG_PORT:-55432} (data in /tmp) and
# prints the TEST_DATABASE_URL to use. Needs Debian's postgresql package; run as root.
set -euo pipefail
PG_BIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
PG_DIR=${PG_DIR:-/tmp/kk-dev-pg}
PG_PORT=${PG_PORT:-55432}
if [ ! -d "$PG_DIR/data" ]; then
	mkdir -p "$PG_DIR" && chown postgres:postgres "$PG_DIR"
	su postgres -c "$PG_BIN/initdb -D '$PG_DIR/data' -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null"
fi
su postgres -c "$PG_BIN/pg_ctl -D '$PG_DIR/data' -o \"-c listen_addresses=127.0.0.1 -p $PG_PORT -k /tmp -c max_connections=200\" -l '$PG_DIR/log' -w start" >/dev/null || true
echo "TEST_DATABASE_URL=postgres://postgres@127.0.0.1:$PG_PORT/postgres"
