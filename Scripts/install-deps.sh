#!/usr/bin/env bash
# Installs the Debian packages gmgeo needs to build and test. Idempotent: does nothing
# when everything is already there. Runs as root, or through sudo when available.
set -euo pipefail

# GEOS and PROJ (with its CRS database) for GeoCore, GDAL for GeoIO; pkg-config finds them.
# cairo and the Noto CJK fonts for MapRender; libjs-leaflet for the report's offline web map
# (copied into it); pandoc for report.docx.
packages=(pkg-config libgeos-dev libproj-dev proj-data libgdal-dev libcairo2-dev fonts-noto-cjk libjs-leaflet pandoc)
# With --tests (Scripts/test.sh), what the tests drive besides: poppler-utils reads maps and
# PDFs back, chromium (headless) the web map, unzip and LibreOffice Writer report.docx,
# python3-qgis report.qgs (Scripts/check-qgis-project.py), PostgreSQL + PostGIS the PostGIS
# tests (Scripts/start-postgis.sh).
if [ "${1:-}" = "--tests" ]; then
  packages+=(poppler-utils chromium unzip libreoffice-writer-nogui python3-qgis postgresql-15 postgresql-15-postgis-3)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present" >&2
  exit 0
fi

if [ "$(id -u)" -eq 0 ]; then
  run() { "$@"; }
elif command -v sudo >/dev/null 2>&1; then
  run() { sudo "$@"; }
else
  echo "install-deps: need root or sudo to install: ${missing[*]}" >&2
  exit 1
fi

echo "install-deps: installing ${missing[*]}" >&2
run apt-get update -qq
run env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
