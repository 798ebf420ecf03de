#!/usr/bin/env bash
# A pg_auto_failover formation on loopback for the failover test: a monitor and two PostgreSQL 15
# nodes (a primary and its synchronous standby), all in DIR, as `nobody` when run as root.
#   cluster.sh start DIR PORT   monitor on PORT, nodes on PORT+1 and PORT+2; waits for primary+secondary
#   cluster.sh primary DIR      prints the number (1 or 2) of the node that is primary now
#   cluster.sh kill DIR N       SIGKILL to node N's pg_autoctl and its postgres: the machine is gone
#   cluster.sh rejoin DIR N     starts node N's pg_autoctl again; waits until it is a secondary
#   cluster.sh wait-primary DIR N   waits until node N accepts writes (primary or wait_primary)
#   cluster.sh stop DIR         stops everything and removes DIR
set -euo pipefail
# Job control: a background job in a script otherwise ignores SIGINT, and so would the postgres it
# starts, which then never stops on pg_ctl's fast shutdown.
set -m
cmd=$1 dir=$2
bin=/usr/lib/postgresql/15/bin
user=$(id -un)
as=()
if [[ $(id -u) == 0 ]]; then as=(runuser -u nobody --); user=nobody; fi
# pg_autoctl keeps its state under XDG directories; everything stays in DIR.
run() {
  "${as[@]}" env -i HOME="$dir" XDG_CONFIG_HOME="$dir/config" XDG_DATA_HOME="$dir/data" \
    XDG_RUNTIME_DIR="$dir/run" PGHOST="$dir/sock" PATH="$bin:/usr/bin:/bin" "$@"
}
sql() {  # sql PORT DB STATEMENT...
  local port=$1 db=$2; shift 2
  local args=()
  for s in "$@"; do args+=(-c "$s"); done
  run psql -h 127.0.0.1 -p "$port" -U "$user" -d "$db" -qAtX "${args[@]}"
}
port_of() { cat "$dir/port"; }
state() { run pg_autoctl show state --pgdata "$dir/monitor" 2>/dev/null || true; }
# "reported assigned" of node N
node_state() { state | awk -F'|' -v n="node_$1" '$1 ~ n {gsub(/ /, "", $6); gsub(/ /, "", $7); print $6, $7}'; }
wait_for() {  # wait_for SECONDS COMMAND...: until the command succeeds
  local until=$((SECONDS + $1)); shift
  until "$@"; do
    if ((SECONDS > until)); then echo "cluster.sh: timed out waiting for: $*" >&2; state >&2; exit 1; fi
    sleep 0.2
  done
}
is_state() { [[ "$(node_state "$1")" == "$2 $2" ]]; }
writable() { is_state "$1" primary || is_state "$1" wait_primary || is_state "$1" single; }
start_keeper() {  # node N in the background, in a session of its own (so kill can take the group)
  run setsid pg_autoctl run --pgdata "$dir/node$1" >>"$dir/node$1.log" 2>&1 &
}
# SIGKILL to one part of the formation (monitor, node1, node2): its pg_autoctl with the services it
# runs (a session of their own, see start_keeper) and its postgres with every backend.
kill_all() {
  local part=$1 pid
  pid=$(find "$dir/run" -path "*$dir/$part/pg_autoctl.pid" -exec head -1 {} \; 2>/dev/null | head -1)
  if [[ -n $pid ]]; then kill -KILL -- "-$pid" 2>/dev/null || true; fi
  if [[ -f $dir/$part/postmaster.pid ]]; then
    pid=$(head -1 "$dir/$part/postmaster.pid")
    pkill -KILL -P "$pid" 2>/dev/null || true
    kill -KILL "$pid" 2>/dev/null || true
  fi
}
# A standby is made by pg_basebackup, which waits for a checkpoint: ask for one at once.
checkpoint_until_secondary() {
  local n=$1 other=$(( $1 == 1 ? 2 : 1 ))
  local until=$((SECONDS + 90))
  until is_state "$n" secondary; do
    sql $(( $(port_of) + other )) postgres "CHECKPOINT" >/dev/null 2>&1 || true
    if ((SECONDS > until)); then echo "cluster.sh: node $n did not become a secondary" >&2; state >&2; exit 1; fi
    sleep 0.5
  done
}

