#!/usr/bin/env bash
# Rebuilds GeoData/guangming/*.geojson from ../shared/data (real boundary and metro data,
# present on development machines only) and the schematic sketches in
# Sources/GeoDataBuilder, with the widths in GeoData/guangming/rules.toml.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
shared="${GMGEO_SHARED:-$root/../shared}"
[ -d "$shared/data" ] || shared=/work/shared
cd "$root"
swift build --product GeoDataBuilder 2>&1 | grep -E "error|warning" || true
.build/debug/GeoDataBuilder "$shared/data" GeoData/guangming GeoData/guangming/rules.toml
