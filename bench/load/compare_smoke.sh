#!/usr/bin/env bash
# ctest bench.compare_smoke: bench/compare.sh on a small data set, one short run, on both stores.
# Checks only that it completed and that every row of the tables has a figure; no timing is
# judged here.
#   compare_smoke.sh BUILD_DIR OUT_FILE
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=$1
out=$2
rm -f "$out"
"$here/../compare.sh" --youths 2000 --runs 1 --seconds 1 --warmup 0.5 --connections 4 \
  --ws-clients 50 --idle-connections 50 --bin-dir "$bin" --data-cache "$bin/bench/data" --out "$out" >/dev/null
rows=$(grep -c '^| ' "$out" || true)
measures=(GetPlan SearchYouths LookupCaller LogContact GetFigures GetCase "start to ready" "one event"
          "RSS with 50 idle TLS connections, fresh" "RSS with 50 idle TLS connections, after" "TLS handshakes")
for m in "${measures[@]}"; do
  line=$(grep -m 1 "^| $m" "$out") || { echo "compare_smoke: no row for '$m' in $out" >&2; exit 1; }
  ours=$(cut -d'|' -f3 <<< "$line" | tr -d ' ')
  [[ -n "$ours" && "$ours" != "n/a" ]] || { echo "compare_smoke: no figure in row: $line" >&2; exit 1; }
done
# The stores side by side: every row has a figure in both columns.
for m in "GetPlan, req/s" "SearchYouths p99" "LookupCaller p99" "GetCase p99" "GetFigures for a year" \
         "LogContact (durable" "one event to" "start to ready, ms |"; do
  line=$(grep -F -m 1 "| $m" <<< "$(sed -n '/^| measure | SQLite | PostgreSQL |/,/^$/p' "$out")") ||
    { echo "compare_smoke: no SQLite/PostgreSQL row for '$m' in $out" >&2; exit 1; }
  for col in 3 4; do
    v=$(cut -d'|' -f"$col" <<< "$line" | tr -d ' ')
    [[ -n "$v" && "$v" != "n/a" ]] || { echo "compare_smoke: no figure in row: $line" >&2; exit 1; }
  done
done
echo "compare_smoke: $rows table rows, every measure has a figure, on both stores"