case $cmd in
  start)
    port=$3
    rm -rf "$dir"; mkdir -p "$dir/sock" "$dir/run"
    echo "$port" >"$dir/port"
    [[ ${#as[@]} -gt 0 ]] && chown -R nobody: "$dir"
    # Each server's socket goes into DIR (Debian's default directory belongs to postgres).
    run initdb -D "$dir/monitor" -U "$user" --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    echo "unix_socket_directories = '$dir/sock'" >>"$dir/monitor/postgresql.conf"
    run pg_autoctl create monitor --pgdata "$dir/monitor" --pgport "$port" --hostname 127.0.0.1 \
      --listen 127.0.0.1 --auth trust --no-ssl >"$dir/monitor.log" 2>&1
    run setsid pg_autoctl run --pgdata "$dir/monitor" >>"$dir/monitor.log" 2>&1 &
    wait_for 30 sql "$port" pg_auto_failover "SELECT 1" 2>/dev/null
    # Failure is noticed within about 2 s; a primary cut off from the monitor and its standby
    # demotes itself after 4 s (network_partition_timeout below), and the monitor waits 6 s
    # for that before promoting the standby: never two primaries.
    sql "$port" pg_auto_failover \
      "ALTER SYSTEM SET pgautofailover.health_check_period = 1000" \
      "ALTER SYSTEM SET pgautofailover.health_check_timeout = 1000" \
      "ALTER SYSTEM SET pgautofailover.health_check_max_retries = 1" \
      "ALTER SYSTEM SET pgautofailover.health_check_retry_delay = 500" \
      "ALTER SYSTEM SET pgautofailover.node_considered_unhealthy_timeout = 2000" \
      "ALTER SYSTEM SET pgautofailover.primary_demote_timeout = 6000" \
      "SELECT pg_reload_conf()" >/dev/null
    monitor="postgres://autoctl_node@127.0.0.1:$port/pg_auto_failover?sslmode=disable"
    for n in 1 2; do
      if [[ $n == 1 ]]; then
        run initdb -D "$dir/node1" -U "$user" --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
        echo "unix_socket_directories = '$dir/sock'" >>"$dir/node1/postgresql.conf"
      fi
      run pg_autoctl create postgres --pgdata "$dir/node$n" --pgport $((port + n)) --hostname 127.0.0.1 \
        --listen 127.0.0.1 --auth trust --no-ssl --monitor "$monitor" --dbname spoed --name "node_$n" \
        >>"$dir/node$n.log" 2>&1 &
      create=$!
      # The standby's create runs pg_basebackup, which waits for the primary's checkpoint.
      until=$((SECONDS + 90))
      while kill -0 "$create" 2>/dev/null; do
        if [[ $n == 2 ]]; then sql $((port + 1)) postgres "CHECKPOINT" >/dev/null 2>&1 || true; fi
        ((SECONDS > until)) && { echo "cluster.sh: node $n was not made; see $dir/node$n.log" >&2; exit 1; }
        sleep 0.5
      done
      wait "$create" || { echo "cluster.sh: node $n was not made; see $dir/node$n.log" >&2; exit 1; }
      run pg_autoctl config set --pgdata "$dir/node$n" timeout.network_partition_timeout 4 >/dev/null
      start_keeper "$n"
      if [[ $n == 1 ]]; then wait_for 60 writable 1; fi
    done
    checkpoint_until_secondary 2
    wait_for 60 is_state 1 primary
    ;;
  primary)
    for n in 1 2; do if writable "$n"; then echo "$n"; exit 0; fi; done
    exit 1
    ;;
  kill)
    kill_all "node$3"
    ;;
  wait-primary)
    wait_for 120 writable "$3"
    ;;
  rejoin)
    n=$3
    start_keeper "$n"
    checkpoint_until_secondary "$n"
    other=$(( n == 1 ? 2 : 1 ))
    wait_for 60 is_state "$other" primary
    ;;
  stop)
    if [[ -d $dir ]]; then
      for part in monitor node1 node2; do kill_all "$part"; done
      sleep 0.5
      rm -rf "$dir"
    fi
    ;;
  *)
    echo "cluster.sh: unknown command $cmd" >&2
    exit 2
    ;;
esac
