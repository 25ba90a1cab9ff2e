#!/usr/bin/env bash
# Layer I/O benchmark (issue 3): gmgeo convert of the reference workload's roads and gmgeo
# query --within-distance over its 1,000,000 points, against ogr2ogr and GeoPandas on the
# same files in the same run. Uses the workload of Scripts/bench-foundation.sh (generated
# there on first use). Needs gdal-bin (ogr2ogr) and python3 with geopandas and pyogrio.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="${GMGEO_BENCH_DIR:-/tmp/gmgeo-bench}"
if [ ! -f "$work/data/points.csv" ]; then
  shared="${GMGEO_SHARED:-$root/../shared}"
  [ -d "$shared/bench" ] || shared=/work/shared
  mkdir -p "$work" && cp "$shared/bench/gen_workload.py" "$work/" && (cd "$work" && python3 gen_workload.py >/dev/null)
fi
(cd "$root" && swift build -c release --product gmgeo 2>&1 | grep -E "error|warning" || true)
python3 "$root/Scripts/bench_io.py" "$root/.build/release/gmgeo" "$work/data" "$work/io" "${1:-3}"
