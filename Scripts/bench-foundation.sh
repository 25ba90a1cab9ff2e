#!/usr/bin/env bash
# Foundation benchmark: the reference workload of ../shared/bench (T1 buffer + union of 20,045
# roads, T3 1,000,000 points to 11 districts, T5 1,000,000 points EPSG:4326 -> EPSG:4547)
# through gmgeo's Swift wrappers and through the plain-C GEOS/PROJ program, one after the
# other in the same run, single-threaded; prints the ratio Swift / C per task.
#
#   Scripts/bench-foundation.sh [RUNS]      (default 5 runs after 1 warm-up)
#
# ../shared is read-only: the bench folder is copied to $GMGEO_BENCH_DIR (default
# /tmp/gmgeo-bench) and the workload generated there once (needs python3 with numpy, pandas,
# shapely and pyproj: pip install shapely pyproj pandas).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shared="${GMGEO_SHARED:-$root/../shared}"
[ -d "$shared/bench" ] || shared=/work/shared
work="${GMGEO_BENCH_DIR:-/tmp/gmgeo-bench}"
runs="${1:-5}"

if [ ! -f "$shared/bench/bench_geos_c.c" ]; then
  echo "bench-foundation: $shared/bench not found (set GMGEO_SHARED)" >&2
  exit 2
fi
mkdir -p "$work"
cp "$shared/bench/"{bench_geos_c.c,gen_workload.py,Makefile} "$work/"
chmod u+w "$work"/*
cd "$work"
[ -f data/points_4326.csv ] || python3 gen_workload.py >/dev/null
make -s bench_geos_c

(cd "$root" && swift build -c release --product GMGeoBench 2>&1 | grep -E "error|warning" || true)
echo "== plain C (GEOS $(geos-config --version), PROJ $(pkg-config --modversion proj)) ==" >&2
./bench_geos_c data "$runs" results_c.json >/dev/null
echo "== gmgeo Swift wrappers ==" >&2
"$root/.build/release/GMGeoBench" data "$runs" results_swift.json >&2
python3 "$root/Scripts/bench_compare.py" results_c.json results_swift.json
