#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for seedfeed's PostgreSQL tests.
#
#   eval "$(scripts/pg-test-cluster.sh start)"   # prints export lines
#   go test ./internal/store/ ./cmd/seedfeed/     # the PostgreSQL tests now run
#   scripts/pg-test-cluster.sh stop "$SEEDFEED_TEST_POSTGRES_DIR"
#
# start makes a temporary directory, runs initdb there (as the user running
# the script, or as an unprivileged user when that is root: PostgreSQL
# refuses to run as root), starts the server with pg_ctl on a free port of
# 127.0.0.1 with password authentication, creates the database
# seedfeed_test and prints
#   export SEEDFEED_TEST_POSTGRES_URL=postgres://seedfeed:PASSWORD@127.0.0.1:PORT/seedfeed_test
#   export SEEDFEED_TEST_POSTGRES_DIR=DIR
# stop DIR stops that server and deletes DIR. pause DIR stops the server and
# keeps its data, resume DIR starts it again on the same port (the tests of
# a database outage use them). Nothing outside DIR is touched.
# The binaries come from PATH or Debian's /usr/lib/postgresql/<version>/bin
# (apt-get install postgresql). PG_TEST_USER overrides the unprivileged user
# (default nobody) used when running as root.
set -euo pipefail

die() { echo "pg-test-cluster: $*" >&2; exit 1; }

find_bin() {
  if command -v pg_ctl >/dev/null 2>&1 && command -v initdb >/dev/null 2>&1; then
    dirname "$(readlink -f "$(command -v pg_ctl)")"; return
  fi
  local d
  for d in $(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V -r); do
    if [ -x "$d/pg_ctl" ] && [ -x "$d/initdb" ]; then echo "$d"; return; fi
  done
  die "no initdb/pg_ctl found: install PostgreSQL (Debian: apt-get install postgresql)"
}

# as_owner runs a command as the cluster's owner.
as_owner() {
  if [ "$(id -u)" = 0 ]; then
    runuser -u "${PG_TEST_USER:-nobody}" -- "$@"
  else
    "$@"
  fi
}

free_port() {
  if command -v python3 >/dev/null 2>&1; then
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
  else
    echo $(( 20000 + RANDOM % 40000 ))
  fi
}

start() {
  local bin dir port pass
  bin=$(find_bin)
  dir=${1:-$(mktemp -d "${TMPDIR:-/tmp}/seedfeed-pg.XXXXXX")}
  mkdir -p "$dir"
  if [ "$(id -u)" = 0 ]; then
    chown "${PG_TEST_USER:-nobody}" "$dir"
  fi
  chmod 700 "$dir"
  pass=$(od -An -N12 -tx1 /dev/urandom | tr -d ' \n')
  printf '%s\n' "$pass" >"$dir/pwfile"
  [ "$(id -u)" = 0 ] && chown "${PG_TEST_USER:-nobody}" "$dir/pwfile"
  as_owner "$bin/initdb" -D "$dir/data" -U seedfeed --pwfile="$dir/pwfile" \
    --auth=scram-sha-256 --encoding=UTF8 --locale=C --no-sync >"$dir/initdb.log" 2>&1 \
    || { cat "$dir/initdb.log" >&2; die "initdb failed"; }
  rm -f "$dir/pwfile"
  local tries=0
  while :; do
    port=$(free_port)
    # fsync off: a test cluster is thrown away, never recovered.
    if as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 \
        -o "-p $port -c listen_addresses=127.0.0.1 -c unix_socket_directories=$dir -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
        start >/dev/null 2>&1; then
      break
    fi
    tries=$((tries + 1))
    [ $tries -lt 5 ] || { cat "$dir/server.log" >&2; die "pg_ctl start failed"; }
  done
  PGPASSWORD=$pass "$bin/createdb" -h 127.0.0.1 -p "$port" -U seedfeed seedfeed_test \
    || die "create database failed (see $dir/server.log)"
  echo "$port" >"$dir/port"
  echo "export SEEDFEED_TEST_POSTGRES_URL=postgres://seedfeed:$pass@127.0.0.1:$port/seedfeed_test"
  echo "export SEEDFEED_TEST_POSTGRES_DIR=$dir"
}

stop() {
  local bin dir=${1:?usage: pg-test-cluster.sh stop DIR}
  [ -d "$dir/data" ] || die "$dir holds no cluster"
  bin=$(find_bin)
  as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}

server_opts() {
  echo "-p $(cat "$1/port") -c listen_addresses=127.0.0.1 -c unix_socket_directories=$1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
}

pause() {
  local bin dir=${1:?usage: pg-test-cluster.sh pause DIR}
  [ -f "$dir/port" ] || die "$dir holds no cluster"
  bin=$(find_bin)
  as_owner "$bin/pg_ctl" -D "$dir/data" -m fast -w stop >/dev/null
}

resume() {
  local bin dir=${1:?usage: pg-test-cluster.sh resume DIR}
  [ -f "$dir/port" ] || die "$dir holds no cluster"
  bin=$(find_bin)
  as_owner "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 30 -o "$(server_opts "$dir")" start >/dev/null
}

case "${1:-}" in
  start) shift; start "$@" ;;
  stop) shift; stop "$@" ;;
  pause) shift; pause "$@" ;;
  resume) shift; resume "$@" ;;
  *) die "usage: pg-test-cluster.sh start [DIR] | stop DIR | pause DIR | resume DIR" ;;
esac
