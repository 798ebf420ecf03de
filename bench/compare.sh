#!/usr/bin/env bash
# The one command of issue 8: spoedd side by side with its limits on this machine, measured in
# the same run — nginx for HTTPS (same certificate, same TLS settings, same client, same
# connection count) and the sqlite3 library for storage (spoed-bench-raw) — written as one
# Markdown table (docs/performance.md keeps the latest).
#
#   bench/compare.sh [--youths N] [--runs R] [--out FILE] [--seconds S] [--warmup S]
#                    [--connections C] [--ws-clients N] [--idle-connections N] [--seed S]
#                    [--bin-dir DIR] [--data-cache DIR] [--stores "sqlite postgresql"]
#
# Both stores by default: the spoedd scenarios run once more on PostgreSQL 15 (a server this
# script starts in its work directory, on loopback, as `nobody` when run as root; the data set
# is moved into it with `spoedd move-to-postgresql`, and each run works on a copy), and the
# table gets a PostgreSQL column beside SQLite's.
#
# Defaults: the national data set (1,000,000 youths), 3 runs (the table shows medians), 10 s
# per scenario after 2 s of warm-up, 16 connections for the throughput comparisons, 1,000
# WebSocket clients and 1,000 idle TLS connections. The data set is made once per size and
# seed under build/bench/data/ and reused; each run works on a copy, so writes of one run
# (LogContact) never change the next one's data.
#
# --bin-dir uses the binaries of an existing build (the ctest smoke test passes its own)
# instead of building the `bench` preset (Release); --data-cache keeps the data sets elsewhere.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

youths=1000000
runs=3
out="$root/build/bench/compare.md"
seconds=10
warmup=2
connections=16
latency_connections=1
ws_clients=1000
idle_connections=1000
seed=20261123
bin=""
data_root="$root/build/bench/data"
stores="sqlite postgresql"
while [[ $# -gt 0 ]]; do
  case "$1" in
    --youths) youths=$2; shift 2 ;;
    --runs) runs=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --seconds) seconds=$2; shift 2 ;;
    --warmup) warmup=$2; shift 2 ;;
    --connections) connections=$2; shift 2 ;;
    --ws-clients) ws_clients=$2; shift 2 ;;
    --idle-connections) idle_connections=$2; shift 2 ;;
    --seed) seed=$2; shift 2 ;;
    --bin-dir) bin=$2; shift 2 ;;
    --data-cache) data_root=$2; shift 2 ;;
    --stores) stores=$2; shift 2 ;;
    *) echo "compare.sh: unknown argument $1 (see the head of bench/compare.sh)" >&2; exit 2 ;;
  esac
done

if [[ -z "$bin" ]]; then
  "$root/deploy/install-deps.sh" --bench
  cmake --preset bench -DSPOED_BUILD_DESK=OFF >/dev/null
  cmake --build --preset bench --target spoedd spoed-load spoed-bench-data spoed-bench-raw
  bin="$root/build/bench"
fi
spoedd_bin="$bin/daemon/spoedd"
load_bin="$bin/bench/load/spoed-load"
# The data set tools are helper "national"'s (bench/national, contracts 1 and 2 of issue 8);
# SPOED_BENCH_DATA / SPOED_BENCH_RAW point elsewhere when testing this script alone.
data_bin="${SPOED_BENCH_DATA:-$bin/bench/national/spoed-bench-data}"
raw_bin="${SPOED_BENCH_RAW:-$bin/bench/national/spoed-bench-raw}"
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)
for f in "$spoedd_bin" "$load_bin" "$data_bin" "$raw_bin" "$nginx_bin"; do
  [[ -x "$f" ]] || { echo "compare.sh: $f is missing (nginx: deploy/install-deps.sh --bench)" >&2; exit 1; }
