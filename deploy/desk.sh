#!/usr/bin/env bash
# Starts the desk (spoed-desk) pointed at the server that deploy/run.sh runs: its address and
# its development CA are filled in on the log-in screen. deploy/run.sh starts it this way when a
# display is available, and prints this command when not.
#
#   deploy/desk.sh [--data-dir DIR] [--listen HOST:PORT] [--build-dir DIR] [any spoed-desk option]
#
# Defaults as in run.sh: ./data, 127.0.0.1:8443, build/release.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)

data_dir="$root/data"
listen="127.0.0.1:8443"
build="$root/build/release"
passthrough=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --data-dir) data_dir=$2; shift 2 ;;
    --listen) listen=$2; shift 2 ;;
    --build-dir) build=$2; shift 2 ;;
    *) passthrough+=("$1"); shift ;;
  esac
done

desk="$build/client/desk/spoed-desk"
if [[ ! -x $desk ]]; then
  echo "desk.sh: $desk is not built; deploy/run.sh builds it (unless --server-only)" >&2
  exit 1
fi
data_dir=$(cd "$data_dir" && pwd)
exec "$desk" --server "https://localhost:${listen##*:}" --ca "$data_dir/tls/dev-ca.pem" "${passthrough[@]}"
