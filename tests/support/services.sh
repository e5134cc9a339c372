#!/usr/bin/env bash
# Starts (or stops) the throwaway PostgreSQL and MariaDB servers the integration and contract
# tests use: fresh data dirs under DIR, free ports on 127.0.0.1 only, never the machine's own
# services. Writes DIR/env with the admin URLs the tests read (DIALLER_TEST_SERVICES_ENV).
#   tests/support/services.sh start DIR
#   tests/support/services.sh stop DIR
#   tests/support/services.sh start-mariadb DIR     a MariaDB alone (DIR/env: DIALLER_TEST_MYSQL_URL)
#   tests/support/services.sh stop-mariadb DIR      stop it (the data dir stays)
#   tests/support/services.sh restart-mariadb DIR   (stop it and) start it again on the same port
# A server that cannot start is an error (exit 1): CI must never silently skip these tests.
# SERVICES_MARIADB_BUFFER_POOL sizes MariaDB's buffer pool (default 128M, MariaDB's own default;
# the benchmarks give the 1M-user replica room to stay in memory, as a production replica would).
set -euo pipefail

cmd=${1:?start|stop}
dir=${2:?directory}

as_user() {  # as_user USER CMD...: initdb and mariadbd refuse to run as root
  local user=$1; shift
  if [ "$(id -u)" -eq 0 ]; then runuser -u "$user" -- "$@"; else "$@"; fi
}

free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$(( 20000 + RANDOM % 40000 ))
    if ! ss -Hltn "sport = :$port" | grep -q .; then echo "$port"; return 0; fi
  done
  echo "services: no free port found" >&2; return 1
}

wait_for() {  # wait_for SECONDS CMD...: poll until CMD succeeds
  local deadline=$(( $(date +%s) + $1 )); shift
  until "$@" >/dev/null 2>&1; do
    if [ "$(date +%s)" -ge "$deadline" ]; then return 1; fi
    sleep 0.2
  done
}

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)

# The servers' data live under $data, a fresh directory in /tmp named in $dir/data-root: never in
# the build tree, which may sit under a 0700 home that the postgres and mysql users cannot
# enter (and whose long path would not fit a socket name). Removed by stop.
data=""
new_data_root() {
  data=$(mktemp -d /tmp/dialler-services.XXXXXX)
  chmod 755 "$data"
  echo "$data" >"$dir/data-root"
}
if [ -f "$dir/data-root" ]; then data=$(cat "$dir/data-root"); fi

# MariaDB: a fresh data dir under $data/my; the server keeps its port in $data/my/port so that a
# restart (restart-mariadb) comes back where the clients look for it.
# Each MariaDB gets its own tmpdir: two installing at once in a shared /tmp have been seen to trip
# over each other's temporary tables ("Could not remove temporary table '/tmp/#sql-temptable-...'").
install_mariadb() {
  mkdir -p "$data/my/tmp"
  if [ "$(id -u)" -eq 0 ]; then chown mysql "$data/my" "$data/my/tmp"; fi
  as_user mysql mariadb-install-db --no-defaults --datadir="$data/my/data" --tmpdir="$data/my/tmp" \
    --auth-root-authentication-method=normal \
    --skip-test-db >"$dir/my-init.log" 2>&1 || { cat "$dir/my-init.log" >&2; echo "services: mariadb-install-db failed" >&2; exit 1; }
}

run_mariadb() {  # run_mariadb PORT
  local my_port=$1
  echo "$my_port" >"$data/my/port"
  local user_opt=(); if [ "$(id -u)" -eq 0 ]; then user_opt=(--user=mysql); fi
  setsid mariadbd --no-defaults "${user_opt[@]}" --datadir="$data/my/data" --tmpdir="$data/my/tmp" \
    --socket="$data/my/my.sock" \
    --pid-file="$data/my/my.pid" --port="$my_port" --bind-address=127.0.0.1 --skip-name-resolve \
    --innodb-flush-log-at-trx-commit=0 --innodb-doublewrite=0 --max-connections=300 \
    --innodb-buffer-pool-size="${SERVICES_MARIADB_BUFFER_POOL:-128M}" \
    --log-error="$data/my/server.log" >/dev/null 2>&1 &
  echo $! >"$data/my/launcher.pid"
  if ! wait_for 60 mariadb --no-defaults --socket="$data/my/my.sock" -uroot -e 'SELECT 1'; then
    cat "$data/my/server.log" >&2 || true; echo "services: MariaDB did not start" >&2; exit 1
  fi
}

