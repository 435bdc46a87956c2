#!/usr/bin/env bash
# Deadline dashboard benchmark (issue 3): RequestQueries.DeadlinesAsync over 1,000,000 cases in 500 agencies, on SQLite and
# PostgreSQL 15, each against a copy of the same database without the dashboard's indexes (the baseline).
# Usage: bench/requests/run.sh   (env: AGENCIES=500 CASES=1000000; BENCH_ARGS=… extra BenchmarkDotNet arguments)
# Seeded databases are cached under bench/out/requests/ (delete them to regenerate). PostgreSQL runs on a free loopback
# port as the postgres user and is stopped on exit.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
OUT="$ROOT/bench/out/requests"
AGENCIES="${AGENCIES:-500}"
CASES="${CASES:-1000000}"
mkdir -p "$OUT"
cd "$ROOT"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
command -v pg_ctl >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 \
  || { apt-get install -y -q postgresql >/dev/null || { apt-get update -q >/dev/null && apt-get install -y -q postgresql >/dev/null; }; }
PGBIN="$(dirname "$(readlink -f "$(command -v pg_ctl 2>/dev/null || ls /usr/lib/postgresql/*/bin/pg_ctl | tail -1)")")"
"$PGBIN/postgres" --version

PGDATA_DIR=""
cleanup() {
  [ -n "$PGDATA_DIR" ] && runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -m fast stop >/dev/null 2>&1 || true
}
trap cleanup EXIT

echo "== 构建（Release）"
dotnet build -c Release src/Gongkai.Cli -v q -nologo >/dev/null
dotnet build -c Release bench/Gongkai.Benchmarks -v q -nologo >/dev/null
GONGKAI="$ROOT/src/Gongkai.Cli/bin/Release/net10.0/gongkai"
TOOL=(dotnet "$ROOT/bench/Gongkai.Benchmarks/bin/Release/net10.0/Gongkai.Benchmarks.dll")

echo "== SQLite"
SQLITE="$OUT/sqlite.db"
if [ ! -f "$SQLITE.ok" ]; then
  rm -f "$SQLITE" "$SQLITE"-* "$OUT/sqlite-noindex.db"
  "$GONGKAI" db init --connection "Data Source=$SQLITE"
  /usr/bin/time -f "seed elapsed %e s" "$GONGKAI" bench seed-requests --agencies "$AGENCIES" --cases "$CASES" --connection "Data Source=$SQLITE" 2>&1 | tee "$OUT/seed-sqlite.log"
  touch "$SQLITE.ok"
else
  echo "已有数据，跳过生成（删除 $SQLITE.ok 可重新生成）。"
fi
"${TOOL[@]}" sync-indexes "Data Source=$SQLITE"
# Baseline: a byte copy (after folding the WAL into the file) with the dashboard's indexes dropped.
sqlite3 "$SQLITE" 'PRAGMA wal_checkpoint(TRUNCATE);' >/dev/null
cp "$SQLITE" "$OUT/sqlite-noindex.db"
rm -f "$OUT/sqlite-noindex.db-wal" "$OUT/sqlite-noindex.db-shm"
"${TOOL[@]}" drop-indexes "Data Source=$OUT/sqlite-noindex.db"

echo "== PostgreSQL"
PGPORT="$(free_port)"
PGDATA_DIR="$OUT/pgdata"
chmod o+x "$ROOT" "$ROOT/bench" "$ROOT/bench/out" "$OUT" 2>/dev/null || true
if [ ! -f "$PGDATA_DIR/PG_VERSION" ]; then
  mkdir -p "$PGDATA_DIR" && chown postgres "$PGDATA_DIR"
  runuser -u postgres -- "$PGBIN/initdb" -D "$PGDATA_DIR" --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
fi
touch "$OUT/postgres.log" && chown postgres "$OUT/postgres.log"
runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -l "$OUT/postgres.log" -w \
  -o "-p $PGPORT -c listen_addresses=127.0.0.1 -k /tmp -c shared_buffers=1GB -c work_mem=16MB" start >/dev/null
PSQL=(runuser -u postgres -- "$PGBIN/psql" -h 127.0.0.1 -p "$PGPORT" -v ON_ERROR_STOP=1 -q)
PG="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=gongkai_requests"
PG_NOINDEX="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=gongkai_requests_noindex"
if [ ! -f "$OUT/pg.ok" ]; then
  "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS gongkai_requests_noindex" -c "DROP DATABASE IF EXISTS gongkai_requests" -c "CREATE DATABASE gongkai_requests"
  "$GONGKAI" db init --connection "$PG"
  /usr/bin/time -f "seed elapsed %e s" "$GONGKAI" bench seed-requests --agencies "$AGENCIES" --cases "$CASES" --connection "$PG" 2>&1 | tee "$OUT/seed-pg.log"
  touch "$OUT/pg.ok"
else
  echo "已有数据，跳过生成（删除 $OUT/pg.ok 可重新生成）。"
fi
"${TOOL[@]}" sync-indexes "$PG"
# Baseline: a copy of the whole database (WITH TEMPLATE: same pages, same statistics) with the dashboard's indexes dropped.
"${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS gongkai_requests_noindex" -c "CREATE DATABASE gongkai_requests_noindex WITH TEMPLATE gongkai_requests"
"${TOOL[@]}" drop-indexes "$PG_NOINDEX"
"${PSQL[@]}" -d gongkai_requests_noindex -c "ANALYZE"

echo "== BenchmarkDotNet（load average before: $(cut -d' ' -f1-3 /proc/loadavg)）"
export GONGKAI_BENCH_SQLITE="Data Source=$SQLITE" GONGKAI_BENCH_SQLITE_NOINDEX="Data Source=$OUT/sqlite-noindex.db"
export GONGKAI_BENCH_PG="$PG" GONGKAI_BENCH_PG_NOINDEX="$PG_NOINDEX"
rm -rf "$OUT/bdn"
(cd bench/Gongkai.Benchmarks && dotnet run -c Release --no-build -- --filter '*DashboardQueryBenchmarks*' --artifacts "$OUT/bdn" ${BENCH_ARGS:-}) \
  | tee "$OUT/bdn.log" | grep -E '^// (SQLite|PostgreSQL)|^\|' || true
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
REPORT="$(ls "$OUT"/bdn/results/*DashboardQueryBenchmarks-report-github.md 2>/dev/null | head -1)"
[ -n "$REPORT" ] || { echo "没有生成报告，见 $OUT/bdn.log" >&2; exit 1; }
echo
cat "$REPORT"
