#!/usr/bin/env bash
# The benchmarks of docs/performance.md (T1 next lead over HTTP, T2 claims, T3 discovery) against
# the release build: throwaway PostgreSQL + MariaDB on loopback (tests/support/services.sh),
# datasets from the project's own generator (`dialler demo-data`), results in
# BUILD/bench/results.json and docs/benchmarks.md. Every server started here is stopped on exit.
#   bench/run.sh [BUILD_DIR]                  (default build/release; `make bench` runs this)
# Environment (all optional):
#   BENCH_LARGE=1          also the 1M-user dataset (T3 large, T1 on large): slow to generate
#   BENCH_SMALL_USERS=50000  BENCH_LARGE_USERS=1000000
#   BENCH_AGENTS=100       simulated agents for T1
#   BENCH_T1_SECONDS=10    duration of the closed-loop and of the open-loop phase each
#   BENCH_T1_RATE=0        open-loop arrival rate per second (0 = 70% of the closed-loop rate)
#   BENCH_T2_THREADS=200   BENCH_T2_LEADS=200000   BENCH_T2_SECONDS=30   BENCH_T2_PG_POOL=64
#   BENCH_SCENARIOS="t1 t2 t3"  run only these (the report keeps the other scenarios' last parts)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
build=$(cd "${1:-$root/build/release}" && pwd)
dialler=$build/src/dialler/main/dialler
bench=$build/bench/dialler_bench
out=$build/bench
parts=$out/parts
data=$out/data
services=$build/bench-services

large=${BENCH_LARGE:-0}
scenarios=" ${BENCH_SCENARIOS:-t1 t2 t3} "
small_users=${BENCH_SMALL_USERS:-50000}
large_users=${BENCH_LARGE_USERS:-1000000}
agents=${BENCH_AGENTS:-100}
t1_seconds=${BENCH_T1_SECONDS:-10}
t1_rate=${BENCH_T1_RATE:-0}
t2_threads=${BENCH_T2_THREADS:-200}
t2_leads=${BENCH_T2_LEADS:-200000}
t2_seconds=${BENCH_T2_SECONDS:-30}
t2_pg_pool=${BENCH_T2_PG_POOL:-8}
password=bench-password-2026
demo_password=bench-demo-password-2026

for f in "$dialler" "$bench"; do
  [ -x "$f" ] || { echo "bench: $f missing: build the release preset first (make bench)" >&2; exit 1; }
done

