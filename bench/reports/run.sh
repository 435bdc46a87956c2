#!/usr/bin/env bash
# Annual report benchmark (issue 10): ReportGenerator for one agency with 100,000 cases and 1,000,000 items, and
# RegionSummaries over 500 agencies, on SQLite and PostgreSQL 15, each beside the naive per-case / per-agency loop.
# Usage: bench/reports/run.sh   (env: ITEMS, CASES, AGENCY_CASES for seeding; BENCH_ARGS=… extra BenchmarkDotNet arguments)
# Seeded databases are cached under bench/out/reports/ (delete *.ok to regenerate). PostgreSQL runs on a free loopback
# port as the postgres user and is stopped on exit.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
OUT="$ROOT/bench/out/reports"
mkdir -p "$OUT"
cd "$ROOT"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }
PGBIN="$(dirname "$(readlink -f "$(command -v pg_ctl 2>/dev/null || ls /usr/lib/postgresql/*/bin/pg_ctl | tail -1)")")"
PGDATA_DIR=""
cleanup() {
  [ -n "$PGDATA_DIR" ] && runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -m fast stop >/dev/null 2>&1 || true
}
trap cleanup EXIT

echo "== 构建（Release）"
dotnet build -c Release src/Gongkai.Cli -v q -nologo >/dev/null
dotnet build -c Release bench/Gongkai.Benchmarks -v q -nologo >/dev/null

echo "== SQLite"
SQLITE="$OUT/sqlite.db"
if [ ! -f "$SQLITE.ok" ]; then
  rm -f "$SQLITE" "$SQLITE"-*
  bench/reports/seed.sh "Data Source=$SQLITE" 2>&1 | tee "$OUT/seed-sqlite.log"
  touch "$SQLITE.ok"
fi

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
  -o "-p $PGPORT -c listen_addresses=127.0.0.1 -k /tmp -c shared_buffers=512MB -c work_mem=16MB" start >/dev/null
PSQL=(runuser -u postgres -- "$PGBIN/psql" -h 127.0.0.1 -p "$PGPORT" -v ON_ERROR_STOP=1 -q)
PG="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=gongkai_reports"
if [ ! -f "$OUT/pg.ok" ]; then
  "${PSQL[@]}" -d postgres -c "DROP DATABASE IF EXISTS gongkai_reports" -c "CREATE DATABASE gongkai_reports"
  bench/reports/seed.sh "$PG" "${PSQL[@]}" -d gongkai_reports 2>&1 | tee "$OUT/seed-pg.log"
  touch "$OUT/pg.ok"
fi

echo "== BenchmarkDotNet（load average before: $(cut -d' ' -f1-3 /proc/loadavg)）"
export GONGKAI_BENCH_REPORT_SQLITE="Data Source=$SQLITE" GONGKAI_BENCH_REPORT_PG="$PG"
rm -rf "$OUT/bdn"
(cd bench/Gongkai.Benchmarks && dotnet run -c Release --no-build -- --filter '*ReportGenerationBenchmarks*' --artifacts "$OUT/bdn" ${BENCH_ARGS:-}) \
  | tee "$OUT/bdn.log" | grep -E '^// (SQLite|PostgreSQL)|^\|' || true
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
REPORT="$(ls "$OUT"/bdn/results/*ReportGenerationBenchmarks-report-github.md 2>/dev/null | head -1)"
[ -n "$REPORT" ] || { echo "没有生成报告，见 $OUT/bdn.log" >&2; exit 1; }
echo
cat "$REPORT"
