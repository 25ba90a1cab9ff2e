#!/usr/bin/env bash
# The whole test suite under a sanitizer: Scripts/sanitize.sh address|thread [swift test args]
# Builds into .build/sanitize-KIND (the normal build is untouched). The gmgeo processes the
# CLI tests start are built with the same sanitizer; library-internal leaks are suppressed
# (Scripts/lsan.supp), and the memory-limit test is skipped (a sanitizer multiplies memory).
# GMGEO_TSAN_LOG=/tmp/tsan/log writes each process's ThreadSanitizer reports to log.PID.
set -euo pipefail
cd "$(dirname "$0")/.."
kind=${1:-address}
shift || true
export GMGEO_SANITIZER="$kind"
export LSAN_OPTIONS="suppressions=$PWD/Scripts/lsan.supp:print_suppressions=0"
export ASAN_OPTIONS="detect_leaks=1:allocator_may_return_null=1"
export TSAN_OPTIONS="halt_on_error=0:report_signal_unsafe=0${GMGEO_TSAN_LOG:+:log_path=$GMGEO_TSAN_LOG}"
exec swift test --sanitize="$kind" --scratch-path ".build/sanitize-$kind" "$@"
