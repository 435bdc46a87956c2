#!/usr/bin/env bash
# Annual report benchmark data (issue 10) in one database:
#   region: `bench seed-requests --agencies 500 --cases $CASES` → BENCH1 tree: 500 agencies, cases spread by weight.
#   agency: `bench seed --agencies 2 --items $ITEMS` (BENCH2: a root and one county, the seeder's smallest tree) and
#           `bench seed-requests --agencies 2 --cases $AGENCY_CASES --force` (BENCH3), then every item and case of
#           those four agencies is moved to BENCH3's root, so one agency holds all $ITEMS items and $AGENCY_CASES cases.
# The region's tracking codes get an "R" prefix before the second seed-requests (its codes would repeat the first's).
# Usage: bench/reports/seed.sh "<connection>" [psql command…]   (env: ITEMS=1000000 CASES=100000 AGENCY_CASES=100000)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
CONN="$1"
shift
GONGKAI="$ROOT/src/Gongkai.Cli/bin/Release/net10.0/gongkai"
# Throwaway benchmark data: the Data Protection key ring needs no certificate here.
export DataProtection__AllowUnprotectedKeys=true
"$GONGKAI" db init --connection "$CONN"
/usr/bin/time -f "region seed %e s" "$GONGKAI" bench seed-requests --agencies 500 --cases "${CASES:-100000}" --connection "$CONN"
sql() { if [[ "$CONN" == Data\ Source=* ]]; then sqlite3 "${CONN#Data Source=}" "$1"; else "${PSQL[@]}" -c "$1"; fi; }
PSQL=("$@")
sql "UPDATE \"Requests\" SET \"TrackingCode\" = 'R' || \"TrackingCode\""
/usr/bin/time -f "items seed %e s" "$GONGKAI" bench seed --agencies 2 --items "${ITEMS:-1000000}" --connection "$CONN"
/usr/bin/time -f "agency cases seed %e s" "$GONGKAI" bench seed-requests --agencies 2 --cases "${AGENCY_CASES:-100000}" --force --connection "$CONN"
TARGET="(SELECT \"Id\" FROM \"Agencies\" WHERE \"Code\" = '${AGENCY:-BENCH3}')"
FROM="(SELECT \"Id\" FROM \"Agencies\" WHERE \"Code\" LIKE 'BENCH2%' OR \"Code\" = '${AGENCY:-BENCH3}-C001')"
# Columns stay where they are ((AgencyId, Key) is unique; the report reads no columns).
# The county's item serials are shifted first: (AgencyId, Year, Serial) is unique and both agencies count from 1.
MOVE="UPDATE \"Items\" SET \"Serial\" = \"Serial\" + 1000000 WHERE \"AgencyId\" = (SELECT \"Id\" FROM \"Agencies\" WHERE \"Code\" = 'BENCH2-C001');
UPDATE \"Items\" SET \"AgencyId\" = $TARGET WHERE \"AgencyId\" IN $FROM;
UPDATE \"Requests\" SET \"AgencyId\" = $TARGET WHERE \"AgencyId\" IN $FROM;
ANALYZE;"
sql "$MOVE"
echo "seeded: $CONN"
