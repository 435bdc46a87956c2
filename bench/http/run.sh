#!/usr/bin/env bash
# HTTP benchmark: the app's item and list pages against nginx serving the very same bytes as static files.
# Usage: bench/http/run.sh [sqlite|postgres]   (env: DURATION=20s AGENCIES=500 ITEMS=1000000 ITEM_PATH=… LIST_PATH=…)
# Everything listens on 127.0.0.1 only; every server started here is stopped on exit.
set -euo pipefail

DB="${1:-sqlite}"
case "$DB" in sqlite|postgres) ;; *) echo "用法：$0 [sqlite|postgres]" >&2; exit 2 ;; esac
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
OUT="$ROOT/bench/out"
DURATION="${DURATION:-20s}"
AGENCIES="${AGENCIES:-500}"
ITEMS="${ITEMS:-1000000}"
mkdir -p "$OUT"
cd "$ROOT"

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'; }

need() { command -v "$1" >/dev/null 2>&1 || { echo "安装 $2 …"; apt-get install -y -q "$2" >/dev/null || { apt-get update -q >/dev/null && apt-get install -y -q "$2" >/dev/null; }; }; }
need wrk wrk
need nginx nginx
need curl curl
if [ "$DB" = postgres ]; then
  command -v pg_ctl >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/pg_ctl >/dev/null 2>&1 || need pg_ctl postgresql
  PGBIN="$(dirname "$(readlink -f "$(command -v pg_ctl 2>/dev/null || ls /usr/lib/postgresql/*/bin/pg_ctl | tail -1)")")"
fi

PIDS=()
cleanup() {
  for p in "${PIDS[@]:-}"; do [ -n "$p" ] && { pkill -P "$p" 2>/dev/null; kill "$p" 2>/dev/null; } || true; done
  [ -n "${NGINX_CONF:-}" ] && nginx -c "$NGINX_CONF" -p "$OUT/nginx" -s stop 2>/dev/null || true
  [ -n "${PGDATA_DIR:-}" ] && runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -m fast stop >/dev/null 2>&1 || true
}
trap cleanup EXIT

echo "== 构建（Release）"
dotnet build -c Release src/Gongkai.Cli -v q -nologo >/dev/null
dotnet build -c Release src/Gongkai.Web -v q -nologo >/dev/null
GONGKAI="$ROOT/src/Gongkai.Cli/bin/Release/net10.0/gongkai"

if [ "$DB" = sqlite ]; then
  mkdir -p "$OUT/sqlite"
  CS="Data Source=$OUT/sqlite/gongkai.db"
else
  PGPORT="$(free_port)"
  # The server runs as the postgres user: its data and log live in a folder it owns.
  mkdir -p "$OUT/pg" && chown postgres "$OUT/pg"
  PGDATA_DIR="$OUT/pg/data"
  chmod o+x "$ROOT" "$ROOT/bench" "$OUT" 2>/dev/null || true
  if [ ! -f "$PGDATA_DIR/PG_VERSION" ]; then
    mkdir -p "$PGDATA_DIR" && chown postgres "$PGDATA_DIR"
    runuser -u postgres -- "$PGBIN/initdb" -D "$PGDATA_DIR" --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA_DIR" -l "$OUT/pg/postgres.log" -w \
    -o "-p $PGPORT -c listen_addresses=127.0.0.1 -k /tmp -c shared_buffers=1GB -c max_connections=200" start >/dev/null
  runuser -u postgres -- "$PGBIN/psql" -h 127.0.0.1 -p "$PGPORT" -tAc "SELECT 1 FROM pg_database WHERE datname='gongkai'" | grep -q 1 \
    || runuser -u postgres -- "$PGBIN/createdb" -h 127.0.0.1 -p "$PGPORT" gongkai
  CS="Host=127.0.0.1;Port=$PGPORT;Username=postgres;Database=gongkai;Maximum Pool Size=100"
fi

echo "== 数据（$DB）"
INIT="$("$GONGKAI" db init --connection "$CS")"
echo "$INIT"
if echo "$INIT" | grep -q '，0 条信息'; then
  /usr/bin/time -f "seed elapsed %e s" "$GONGKAI" bench seed --agencies "$AGENCIES" --items "$ITEMS" --connection "$CS" 2>&1 | tee "$OUT/seed-$DB.log"
else
  echo "已有数据，跳过生成（删除 $OUT/$DB* 可重新生成）。"
fi

echo "== 启动应用"
APP_PORT="$(free_port)"
# appsettings.json binds Kestrel to [::]:5000, which overrides --urls: pin the endpoint to loopback explicitly.
# A throw-away benchmark database: its key ring need not be encrypted.
DataProtection__AllowUnprotectedKeys=true ConnectionStrings__Gongkai="$CS" ASPNETCORE_ENVIRONMENT=Production Kestrel__Endpoints__Http__Url="http://127.0.0.1:$APP_PORT" \
  dotnet run -c Release --no-build --project src/Gongkai.Web --urls "http://127.0.0.1:$APP_PORT" >"$OUT/app-$DB.log" 2>&1 &
PIDS+=($!)
APP="http://127.0.0.1:$APP_PORT"
for _ in $(seq 1 120); do curl -fs -o /dev/null "$APP/api/v1/agencies" && break; sleep 1; done
curl -fs -o /dev/null "$APP/api/v1/agencies" || { echo "应用未能启动，见 $OUT/app-$DB.log" >&2; exit 1; }

