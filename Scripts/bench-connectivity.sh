#!/usr/bin/env bash
# Issue 15's benchmark: `gmgeo network` with every patch's importance on random city-like
# landscapes of 300, 1,000, 3,000 and 10,000 patches (Scripts/bench_connectivity_landscape.py,
# seeded), wall time and peak memory (GNU time), and the independent reference
# (Scripts/bench_connectivity_reference.py: SciPy all-pairs best paths with each patch
# removed) on the same files: all removals at 300, a sample beyond (its total extrapolated).
# Needs python3 with numpy, scipy and shapely. Usage: bench-connectivity.sh [SIZES...]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="${GMGEO_BENCH_DIR:-/tmp/gmgeo-bench-connectivity}"
mkdir -p "$work"
(cd "$root" && swift build -c release --product gmgeo 2>&1 | grep -E "error|warning" || true)
gmgeo="$root/.build/release/gmgeo"
sizes=("${@:-300 1000 3000 10000}")
printf "| patches | gmgeo s | gmgeo peak MB | reference s | ratio | max abs diff dPC / dIIC (4 decimals written) |\n|---|---|---|---|---|---|\n"
for n in ${sizes[@]}; do
  land="$work/landscape-$n.geojson"
  [ -f "$land" ] || python3 "$root/Scripts/bench_connectivity_landscape.py" "$n" 1 "$land"
  out="$work/patches-$n.geojson"
  /usr/bin/time -f "%e %M" -o "$work/time-$n.txt" "$gmgeo" network --green "$land" --crs EPSG:4547 --no-dissolve \
    --min-patch-area 0 --importance -o "$out" --overwrite > /dev/null 2> "$work/stderr-$n.txt"
  read -r seconds kb < "$work/time-$n.txt"
  case "$n" in 300) sample=0 ;; 1000) sample=20 ;; 3000) sample=2 ;; *) sample="" ;; esac
  if [ -n "$sample" ]; then
    ref=$(python3 "$root/Scripts/bench_connectivity_reference.py" "$land" "$out" "$sample")
    read -r rs diffs <<< "$(python3 -c "import json,sys; r=json.loads(sys.argv[1]); print('%.1f' % r['estimated_total_s'], '%.1e / %.1e%s' % (r['max_abs_diff_dPC'], r['max_abs_diff_dIIC'], '' if r['removed'] == r['n'] else ' (%d removals)' % r['removed']))" "$ref")"
    ratio=$(python3 -c "print('%.0fx' % ($rs / $seconds))")
  else
    rs="not run (n³ per removal)"; ratio="-"; diffs="-"
  fi
  printf "| %s | %s | %s | %s | %s | %s |\n" "$n" "$seconds" "$((kb / 1024))" "$rs" "$ratio" "$diffs"
done