done
command -v jq >/dev/null || { echo "compare.sh: needs jq (deploy/install-deps.sh)" >&2; exit 1; }
command -v curl >/dev/null || { echo "compare.sh: needs curl (deploy/install-deps.sh)" >&2; exit 1; }

log() { printf 'compare.sh: %s\n' "$*" >&2; }

# --- the data set (contract 1), cached by size and seed ---------------------------------------
mkdir -p "$data_root"
db="$data_root/youths-$youths-seed-$seed.db"
if [[ ! -f "$db" || ! -f "$db.json" ]]; then
  rm -f "$db" "$db-wal" "$db-shm" "$db.json"
  log "making the data set: $youths youths, seed $seed (once; reused from $db)"
  start=$(date +%s)
  "$data_bin" --out "$db" --youths "$youths" --seed "$seed"
  log "data set made in $(( $(date +%s) - start )) s"
fi
manifest="$db.json"

work=$(mktemp -d "${TMPDIR:-/tmp}/spoed-compare.XXXXXX")
spoedd_pid=""
nginx_pid=""
pg_ctl() { "${as_pg[@]}" /usr/lib/postgresql/15/bin/pg_ctl "$@"; }
as_pg=()
[[ $(id -u) -eq 0 ]] && as_pg=(runuser -u nobody --)
pg_up=""
cleanup() {
  [[ -n "$nginx_pid" ]] && kill -QUIT "$nginx_pid" 2>/dev/null && wait "$nginx_pid" 2>/dev/null
  [[ -n "$spoedd_pid" ]] && kill -TERM "$spoedd_pid" 2>/dev/null && wait "$spoedd_pid" 2>/dev/null
  [[ -n "$pg_up" ]] && pg_ctl -D "$work/pg" -m immediate -w stop >/dev/null 2>&1
  rm -rf "$work"
}
trap cleanup EXIT

# Each run's daemon works on its own copy of the data set.
data_dir="$work/data"
mkdir -m 700 "$data_dir"
cp --sparse=always "$db" "$data_dir/spoed.db"
for suffix in -wal -shm; do [[ -f "$db$suffix" ]] && cp "$db$suffix" "$data_dir/spoed.db$suffix"; done
cp "$manifest" "$data_dir/spoed.db.json"  # spoed-bench-raw reads the manifest beside the file

cat > "$work/spoedd.conf" <<EOF
data_dir = $data_dir
listen = 127.0.0.1:0
# One load client on 127.0.0.1 stands in for every desk of the country here. The per-address
# limits (64 connections, 20 new TLS handshakes a second after a burst of 100) exist to stop one
# misbehaving address; left as they are, they would throttle the benchmark rather than measure
# the server, and the events and idle scenarios need 1,000 connections from this one address.
max_connections = $(( idle_connections + ws_clients + 4 * connections + 64 ))
max_connections_per_address = $(( idle_connections + ws_clients + 4 * connections + 64 ))
handshakes_per_address_per_second = 0
handshake_burst_per_address = 100000
# Each load connection is one session making hundreds of calls a second; a desk makes a few,
# and the 20/s limit per session token would measure the limiter.
token_requests_per_second = 0
# Every load connection signs in as the same user, far more often than people do; and the
# idle connections are strangers that must not be made room for.
sign_in_burst_per_account = 1000000
sign_in_burst_per_address = 1000000
reserved_connections = 0
EOF