# A county government's 法定主动公开内容 (the column with sub-columns) and its newest published item.
CODE="${AGENCY_CODE:-BENCH1-C001}"
read -r YEAR SERIAL < <(curl -fs "$APP/api/v1/agencies/$CODE/items?pageSize=1" \
  | python3 -c 'import json,sys; d=json.load(sys.stdin); u=d["items"][0]["url"].rstrip("/").split("/"); print(u[-2], u[-1])')
if [ -z "${ITEM_PATH:-}" ]; then
  # The portal page when it exists on this build, else the public API (same PortalQueries underneath).
  if curl -fs -o /dev/null -w '%{content_type}' "$APP/agencies/$CODE/items/$YEAR/$SERIAL" 2>/dev/null | grep -q html; then
    ITEM_PATH="/agencies/$CODE/items/$YEAR/$SERIAL"
  else
    ITEM_PATH="/api/v1/agencies/$CODE/items/$YEAR/$SERIAL"
  fi
fi
if [ -z "${LIST_PATH:-}" ]; then
  if curl -fs -o /dev/null -w '%{content_type}' "$APP/agencies/$CODE/columns/statutory" 2>/dev/null | grep -q html; then
    LIST_PATH="/agencies/$CODE/columns/statutory"
  else
    LIST_PATH="/api/v1/agencies/$CODE/items?column=statutory"
  fi
fi

echo "== 取页面：$ITEM_PATH ；$LIST_PATH"
WWW="$OUT/nginx/www"
mkdir -p "$WWW" "$OUT/nginx/logs"
ITEM_CT="$(curl -fs -o "$WWW/item" -w '%{content_type}' "$APP$ITEM_PATH")"
LIST_CT="$(curl -fs -o "$WWW/list" -w '%{content_type}' "$APP$LIST_PATH")"
echo "item: $(stat -c %s "$WWW/item") 字节，$ITEM_CT；list: $(stat -c %s "$WWW/list") 字节，$LIST_CT"

NGINX_PORT="$(free_port)"
NGINX_CONF="$OUT/nginx/nginx.conf"
cat >"$NGINX_CONF" <<EOF
user root;
worker_processes auto;
pid $OUT/nginx/nginx.pid;
error_log $OUT/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  sendfile on;
  keepalive_requests 100000;
  types { }
  server {
    listen 127.0.0.1:$NGINX_PORT;
    root $WWW;
    location = /item { default_type "$ITEM_CT"; }
    location = /list { default_type "$LIST_CT"; }
  }
}
EOF
nginx -c "$NGINX_CONF" -p "$OUT/nginx"
NGINX="http://127.0.0.1:$NGINX_PORT"
cmp -s <(curl -fs "$NGINX/item") "$WWW/item" || { echo "nginx 返回的内容与应用不同" >&2; exit 1; }

# Warm up the app (JIT, caches, connection pool) before measuring.
wrk -t2 -c16 -d5s "$APP$ITEM_PATH" >/dev/null
wrk -t2 -c16 -d5s "$APP$LIST_PATH" >/dev/null

to_ms() { python3 -c 'import re,sys; v=sys.argv[1]; m=re.match(r"([\d.]+)(us|ms|s)",v); f={"us":0.001,"ms":1,"s":1000}[m.group(2)]; print(f"{float(m.group(1))*f:.2f}")' "$1"; }
declare -A RPS P99
for target in "nginx item|$NGINX/item" "app item|$APP$ITEM_PATH" "nginx list|$NGINX/list" "app list|$APP$LIST_PATH"; do
  name="${target%%|*}"; url="${target#*|}"
  echo "== wrk $name ($url)"
  res="$(wrk -t2 -c64 -d"$DURATION" --latency "$url")"
  echo "$res" | sed -n '/Latency Distribution/,/Requests\/sec/p'
  RPS[$name]="$(echo "$res" | awk '/Requests\/sec/ {print $2}')"
  P99[$name]="$(to_ms "$(echo "$res" | awk '$1=="99%" {print $2}')")"
  non2xx="$(echo "$res" | awk '/Non-2xx/ {print $4}')"
  [ -n "$non2xx" ] && echo "警告：$name 有 $non2xx 个非 2xx 响应"
done

ratio() { python3 -c "print(f'{float(\"$1\")/float(\"$2\"):.2f}')"; }
{
  echo "# HTTP benchmark — $DB"
  echo
  echo "\`bench/http/run.sh $DB\` — $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores, load average before wrk: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "data: $AGENCIES agencies, $ITEMS items; wrk -t2 -c64 -d$DURATION --latency"
  echo "item: \`$ITEM_PATH\` ($(stat -c %s "$WWW/item") bytes); list: \`$LIST_PATH\` ($(stat -c %s "$WWW/list") bytes)"
  echo
  echo "| page | nginx req/s | app req/s | app/nginx | nginx p99 ms | app p99 ms |"
  echo "|---|---:|---:|---:|---:|---:|"
  for page in item list; do
    echo "| $page | ${RPS[nginx $page]} | ${RPS[app $page]} | $(ratio "${RPS[app $page]}" "${RPS[nginx $page]}") | ${P99[nginx $page]} | ${P99[app $page]} |"
  done
} | tee "$OUT/results-$DB.md"
