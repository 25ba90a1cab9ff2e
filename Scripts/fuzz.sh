#!/usr/bin/env bash
# Fuzzes every reader of untrusted input with libFuzzer and AddressSanitizer:
#   Scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]
# Targets: wkt wkb geojson-geometry geojson csv shapefile gpkg transform rules style.
# Seeds come from Fuzz/corpus/TARGET (committed); inputs found are kept in .build/fuzz/corpus;
# a crash is saved as .build/fuzz/crash-TARGET-* and the script exits 1. To replay a file
# through the plain build: GMGEO_FUZZ_TARGET=wkt swift run GMGeoFuzz FILE
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(wkt wkb geojson-geometry geojson csv shapefile gpkg transform rules style)
swift build --product GMGeoFuzz --scratch-path .build/fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -DGMGEO_FUZZ 2>&1 \
  | grep -v "Cannot export local symbol" | tail -1
bin="$(swift build --product GMGeoFuzz --scratch-path .build/fuzz -Xswiftc -sanitize=fuzzer,address -Xswiftc -DGMGEO_FUZZ --show-bin-path)/GMGeoFuzz"
# GDAL, PROJ and fontconfig keep process-wide caches that LeakSanitizer would call leaks;
# leaks are checked with valgrind instead (Scripts/check-leaks.sh).
export ASAN_OPTIONS=detect_leaks=0:allocator_may_return_null=1
export GMGEO_FUZZ_SIDECARS=Fuzz/sidecars
status=0
printf '%-18s %12s %10s  %s\n' target executions exec/s result
for t in "${targets[@]}"; do
  mkdir -p ".build/fuzz/corpus/$t"
  log=".build/fuzz/$t.log"
  if GMGEO_FUZZ_TARGET="$t" "$bin" ".build/fuzz/corpus/$t" "Fuzz/corpus/$t" -max_total_time="$seconds" -timeout=10 \
       -rss_limit_mb=2048 -max_len=65536 -artifact_prefix=".build/fuzz/crash-$t-" -print_final_stats=1 >"$log" 2>&1; then
    result="no crash"
  else
    result="FOUND: see $log and .build/fuzz/crash-$t-*"
    status=1
  fi
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
  speed=$(grep -o 'stat::average_exec_per_sec: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo 0)
  printf '%-18s %12s %10s  %s\n' "$t" "$runs" "$speed" "$result"
done
exit $status
