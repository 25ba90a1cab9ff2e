#!/usr/bin/env bash
# Map benchmark (issue 5): the full Guangming overview at A3 300 dpi with gmgeo map and with
# GeoPandas + matplotlib, same run. Needs python3 with geopandas, pyogrio and matplotlib.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
(cd "$root" && swift build -c release --product gmgeo 2>&1 | grep -E "error|warning" || true)
python3 "$root/Scripts/bench_map.py" "$root/.build/release/gmgeo" "$root/GeoData/guangming" "${GMGEO_BENCH_DIR:-/tmp/gmgeo-bench}/map" "${1:-3}"