server_pid=""
stop_server() {
  if [ -n "$server_pid" ]; then
    kill -TERM "$server_pid" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
    server_pid=""
  fi
}
cleanup() {
  stop_server
  "$root/tests/support/services.sh" stop "$services" >/dev/null 2>&1 || true
  rm -rf "$data"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

rm -rf "$data"
mkdir -p "$parts" "$data"
rm -f "$parts/env.txt" "$parts/fsync.json"
for s in $scenarios; do rm -f "$parts/$s-"*.json; done
want() { [[ "$scenarios" == *" $1 "* ]]; }
# The dialler reads .env from its working directory: run it where there is none.
cd "$data"

step() { echo "== bench: $* ($(date +%T))"; }

step "starting PostgreSQL and MariaDB on loopback"
# A replica server keeps its working set in memory; with MariaDB's default 128 MB buffer pool the
# 1M-user replica (~1.5 GB) is read from disk page by page (docs/benchmarks.md).
SERVICES_MARIADB_BUFFER_POOL=${BENCH_MARIADB_BUFFER_POOL:-2G} "$root/tests/support/services.sh" start "$services"
# shellcheck disable=SC1091
. "$services/env"
pg_admin=$DIALLER_TEST_PG_URL
my_admin=$DIALLER_TEST_MYSQL_URL
pg_db() {  # pg_db NAME: creates a database, prints its URL
  psql -q "$pg_admin" -c "CREATE DATABASE $1" >/dev/null
  echo "${pg_admin%/*}/$1"
}
my_db() {
  mariadb --no-defaults --socket="$services/my/my.sock" -uroot -e "CREATE DATABASE $1 CHARACTER SET utf8mb4"
  echo "${my_admin%/*}/$1"
}
free_port() {
  local port
  for _ in $(seq 1 50); do
    port=$(( 20000 + RANDOM % 40000 ))
    if ! ss -Hltn "sport = :$port" | grep -q .; then echo "$port"; return 0; fi
  done
  return 1
}
elapsed() { awk -v a="$1" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }'; }

step "environment"
{
  echo "date=$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "cpu=$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "cores=$(nproc) (the bench client, the dialler and the databases share them)"
  echo "ram=$(free -m | awk '/^Mem:/ { printf "%.1f GiB", $2 / 1024 }')"
  echo "kernel=$(uname -r)"
  echo "os=Debian $(cat /etc/debian_version 2>/dev/null || echo '?')"
  echo "postgresql=$(psql -At "$pg_admin" -c 'SHOW server_version') (services.sh: fsync=off, synchronous_commit=off, full_page_writes=off)"
  echo "mariadb=$(mariadb --no-defaults --socket="$services/my/my.sock" -uroot -N -e 'SELECT VERSION()') (services.sh: innodb_flush_log_at_trx_commit=0, doublewrite=0)"
  echo "sqlite=$(sqlite3 --version | cut -d' ' -f1) (own database: WAL, synchronous=NORMAL)"
  echo "compiler=$(c++ --version | head -n1)"
  echo "build=$(basename "$build") (RelWithDebInfo, no sanitizers)"
  echo "dialler=$("$dialler" version 2>/dev/null | head -n1)"
  echo "server config=WORKER_THREADS=4, HTTP_THREADS=2 (defaults), LOG_LEVEL=warn"
  echo "load average at start=$(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine skews every number)"
  echo "datasets=small $small_users users$([ "$large" = 1 ] && echo ", large $large_users users" || echo '; large (1M) not run: opt-in BENCH_LARGE=1')"
} >"$parts/env.txt"
"$bench" fsync --dir "$out" --out "$parts/fsync.json" >/dev/null

dataset() {  # dataset NAME USERS: MariaDB + SQLite replicas, generated
  local name=$1 users=$2 t0
  t0=$(date +%s.%N)
  my_url=$(my_db "replica_$name")
  "$dialler" demo-data --users "$users" --out "$my_url" --seed 7 >"$data/demo-$name-mysql.txt"
  echo "generate $name ($users users) into MariaDB=$(elapsed "$t0") s: $(cat "$data/demo-$name-mysql.txt")" >>"$parts/env.txt"
  t0=$(date +%s.%N)
  "$dialler" demo-data --users "$users" --out "sqlite://$data/replica-$name.db" --seed 7 >/dev/null
  echo "generate $name into SQLite=$(elapsed "$t0") s" >>"$parts/env.txt"
  eval "my_$name=\$my_url"
}

t3() {  # t3 NAME: discovery from MariaDB into PostgreSQL and into SQLite, and SQLite -> SQLite
  local name=$1 my_url
  eval "my_url=\$my_$name"
  step "T3 discovery $name: MariaDB -> PostgreSQL"
  "$bench" discovery --replica "$my_url" --own "$(pg_db "t3_$name")" \
    --label "$name mariadb->postgresql" --out "$parts/t3-$name-mariadb-to-postgresql.json" >/dev/null
  step "T3 discovery $name: MariaDB -> SQLite"
  "$bench" discovery --replica "$my_url" --own "sqlite://$data/t3-$name.db" \
    --label "$name mariadb->sqlite" --out "$parts/t3-$name-mariadb-to-sqlite.json" >/dev/null
  step "T3 discovery $name: SQLite -> SQLite (embedded demo set-up)"
  "$bench" discovery --replica "sqlite://$data/replica-$name.db" --own "sqlite://$data/t3-$name-lite.db" \
    --label "$name sqlite->sqlite" --out "$parts/t3-$name-sqlite-to-sqlite.json" >/dev/null
}

t1() {  # t1 NAME OWN_KIND: the release server on the MariaDB replica + own PostgreSQL or SQLite
  local name=$1 kind=$2 my_url own port t0
  eval "my_url=\$my_$name"
  if [ "$kind" = postgresql ]; then own=$(pg_db "t1_${name}"); else own="sqlite://$data/t1-$name.db"; fi
  port=$(free_port)
  export APP_ENV=development DATABASE_URL="$own" REPLICA_DATABASE_URL="$my_url" PORT="$port" \
    BIND_ADDRESS=127.0.0.1 ENABLE_HOURLY_REFRESH=false ENABLE_TEST_ENDPOINTS=true \
    DEMO_PASSWORD="$demo_password" LOG_LEVEL=warn TELEPHONY=sim
  step "T1 $name/$kind: agents and discover --full"
  "$bench" agents --own "$own" --count "$agents" --password "$password" >/dev/null
  t0=$(date +%s.%N)
  "$dialler" discover --full >"$data/discover-$name-$kind.json"
  echo "dialler discover --full ($name, MariaDB -> $kind)=$(elapsed "$t0") s (CLI, including start-up)" >>"$parts/env.txt"
  step "T1 $name/$kind: serve on 127.0.0.1:$port"
  "$dialler" serve >"$data/serve-$name-$kind.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 150); do
    curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1 && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$data/serve-$name-$kind.log" >&2; exit 1; }
    sleep 0.2
  done
  step "T1 $name/$kind: $agents agents, ${t1_seconds}s closed loop + ${t1_seconds}s open loop"
  "$bench" next-lead --port "$port" --server-pid "$server_pid" --replica "$my_url" \
    --agents "$agents" --password "$password" \
    --closed-seconds "$t1_seconds" --open-seconds "$t1_seconds" --open-rate "$t1_rate" \
    --label "$name mariadb+$kind" --out "$parts/t1-$name-mariadb-$kind.json" >/dev/null
  stop_server
  unset DATABASE_URL REPLICA_DATABASE_URL PORT
}

t2() {  # t2 KIND LEADS
  local kind=$1 leads=$2 own pool
  if [ "$kind" = postgresql ]; then own=$(pg_db "t2_$leads"); pool=$t2_pg_pool; else own="sqlite://$data/t2-$leads.db"; pool=16; fi
  step "T2 claims on $kind: $t2_threads claimers, $leads leads, at most ${t2_seconds}s"
  "$bench" claims --own "$own" --threads "$t2_threads" --leads "$leads" --max-seconds "$t2_seconds" \
    --pool "$pool" --label "$kind" --out "$parts/t2-$kind-$leads-leads.json" >/dev/null
}

if want t1 || want t3; then
  step "generating the small dataset ($small_users users)"
  dataset small "$small_users"
fi
if want t3; then t3 small; fi
if want t1; then t1 small postgresql; t1 small sqlite; fi
if want t2; then t2 sqlite "$t2_leads"; t2 postgresql "$t2_leads"; fi

if [ "$large" = 1 ]; then
  step "generating the large dataset ($large_users users): this takes a while"
  dataset large "$large_users"
  if want t3; then t3 large; fi
  if want t1; then t1 large postgresql; fi
fi

step "report"
echo "load average at end=$(cut -d' ' -f1-3 /proc/loadavg)" >>"$parts/env.txt"
"$bench" report --parts "$parts" --json "$out/results.json" --md "$root/docs/benchmarks.md" \
  --notes "$root/bench/NOTES.md"
echo "bench: results in $out/results.json and docs/benchmarks.md"