# Root over the socket (no password) creates a TCP user for the tests.
create_mariadb_user() {
  mariadb --no-defaults --socket="$data/my/my.sock" -uroot <<SQL
CREATE USER 'dialler'@'127.0.0.1' IDENTIFIED BY 'dialler-test';
GRANT ALL PRIVILEGES ON *.* TO 'dialler'@'127.0.0.1' WITH GRANT OPTION;
FLUSH PRIVILEGES;
SQL
}

stop_mariadb() {
  if [ -f "$data/my/my.pid" ]; then
    local pid; pid=$(cat "$data/my/my.pid")
    kill "$pid" 2>/dev/null || true
    wait_for 20 bash -c "! kill -0 $pid" || kill -9 "$pid" 2>/dev/null || true
    rm -f "$data/my/my.pid"
  fi
}

# A MariaDB of its own (no PostgreSQL), for a test that restarts it under a running client.
start_mariadb_only() {
  stop_all || true
  rm -rf "$dir"; mkdir -p "$dir"
  new_data_root
  local my_port; my_port=$(free_port)
  install_mariadb
  run_mariadb "$my_port"
  create_mariadb_user
  echo "DIALLER_TEST_MYSQL_URL=mysql://dialler:dialler-test@127.0.0.1:$my_port/mysql" >"$dir/env"
}

restart_mariadb() {
  stop_mariadb
  run_mariadb "$(cat "$data/my/port")"
}

start() {
  stop_all || true
  rm -rf "$dir"; mkdir -p "$dir"
  new_data_root

  # PostgreSQL: trust auth on loopback only; the cluster lives and dies with this run.
  local pg_port; pg_port=$(free_port)
  mkdir -p "$data/pg" "$data/pgsock"
  if [ "$(id -u)" -eq 0 ]; then chown postgres "$data/pg" "$data/pgsock"; fi
  as_user postgres "$pg_bin/initdb" -D "$data/pg/data" -U postgres --auth=trust -E UTF8 --no-sync >"$dir/pg-init.log" 2>&1 \
    || { cat "$dir/pg-init.log" >&2; echo "services: initdb failed" >&2; exit 1; }
  as_user postgres "$pg_bin/pg_ctl" -D "$data/pg/data" -l "$data/pg/server.log" -w -t 30 \
    -o "-p $pg_port -k $data/pgsock -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
    start >/dev/null || { cat "$data/pg/server.log" >&2; echo "services: PostgreSQL did not start" >&2; exit 1; }

  local my_port; my_port=$(free_port)
  install_mariadb
  run_mariadb "$my_port"
  create_mariadb_user

  cat >"$dir/env" <<ENV
DIALLER_TEST_PG_URL=postgresql://postgres@127.0.0.1:$pg_port/postgres
DIALLER_TEST_MYSQL_URL=mysql://dialler:dialler-test@127.0.0.1:$my_port/mysql
ENV
  echo "services: PostgreSQL on 127.0.0.1:$pg_port, MariaDB on 127.0.0.1:$my_port ($dir/env)"
}

stop_all() {
  [ -d "$dir" ] && [ -n "$data" ] || return 0
  if [ -f "$data/pg/data/postmaster.pid" ]; then
    as_user postgres "$pg_bin/pg_ctl" -D "$data/pg/data" -m immediate -w -t 20 stop >/dev/null 2>&1 || true
  fi
  stop_mariadb
  case "$data" in /tmp/dialler-services.*) rm -rf "$data" ;; esac
  data=""
}

case "$cmd" in
  start) start ;;
  start-mariadb) start_mariadb_only ;;
  restart-mariadb) restart_mariadb ;;
  stop-mariadb) stop_mariadb ;;
  stop) stop_all; rm -rf "$dir" ;;
  *) echo "usage: $0 start|stop|start-mariadb|stop-mariadb|restart-mariadb DIR" >&2; exit 2 ;;
esac
