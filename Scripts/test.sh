#!/usr/bin/env bash
# The whole test suite from scratch: installs the Debian packages, starts the local PostGIS
# server for the PostGIS tests (as root; they skip without it), then runs `swift test`.
# Extra arguments go to `swift test` (e.g. --filter GEOS).
set -euo pipefail
cd "$(dirname "$0")/.."
bash Scripts/install-deps.sh --tests
if [ -z "${GMGEO_TEST_PG:-}" ] && [ "$(id -u)" = 0 ]; then
  # Bounded: a server that does not come up costs the PostGIS tests, never the whole run.
  if GMGEO_TEST_PG=$(timeout 300 bash Scripts/start-postgis.sh </dev/null); then
    export GMGEO_TEST_PG
  else
    echo "test.sh: PostGIS server did not start; the PostGIS tests will be skipped" >&2
  fi
fi
# A hung test fails the run after 40 minutes instead of stalling it.
exec timeout --kill-after=30 2400 swift test "$@"
