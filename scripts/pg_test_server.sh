# Source this: start_pg_test_server starts a throwaway PostgreSQL cluster on a free local port and
# exports CRM_TEST_PG_URL; stop_pg_test_server stops it and deletes its files.
PG_TEST_DIR=""
PG_TEST_PORT="${PG_TEST_PORT:-}"

_free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

_pg_bin() {
  local bin
  bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$bin" ] && echo "$bin" || dirname "$(command -v initdb 2>/dev/null || echo /nonexistent/initdb)"
}

_as_pg_user() {
  if [ "$(id -u)" -eq 0 ]; then su postgres -s /bin/sh -c "$*"; else sh -c "$*"; fi
}

start_pg_test_server() {
  local bin; bin=$(_pg_bin)
  [ -x "$bin/initdb" ] || return 1
  [ -n "$PG_TEST_PORT" ] || PG_TEST_PORT=$(_free_port)  # another server (or test run) may hold any fixed port
  PG_TEST_DIR=$(mktemp -d /tmp/crm-pg-XXXXXX)
  [ "$(id -u)" -eq 0 ] && chown postgres "$PG_TEST_DIR"
  _as_pg_user "'$bin/initdb' -D '$PG_TEST_DIR/data' -U crm --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null" || return 1
  _as_pg_user "'$bin/pg_ctl' -D '$PG_TEST_DIR/data' -l '$PG_TEST_DIR/log' -w -o \"-p $PG_TEST_PORT -k '$PG_TEST_DIR' -c listen_addresses=127.0.0.1 -c fsync=off\" start >/dev/null" || return 1
  _as_pg_user "'$bin/createdb' -h 127.0.0.1 -p $PG_TEST_PORT -U crm crm_test" || return 1
  export CRM_TEST_PG_URL="postgresql+psycopg://crm@127.0.0.1:$PG_TEST_PORT/crm_test"
}

stop_pg_test_server() {
  [ -n "$PG_TEST_DIR" ] || return 0
  _as_pg_user "'$(_pg_bin)/pg_ctl' -D '$PG_TEST_DIR/data' -m fast stop >/dev/null 2>&1" || true
  rm -rf "$PG_TEST_DIR"
}
