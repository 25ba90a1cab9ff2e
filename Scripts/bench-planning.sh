#!/usr/bin/env bash
# Issue 4's speed benchmark: gmgeo's own commands end to end against the GeoPandas/Shapely
# scripts for the same jobs, and against bench_shapely.py's in-memory timings, in one run.
# Uses the reference workload (generated on first use). Needs python3 with geopandas,
# shapely, pyproj and pyogrio.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shared="${GMGEO_SHARED:-$root/../shared}"
[ -d "$shared/bench" ] || shared=/work/shared
work="${GMGEO_BENCH_DIR:-/tmp/gmgeo-bench}"
mkdir -p "$work"
cp "$shared/bench/"{gen_workload.py,bench_shapely.py} "$work/"
chmod u+w "$work"/*.py
[ -f "$work/data/points_4326.csv" ] || (cd "$work" && python3 gen_workload.py >/dev/null)
(cd "$root" && swift build -c release --product gmgeo 2>&1 | grep -E "error|warning" || true)
python3 "$root/Scripts/bench_planning.py" "$root/.build/release/gmgeo" "$work" "${1:-3}"
