#!/usr/bin/env bash
# Builds everything and runs the whole test suite (ctest), from a fresh Debian 12 machine.
#   deploy/test.sh [extra ctest arguments, e.g. -L unit]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

# --desk: the Qt desk and its gui tests are part of the default build and of the suite.
# --bench: nginx, for the smoke test of bench/compare.sh (bench.compare_smoke).
"$root/deploy/install-deps.sh" --desk --bench
cmake --preset dev >/dev/null
cmake --build --preset dev -j "$(nproc)"
ctest --preset dev -j "$(nproc)" "$@"
