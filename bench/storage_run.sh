#!/usr/bin/env bash
# Storage benchmark (bench/README.md), measured in one run:
#   1. builds Release in build-bench (no tests),
#   2. generates the benchmark file (100,000 evaluations × 20 leaves, JSON
#      Lines; reused when already there, as bench/run.sh does),
#   3. starts a throwaway PostgreSQL 15 cluster (as the postgres user when run
#      as root, in a temporary folder, on a free loopback port; default
#      settings, so commits are durable),
#   4. runs jixiao_storage_bench: import into a new SQLite file and into the
#      new PostgreSQL database, monitoring reports, dashboard queries,
#   5. prints the table (rows/s and ms per query beside the targets), stops
#      the cluster and removes the databases.
# A benchmark, not a test: scripts/test.sh never runs it. A MISS does not
# fail the script.
#
# Environment: JIXIAO_BENCH_DATA, JIXIAO_BENCH_EVALUATIONS (100000),
# JIXIAO_BENCH_BUILD (build-bench), JIXIAO_BENCH_NO_POSTGRES=1 to skip it.
set -euo pipefail
cd "$(dirname "$0")/.."

build=${JIXIAO_BENCH_BUILD:-build-bench}
evaluations=${JIXIAO_BENCH_EVALUATIONS:-100000}
seed=20240613
data=${JIXIAO_BENCH_DATA:-${TMPDIR:-/tmp}/jixiao-bench-v3-${evaluations}-${seed}.jsonl}  # v3: the generator version
pgbin=/usr/lib/postgresql/15/bin

scripts/setup.sh
echo "== build (Release, $build)"
# A new folder is configured without the tests; an existing one keeps its
# settings (turning the tests off in a test build would leave ctest running
# stale test binaries).
tests_off=(); [ -f "$build/CMakeCache.txt" ] || tests_off=(-DJIXIAO_TESTS=OFF)
cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release "${tests_off[@]}" >/dev/null
cmake --build "$build" --target jixiao_storage_bench -j "$(nproc 2>/dev/null || echo 2)" >/dev/null

work=$(mktemp -d "${TMPDIR:-/tmp}/jixiao-storage-bench-XXXXXX")
pg_pid=""
as_postgres=()
cleanup() {
  if [[ -n "$pg_pid" ]]; then
    "${as_postgres[@]}" "$pgbin/pg_ctl" -D "$work/pg" stop -m fast -w >/dev/null 2>&1 ||
      kill -INT "$pg_pid" 2>/dev/null || true
    wait "$pg_pid" 2>/dev/null || true
  fi
  rm -rf "$work"
}
trap cleanup EXIT

if [[ $(id -u) -eq 0 ]]; then
  chown postgres "$work"
  as_postgres=(runuser -u postgres --)
fi

args=(--data="$data" --evaluations="$evaluations" --seed="$seed" --sqlite="$work/bench.db")
if [[ -z "${JIXIAO_BENCH_NO_POSTGRES:-}" ]]; then
  echo "== PostgreSQL 15 cluster in $work"
  "${as_postgres[@]}" "$pgbin/initdb" -D "$work/pg" -A trust -U postgres -E UTF8 \
    --locale=C.UTF-8 --no-instructions >"$work/initdb.log"
  port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
  "${as_postgres[@]}" "$pgbin/postgres" -D "$work/pg" -p "$port" -k "$work" \
    -c listen_addresses=127.0.0.1 -c shared_buffers=256MB -c max_wal_size=4GB \
    >"$work/postgres.log" 2>&1 &
  pg_pid=$!
  for _ in $(seq 100); do
    "$pgbin/pg_isready" -q -h 127.0.0.1 -p "$port" && break
    sleep 0.1
  done
  "$pgbin/psql" -q -h 127.0.0.1 -p "$port" -U postgres -c "CREATE DATABASE bench" postgres
  args+=(--postgres="postgresql://postgres@127.0.0.1:$port/bench")
fi

echo "== jixiao_storage_bench"
"$build/bench/jixiao_storage_bench" "${args[@]}"