# --- PostgreSQL: a server of this run's own, the data set moved into a template -------------
if [[ " $stores " == *" postgresql "* ]]; then
  pgdir="$work/pg"
  chmod 755 "$work"
  mkdir -p "$pgdir" && [[ ${#as_pg[@]} -gt 0 ]] && chown nobody: "$pgdir"
  "${as_pg[@]}" /usr/lib/postgresql/15/bin/initdb -D "$pgdir" -U spoed --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
  for _ in $(seq 1 20); do
    pg_port=$(( 20000 + RANDOM % 20000 ))
    if pg_ctl -D "$pgdir" -l "$pgdir/server.log" -w \
        -o "-c listen_addresses=127.0.0.1 -p $pg_port -k $pgdir -c shared_buffers=256MB" start >/dev/null; then
      pg_up=1
      break
    fi
  done
  [[ -n "$pg_up" ]] || { cat "$pgdir/server.log" >&2; log "PostgreSQL did not start"; exit 1; }
  pg_dsn() { echo "host=127.0.0.1 port=$pg_port user=spoed dbname=$1"; }
  psql_() { PGOPTIONS="-c client_min_messages=warning" /usr/lib/postgresql/15/bin/psql -h 127.0.0.1 -p "$pg_port" -U spoed -qAtX -d postgres "$@"; }
  psql_ -c "CREATE DATABASE spoed_template"
  log "moving the data set into PostgreSQL"
  start=$(date +%s)
  "$spoedd_bin" move-to-postgresql --data-dir "$data_dir" --postgresql "$(pg_dsn spoed_template)" > "$work/move.log" ||
    { cat "$work/move.log" >&2; log "the move into PostgreSQL failed"; exit 1; }
  log "moved in $(( $(date +%s) - start )) s: $(tail -n 2 "$work/move.log" | head -n 1)"
  psql_ -d spoed_template -c "VACUUM ANALYZE" >/dev/null
fi
# The configuration of the run on STORE: the same limits, and for PostgreSQL a fresh copy of the
# template (this run's writes never reach the next).
config_for() {
  local conf="$work/spoedd-$1.conf"
  cp "$work/spoedd.conf" "$conf"
  if [[ $1 == postgresql ]]; then
    psql_ -c "DROP DATABASE IF EXISTS spoed_run" -c "CREATE DATABASE spoed_run TEMPLATE spoed_template"
    printf 'store = postgresql\npostgresql_dsn = %s\npostgresql_connections = 16\n' "$(pg_dsn spoed_run)" >> "$conf"
  fi
  echo "$conf"
}
spoedd_conf="$work/spoedd.conf"

# Starts spoedd and waits until /readyz answers 200; sets spoedd_pid, port, ca and ready_ms
# (from exec to the first 200 on /readyz, including this script's polling: about 5 ms).
start_spoedd() {
  : > "$work/spoedd.out"
  local t0 t1 deadline
  t0=$(date +%s%N)
  "$spoedd_bin" --config "$spoedd_conf" > "$work/spoedd.out" 2>> "$work/spoedd.log" &
  spoedd_pid=$!
  deadline=$(( t0 + 120000000000 ))
  port=""
  while [[ -z "$port" ]]; do
    port=$(sed -n 's|^spoedd: listening on https://[^:]*:\([0-9]*\)$|\1|p' "$work/spoedd.out")
    if [[ -z "$port" ]]; then
      kill -0 "$spoedd_pid" 2>/dev/null || { cat "$work/spoedd.log" >&2; log "spoedd did not start"; exit 1; }
      (( $(date +%s%N) < deadline )) || { log "spoedd did not listen within 120 s"; exit 1; }
      sleep 0.002
    fi
  done
  ca="$data_dir/tls/dev-ca.pem"
  until [[ $(curl -s -o /dev/null -w '%{http_code}' --cacert "$ca" "https://127.0.0.1:$port/readyz") == 200 ]]; do
    (( $(date +%s%N) < deadline )) || { log "spoedd not ready within 120 s"; exit 1; }
    sleep 0.002
  done
  t1=$(date +%s%N)
  ready_ms=$(( (t1 - t0) / 1000000 ))
}
stop_spoedd() {
  kill -TERM "$spoedd_pid"
  wait "$spoedd_pid" || true
  spoedd_pid=""
}

# --- nginx: as this user, own prefix and configuration, same certificate as spoedd ------------
# spoedd (daemon/net/server.cpp): TLS 1.3 only (tls_allow_tls12 is off by default), OpenSSL's
# default TLS 1.3 suites and groups, server preference, no compression, ECDSA P-256
# certificate (daemon/net/dev_cert.cpp). nginx gets the same: its `auto` curve list is
# OpenSSL's default list too. Static 4 KB file, keep-alive without a request limit, no access
# log, one worker per core.
start_nginx() {
  local n="$work/nginx"
  mkdir -p "$n/html" "$n/tmp"
  chmod 755 "$work" "$n" "$n/html"
  head -c 3072 /dev/urandom | base64 -w 0 > "$n/html/plan-4k.txt"  # 4,096 bytes
  local user_line=""
  # As root, nginx's workers would switch to `nobody`; run them as the invoking user instead.
  [[ $(id -u) -eq 0 ]] && user_line="user $(id -un) $(id -gn);"
  for _ in $(seq 1 20); do
    nginx_port=$(( 20000 + RANDOM % 20000 ))
    (echo > "/dev/tcp/127.0.0.1/$nginx_port") 2>/dev/null && continue  # taken
    cat > "$n/nginx.conf" <<EOF
$user_line
worker_processes $(nproc);
daemon off;
pid $n/nginx.pid;
error_log $n/error.log warn;
events { worker_connections 8192; }
http {
  access_log off;
  client_body_temp_path $n/tmp/body;
  proxy_temp_path $n/tmp/proxy;
  fastcgi_temp_path $n/tmp/fastcgi;
  uwsgi_temp_path $n/tmp/uwsgi;
  scgi_temp_path $n/tmp/scgi;
  keepalive_requests 100000000;
  keepalive_timeout 60s;
  server {
    listen 127.0.0.1:$nginx_port ssl;
    ssl_certificate $data_dir/tls/server.pem;
    ssl_certificate_key $data_dir/tls/server.key;
    ssl_protocols TLSv1.3;
    ssl_ecdh_curve auto;
    ssl_prefer_server_ciphers on;
    root $n/html;
    location / { }
  }
}
EOF
    "$nginx_bin" -p "$n" -c "$n/nginx.conf" -e "$n/error.log" &
    nginx_pid=$!
    for _ in $(seq 1 100); do
      [[ $(curl -s -o /dev/null -w '%{http_code}' --cacert "$ca" "https://127.0.0.1:$nginx_port/plan-4k.txt") == 200 ]] &&
        return 0
      kill -0 "$nginx_pid" 2>/dev/null || break
      sleep 0.05
    done
    kill -QUIT "$nginx_pid" 2>/dev/null; wait "$nginx_pid" 2>/dev/null || true
    nginx_pid=""
  done
  cat "$n/error.log" >&2
  log "nginx did not start"
  exit 1
}

results="$work/results.jsonl"
: > "$results"
# load TARGET SCENARIO CONNECTIONS [extra spoed-load flags]: one run, appended to $results.
load() {
  local target=$1 scenario=$2 conns=$3
  shift 3
  local url
  if [[ "$target" == nginx ]]; then url="https://127.0.0.1:$nginx_port"; else url="https://127.0.0.1:$port"; fi
  # spoedd-pg: the same spoedd on PostgreSQL (the daemon running now)
  local json
  if ! json=$("$load_bin" --url "$url" --ca "$ca" --manifest "$manifest" --scenario "$scenario" \
              --connections "$conns" --seconds "$seconds" --warmup "$warmup" "$@"); then
    log "spoed-load $scenario against $target failed"
    exit 1
  fi
  log "$target $scenario: $json"
  jq -c --arg target "$target" --argjson run "$run" '. + {target: $target, run: $run}' <<< "$json" >> "$results"
}

# --- the runs -------------------------------------------------------------------------------
# Reads a file once so that its pages are in the page cache: each run starts from a warm file
# rather than from whatever the kernel kept (on the VM this was measured on, the page cache
# shrinks on its own within minutes and holds little more than one copy of the national set).
warm() { cat "$1" > /dev/null; }

raw_results="$work/raw.jsonl"
: > "$raw_results"
ready=()
ready_pg=()
for run in $(seq 1 "$runs"); do
  log "run $run of $runs"
  warm "$data_dir/spoed.db"
  start_spoedd
  ready+=("$ready_ms")
  [[ -n "$nginx_pid" ]] || start_nginx
  log "spoedd ready in $ready_ms ms (port $port); nginx on $nginx_port"
  if [[ $run -eq 1 ]]; then
    # A fresh daemon's memory with the idle connections: what a quiet evening costs.
    load spoedd idle "$idle_connections" --pid "$spoedd_pid"
    fresh=$(tail -n 1 "$results")
    sed -i '$d' "$results"
    jq -c '. + {scenario: "idle_fresh"}' <<< "$fresh" >> "$results"
  fi
  load spoedd getplan "$connections"
  load nginx static "$connections" --path /plan-4k.txt
  load spoedd handshake "$connections"
  load nginx handshake "$connections"
  load spoedd search "$latency_connections"
  load spoedd lookup "$latency_connections"
  load spoedd getcase "$latency_connections"
  # A year of figures on the national set takes seconds per call: a window of at least 30 s
  # with no warm-up, so that the p99 rests on several calls rather than none.
  load spoedd figures "$latency_connections" --seconds "$(( seconds > 30 ? seconds : 30 ))" --warmup 0
  load spoedd logcontact "$connections"
  load spoedd events "$ws_clients"
  # After all of the above: the daemon's memory once its caches are warm.
  load spoedd idle "$idle_connections" --pid "$spoedd_pid"
  stop_spoedd

  if [[ " $stores " == *" postgresql "* ]]; then
    # The spoedd scenarios once more, on PostgreSQL; TLS and nginx are the same for both stores.
    spoedd_conf=$(config_for postgresql)
    start_spoedd
    ready_pg+=("$ready_ms")
    log "spoedd on PostgreSQL ready in $ready_ms ms (port $port)"
    load spoedd-pg getplan "$connections"
    load spoedd-pg search "$latency_connections"
    load spoedd-pg lookup "$latency_connections"
    load spoedd-pg getcase "$latency_connections"
    load spoedd-pg figures "$latency_connections" --seconds "$(( seconds > 30 ? seconds : 30 ))" --warmup 0
    load spoedd-pg logcontact "$connections"
    load spoedd-pg events "$ws_clients"
    load spoedd-pg idle "$idle_connections" --pid "$spoedd_pid"
    stop_spoedd
    spoedd_conf="$work/spoedd.conf"
  fi

  log "spoed-bench-raw"
  # On the same file spoedd just used, still warm: a second 4.8 GiB file would push the first
  # out of this VM's page cache. The run's writes (audit lines, contacts) are a few thousand
  # rows among millions; the insert baseline writes to a fresh store of its own.
  raw_json=$("$raw_bin" --db "$data_dir/spoed.db" --seconds "$seconds")
  log "raw: $(jq -c . <<< "$raw_json")"
  jq -c --argjson run "$run" '. + {run: $run}' <<< "$raw_json" >> "$raw_results"
done

# --- the table ------------------------------------------------------------------------------
# median TARGET SCENARIO FIELD: the median over the runs (the lower middle for an even count).
median() {
  jq -s --arg t "$1" --arg s "$2" --arg f "$3" \
    '[.[] | select(.target == $t and .scenario == $s) | .[$f]] | sort | if length == 0 then null else .[(length - 1) / 2 | floor] end' \
    "$results"
}
errors() {
  jq -s --arg t "$1" --arg s "$2" '[.[] | select(.target == $t and .scenario == $s) | .errors] | add // 0' "$results"
}
# raw QUERY FIELD: the median over the runs of spoed-bench-raw (the lower middle, as above).
raw() {
  jq -s -r --arg q "$1" --arg f "$2" \
    '[.[] | .[$q][$f] | select(. != null)] | sort | if length == 0 then empty else .[(length - 1) / 2 | floor] end' \
    "$raw_results"
}
fmt() { if [[ -z "$1" || "$1" == null ]]; then echo "n/a"; else printf "%.${2:-1}f" "$1"; fi; }
ratio() { if [[ -z "$2" || "$2" == null || "$1" == null ]]; then echo "n/a"; else jq -n "$1 / $2" | xargs printf '%.2f'; fi; }
yesno() { if [[ "$1" == 1 ]]; then echo yes; else echo "**no**"; fi; }
# met SCENARIO CONDITION: yes/no, and how many calls failed when any did (a figure from a run
# with errors does not count as met).
met() {
  local e
  e=$(jq -s --arg s "$1" '[.[] | select(.scenario == $s) | .errors] | add // 0' "$results")
  if [[ "$e" -gt 0 ]]; then echo "**no** ($e errors)"; else yesno "$(cmp "$2")"; fi
}
cmp() { jq -n "if ($1) then 1 else 0 end"; }

ready_sorted=$(printf '%s\n' "${ready[@]}" | sort -n)
ready_median=$(sed -n "$(( (${#ready[@]} + 1) / 2 ))p" <<< "$ready_sorted")

getplan=$(median spoedd getplan per_s); static=$(median nginx static per_s)
hs=$(median spoedd handshake per_s); hs_nginx=$(median nginx handshake per_s)
search=$(median spoedd search p99_ms); search_raw=$(raw search p99_ms)
lookup=$(median spoedd lookup p99_ms); lookup_raw=$(raw lookup p99_ms)
logc=$(median spoedd logcontact per_s); insert_raw=$(raw insert_one_commit_per_row per_s)
figures=$(median spoedd figures p99_ms); figures_raw=$(raw figures_year p99_ms)
# No call finished in the window: there is no figure, and the target is not met.
if [[ "$(median spoedd figures count)" == 0 ]]; then figures=null; fi
getcase=$(median spoedd getcase p99_ms)
events=$(median spoedd events commit_p99_ms); events_sent=$(median spoedd events p99_ms)
rss_fresh=$(median spoedd idle_fresh rss_kb); rss_warm=$(median spoedd idle rss_kb)
all_errors=$(jq -s '[.[] | .errors] | add // 0' "$results")

mb() { if [[ "$1" == null ]]; then echo null; else jq -n "$1 / 1024"; fi; }
rss_fresh_mb=$(mb "$rss_fresh"); rss_warm_mb=$(mb "$rss_warm")
or_null() { if [[ -z "$1" ]]; then echo null; else echo "$1"; fi; }
search_raw=$(or_null "$search_raw"); lookup_raw=$(or_null "$lookup_raw")
insert_raw=$(or_null "$insert_raw"); figures_raw=$(or_null "$figures_raw")

mkdir -p "$(dirname "$out")"
{
  echo "# spoedd against its limits — $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "Data set: $youths youths (seed $seed). Medians of $runs runs; each scenario $seconds s after $warmup s"
  echo "of warm-up. Throughput: $connections connections (threads, closed loop) for spoedd and nginx alike;"
  echo "latency (search, look-up, case, figures): $latency_connections connection, as spoed-bench-raw runs"
  echo "its queries on one. Events: $ws_clients WebSocket clients; idle: $idle_connections TLS connections."
  echo
  echo "| measure | ours | limit | ratio | target | met |"
  echo "|---|---|---|---|---|---|"
  echo "| GetPlan (≈4 KB, audited), req/s vs nginx static 4 KB | $(fmt "$getplan" 0) | $(fmt "$static" 0) | $(ratio "$getplan" "$static") | ≥ 0.5 × nginx | $(met getplan "$getplan != null and $static != null and $getplan >= 0.5 * $static") |"
  echo "| SearchYouths p99, ms vs raw SQL p99 | $(fmt "$search" 2) | $(fmt "$search_raw" 2) | $(ratio "$search" "$search_raw") | ≤ 5 ms and ≤ 1.5 × raw | $(met search "$search != null and $search_raw != null and $search <= 5 and $search <= 1.5 * $search_raw") |"
  echo "| LookupCaller p99, ms vs raw SQL p99 | $(fmt "$lookup" 2) | $(fmt "$lookup_raw" 2) | $(ratio "$lookup" "$lookup_raw") | ≤ 5 ms and ≤ 1.5 × raw | $(met lookup "$lookup != null and $lookup_raw != null and $lookup <= 5 and $lookup <= 1.5 * $lookup_raw") |"
  echo "| LogContact (durable, audited), req/s vs raw one commit per row | $(fmt "$logc" 0) | $(fmt "$insert_raw" 0) | $(ratio "$logc" "$insert_raw") | ≥ 1.5 × raw | $(met logcontact "$logc != null and $insert_raw != null and $logc >= 1.5 * $insert_raw") |"
  echo "| GetFigures for a year p99, ms (raw: the same SQL) | $(fmt "$figures" 1) | $(fmt "$figures_raw" 1) | $(ratio "$figures" "$figures_raw") | ≤ 500 ms | $(met figures "$figures != null and $figures <= 500") |"
  echo "| GetCase p99, ms | $(fmt "$getcase" 2) | — | — | — | — |"
  echo "| start to ready (exec to /readyz 200), ms | $ready_median | — | — | ≤ 500 ms | $(yesno "$(cmp "$ready_median <= 500")") |"
  echo "| one event to $ws_clients WebSocket clients, p99 delivery from its commit, ms | $(fmt "$events" 1) | — | — | ≤ 50 ms | $(met events "$events != null and $events <= 50") |"
  echo "| — the same, from sending the LogContact that makes it (its durable write included), ms | $(fmt "$events_sent" 1) | — | — | — | — |"
  echo "| RSS with $idle_connections idle TLS connections, fresh daemon, MB | $(fmt "$rss_fresh_mb" 1) | — | — | ≤ 64 MB | $(met idle_fresh "$rss_fresh_mb != null and $rss_fresh_mb <= 64") |"
  echo "| RSS with $idle_connections idle TLS connections, after the load, MB | $(fmt "$rss_warm_mb" 1) | — | — | ≤ 64 MB | $(met idle "$rss_warm_mb != null and $rss_warm_mb <= 64") |"
  echo "| TLS handshakes/s (full, ECDSA P-256, TLS 1.3) vs nginx | $(fmt "$hs" 0) | $(fmt "$hs_nginx" 0) | $(ratio "$hs" "$hs_nginx") | ≥ 0.8 × nginx | $(met handshake "$hs != null and $hs_nginx != null and $hs >= 0.8 * $hs_nginx") |"
  if [[ " $stores " == *" postgresql "* ]]; then
    ready_pg_median=$(printf '%s\n' "${ready_pg[@]}" | sort -n | sed -n "$(( (${#ready_pg[@]} + 1) / 2 ))p")
    pg_rss=$(mb "$(median spoedd-pg idle rss_kb)")
    echo
    echo "The two stores side by side: the same spoedd, the same data set and load, on SQLite and on"
    echo "PostgreSQL $(/usr/lib/postgresql/15/bin/postgres --version | awk '{print $3}') (a server on this machine, loopback, default settings but"
    echo "shared_buffers = 256MB; fsync on, as in production)."
    echo
    echo "| measure | SQLite | PostgreSQL |"
    echo "|---|---|---|"
    echo "| GetPlan, req/s | $(fmt "$getplan" 0) | $(fmt "$(median spoedd-pg getplan per_s)" 0) |"
    echo "| SearchYouths p99, ms | $(fmt "$search" 2) | $(fmt "$(median spoedd-pg search p99_ms)" 2) |"
    echo "| LookupCaller p99, ms | $(fmt "$lookup" 2) | $(fmt "$(median spoedd-pg lookup p99_ms)" 2) |"
    echo "| GetCase p99, ms | $(fmt "$getcase" 2) | $(fmt "$(median spoedd-pg getcase p99_ms)" 2) |"
    echo "| GetFigures for a year p99, ms | $(fmt "$figures" 1) | $(fmt "$(median spoedd-pg figures p99_ms)" 1) |"
    echo "| LogContact (durable, audited), req/s | $(fmt "$logc" 0) | $(fmt "$(median spoedd-pg logcontact per_s)" 0) |"
    echo "| one event to $ws_clients WebSocket clients, p99 from its commit, ms | $(fmt "$events" 1) | $(fmt "$(median spoedd-pg events commit_p99_ms)" 1) |"
    echo "| start to ready, ms | $ready_median | $ready_pg_median |"
    echo "| RSS with $idle_connections idle TLS connections, after the load, MB | $(fmt "$rss_warm_mb" 1) | $(fmt "$pg_rss" 1) |"
    echo "| errors | $(jq -s '[.[] | select(.target == "spoedd") | .errors] | add // 0' "$results") | $(jq -s '[.[] | select(.target == "spoedd-pg") | .errors] | add // 0' "$results") |"
  fi
  echo
  echo "Every scenario (medians; errors summed over the runs; $all_errors errors in all):"
  echo
  echo "| target | scenario | connections | per s | p50 ms | p99 ms | p99.9 ms | errors |"
  echo "|---|---|---|---|---|---|---|---|"
  for pair in "spoedd getplan $connections" "nginx static $connections" "spoedd handshake $connections" \
              "nginx handshake $connections" "spoedd search $latency_connections" "spoedd lookup $latency_connections" \
              "spoedd getcase $latency_connections" "spoedd figures $latency_connections" \
              "spoedd logcontact $connections" "spoedd events $ws_clients" "spoedd idle_fresh $idle_connections" \
              "spoedd idle $idle_connections" "spoedd-pg getplan $connections" "spoedd-pg search $latency_connections" \
              "spoedd-pg lookup $latency_connections" "spoedd-pg getcase $latency_connections" \
              "spoedd-pg figures $latency_connections" "spoedd-pg logcontact $connections" \
              "spoedd-pg events $ws_clients" "spoedd-pg idle $idle_connections"; do
    read -r t s c <<< "$pair"
    [[ $t == spoedd-pg && " $stores " != *" postgresql "* ]] && continue
    echo "| $t | $s | $c | $(fmt "$(median "$t" "$s" per_s)" 0) | $(fmt "$(median "$t" "$s" p50_ms)" 2) | $(fmt "$(median "$t" "$s" p99_ms)" 2) | $(fmt "$(median "$t" "$s" p999_ms)" 2) | $(errors "$t" "$s") |"
  done
  echo
  echo "Raw SQLite (spoed-bench-raw, one connection), per run:"
  echo
  while read -r line; do echo "- \`$line\`"; done < "$raw_results"
  echo
  echo "Machine: $(nproc) cores, $(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1),"
  echo "$(awk '/^MemTotal/ {printf "%.1f GiB", $2 / 1048576}' /proc/meminfo) memory, Linux $(uname -r);"
  echo "SQLite $(dpkg-query -W -f='${Version}' libsqlite3-0 2>/dev/null || echo '?'),"
  echo "$(openssl version | cut -d' ' -f1-2), $("$nginx_bin" -v 2>&1 | sed 's|nginx version: ||')."
  echo
  echo "Reproduce: \`bench/compare.sh --youths $youths --runs $runs --seconds $seconds --connections $connections\`"
} > "$out.tmp"
mv "$out.tmp" "$out"
cat "$out"
