#!/usr/bin/env bash
# Runs gmgeo commands that exercise every wrapper type (and their error paths) under
# valgrind and fails if any memory is definitely or indirectly lost. Complements the
# live-handle counts the test suite checks. Needs valgrind (apt-get install valgrind).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
swift build -c release --product gmgeo >/dev/null
# valgrind 3.19 cannot read the DWARF 5 the Swift toolchain emits: check a copy without it
# (function names stay, so reports still say where).
bin=$(mktemp)
trap 'rm -f "$bin"' EXIT
strip --strip-debug -o "$bin" .build/release/gmgeo
status=0
run() {
  local log
  log=$(mktemp)
  valgrind --leak-check=full --errors-for-leak-kinds=definite,indirect --error-exitcode=99 --suppressions="$root/Scripts/valgrind.supp" \
    --log-file="$log" "$bin" "$@" >/dev/null 2>&1 <<<"${STDIN:-}" || true
  local lost
  # No "lost" lines at all means nothing was lost.
  lost=$( (grep -E "definitely lost:|indirectly lost:" "$log" || true) | awk '{s += $4} END {print s + 0}')
  local errors
  errors=$( (grep -E "ERROR SUMMARY" "$log" || true) | awk '{print $4}')
  if [ -z "$errors" ]; then
    printf '%-60s valgrind gave no summary:\n' "$*"
    tail -5 "$log"
    status=1
  else
    printf '%-60s lost %s bytes, %s errors\n' "$*" "$lost" "$errors"
    [ "$lost" = "0" ] && [ "$errors" = "0" ] || status=1
  fi
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
out=$(mktemp -d)
trap 'rm -f "$bin"; rm -rf "$out"' EXIT
run info roads
run convert green "$out/green.gpkg" --to-crs EPSG:4547
run query projects-sample --within control-zones -o "$out/q.geojson"
run validate projects-sample -o "$out/v.geojson"
printf 'name,x,y\na,495000,2520050\nb,499000,2519000\n' > "$out/pts.csv"
run query "$out/pts.csv" --crs EPSG:4547 --within-distance 500 --of rail -o "$out/near.csv"
run network --no-dissolve --min-patch-area 0 -o "$out/patches.geojson" --gap-links "$out/gaps.geojson"
run coverage --green-service --gaps "$out/gaps2.geojson"
run map boundary green roads -o "$out/m.png" --dpi 72
run info /nonexistent.geojson
# The input contract and the hardening paths: gmgeo's own CSV reader and memory layer, a
# refused kind, a damaged input, the TOML reader, a GeoPackage layer added beside another.
printf '编号,名称,经度,纬度,类型\nP1,光明小学,113.935,22.748,公共配套设施\nP2,某处,113.94,22.75,商业综合体\n' > "$out/sites.csv"
run convert "$out/sites.csv#crs=gcj02" "$out/sites.gpkg"
run convert rail "$out/sites.gpkg"
run validate "$out/sites.csv" --crs gcj02 --kind-field 类型
run validate "$out/sites.csv" --crs gcj02 --kind-field 类型 --unknown-kind review --csv "$out/v.csv"
run geom area '{"type":"Point","coordinates":[1]}'
printf '[[\n' > "$out/bad.toml"
run coverage --green-service --rules "$out/bad.toml"
exit $status
