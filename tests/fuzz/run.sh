#!/usr/bin/env bash
# Runs every fuzz target for the given time with the preset `fuzz` (clang, libFuzzer, ASan and
# UBSan), starting from tests/fuzz/corpus/<target>/ and printing executions per target.
#
#   tests/fuzz/run.sh [SECONDS] [TARGET...]     default 60 s, all targets
#
# New interesting inputs go to build/fuzz/corpus/<target>/ (not into the source tree); a crash
# leaves its input in build/fuzz/artifacts/<target>/ and makes the script fail. Fix the bug, then
# copy the input into tests/fuzz/corpus/<target>/crash-<what> so every build replays it.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
cd "$root"
seconds=${1:-60}
shift || true
targets=("$@")
if [[ ${#targets[@]} -eq 0 ]]; then targets=(http_request connect_decode websocket search_query config); fi

command -v clang++ >/dev/null || { echo "run.sh: clang++ missing: deploy/install-deps.sh --fuzz" >&2; exit 1; }
cmake --preset fuzz >/dev/null
cmake --build build/fuzz -j "$(nproc)" --target spoed_fuzz_targets

# The HTTP target keeps a real SQLite database; in memory its fsyncs cost nothing.
if [[ -d /dev/shm && -w /dev/shm ]]; then export TMPDIR=/dev/shm; fi
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}

status=0
summary=()
for t in "${targets[@]}"; do
  work="build/fuzz/corpus/$t"
  artifacts="build/fuzz/artifacts/$t/"
  mkdir -p "$work" "$artifacts"
  log="build/fuzz/$t.log"
  echo "== $t: ${seconds} s" >&2
  if build/fuzz/tests/fuzz_"$t" -max_total_time="$seconds" -print_final_stats=1 -max_len=65536 \
       -timeout=25 -rss_limit_mb=4096 -artifact_prefix="$artifacts" "$work" "tests/fuzz/corpus/$t" >"$log" 2>&1; then
    result=ok
  else
    result="FAILED (see $log and $artifacts)"
    status=1
  fi
  execs=$(grep -m1 -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$' || echo "?")
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | grep -o '[0-9]*' || echo "?")
  summary+=("$(printf '%-16s %10s execs in %4s s  cov %6s  corpus %5s  %s' "$t" "$execs" "$seconds" "$cov" \
    "$(ls "$work" | wc -l)" "$result")")
done
printf '%s\n' "${summary[@]}"
exit $status
