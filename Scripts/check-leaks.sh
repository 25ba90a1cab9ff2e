#!/usr/bin/env bash
# Runs gmgeo commands that exercise every wrapper type (and their error paths) under
# valgrind and fails if any memory is definitely or indirectly lost. Complements the
# live-handle counts the test suite checks. Needs valgrind (apt-get install valgrind).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
swift build --product gmgeo >/dev/null
bin=.build/debug/gmgeo
status=0
run() {
  local log
  log=$(mktemp)
  valgrind --leak-check=full --errors-for-leak-kinds=definite,indirect --error-exitcode=99 \
    --log-file="$log" "$bin" "$@" >/dev/null 2>&1 <<<"${STDIN:-}" || true
  local lost
  lost=$(grep -E "definitely lost:|indirectly lost:" "$log" | awk '{s += $4} END {print s + 0}')
  local errors
  errors=$(grep -E "ERROR SUMMARY" "$log" | awk '{print $4}')
  printf '%-60s lost %s bytes, %s errors\n' "$*" "$lost" "$errors"
  [ "$lost" = "0" ] && [ "$errors" = "0" ] || status=1
  rm -f "$log"
}
run geom buffer 'LINESTRING (0 0, 100 0, 100 100)' 10 --join mitre --single-sided
run geom intersection 'POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))' 'POLYGON ((5 5, 15 5, 15 15, 5 15, 5 5))'
run geom contains --prepared 'POLYGON ((0 0, 10 0, 10 10, 0 10, 0 0))' 'POINT (1 1)'
run geom isvalidreason 'POLYGON ((0 0, 10 10, 10 0, 0 10, 0 0))'
run geom relate 'POINT (1 1)' 'POLYGON ((0 0, 2 0, 2 2, 0 0))'
run geom polygonize 'MULTILINESTRING ((0 0, 10 0), (10 0, 10 10), (10 10, 0 0))'
run geom area 'POLYGON ((0 0, 1 0'
run geom buffer 'POINT (nan 1)' 1
run transform --from gcj02 --to EPSG:4547 --point 113.95,22.74
run transform --from EPSG:999999 --to EPSG:4547 --point 1,2
run transform --from EPSG:4326 --to EPSG:4547 --point 113.9,95
exit $status
