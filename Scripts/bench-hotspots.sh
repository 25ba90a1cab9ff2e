#!/usr/bin/env bash
# Issue 14's benchmark: `gmgeo hotspots` on a synthetic export of N citizen reports (default
# 1,000,000 background reports plus clusters, duplicates and a few outside; seeded) through
# cleaning, assignment and Gi* on a 250 m grid over Guangming, against the same pipeline in
# pandas/GeoPandas/libpysal/esda (Scripts/bench_hotspots_pysal.py) on the same file, like for
# like (--counts raw --fdr bh: what ArcGIS and esda compute). Wall time and peak memory of
# both, the ratio, and the largest difference of the cells' Gi* z (gmgeo writes 6 decimals).
# Needs python3 with pandas, geopandas, libpysal, esda (pip install esda libpysal geopandas).
# Usage: bench-hotspots.sh [N]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
work="${GMGEO_BENCH_DIR:-/tmp/gmgeo-bench-hotspots}"
n="${1:-1000000}"
mkdir -p "$work"
(cd "$root" && swift build -c release --product gmgeo 2>&1 | grep -E "error|warning" || true)
gmgeo="$root/.build/release/gmgeo"
reports="$work/reports-$n.csv"
[ -f "$reports" ] || "$gmgeo" simulate-reports --background "$n" --broken 0 --seed 1 -o "$reports"
/usr/bin/time -f "%e %M" -o "$work/time.txt" "$gmgeo" hotspots "$reports" --crs gcj02 --counts raw --fdr bh \
  -o "$work/cells.geojson" > "$work/gmgeo.md" 2> "$work/gmgeo.err"
read -r seconds kb < "$work/time.txt"
/usr/bin/time -f "%e %M" -o "$work/time-ref.txt" python3 "$root/Scripts/bench_hotspots_pysal.py" "$reports" "$root/GeoData/guangming" \
  "$work/reference.json" > "$work/reference.out"
read -r rs rkb < "$work/time-ref.txt"
python3 - "$work" "$seconds" "$kb" "$rs" "$rkb" <<'PY'
import json, sys
work, s, kb, rs, rkb = sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5])
ref = json.load(open(f"{work}/reference.json"))
cells = json.load(open(f"{work}/cells.geojson"))["features"]
mine = {f["properties"]["cell"]: f["properties"]["gi_z"] for f in cells}
diff = max(abs(mine[k] - ref["z"][k]) for k in mine) if set(mine) == set(ref["z"]) else float("nan")
print("| reports | cases (gmgeo / reference) | gmgeo s | gmgeo peak MB | reference s | reference peak MB | ratio | memory | max abs diff Gi* z |")
print("|---|---|---|---|---|---|---|---|---|")
print(f"| {ref['reports']} | {len(mine) and open(f'{work}/gmgeo.md').read().split(' cases.')[0].split(', ')[-1]} / {ref['cases']} | {s:.1f} | {kb // 1024} | {rs:.1f} | {rkb // 1024} | {rs / s:.1f}x | {rkb / kb:.1f}x less | {diff:.1e} |")
print("reference steps (s):", ref["steps"])
PY
