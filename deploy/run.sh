#!/usr/bin/env bash
# Runs Spoed from a fresh Debian 12 machine: installs what is missing, builds, creates the
# data directory on first run (database, development certificate, first admin with a one-time
# password), and starts spoedd on https://localhost:8443 in the foreground. Run again, it
# reuses everything and just starts.
#
#   deploy/run.sh [--data-dir DIR] [--listen HOST:PORT] [any other spoedd flag]
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

data_dir="$root/data"
listen="127.0.0.1:8443"
passthrough=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --data-dir) data_dir=$2; shift 2 ;;
    --listen) listen=$2; shift 2 ;;
    *) passthrough+=("$1"); shift ;;
  esac
done

"$root/deploy/install-deps.sh"
cmake --preset release >/dev/null
cmake --build --preset release --target spoedd spoedctl
bin="$root/build/release"

if [[ ! -f "$data_dir/spoed.db" ]]; then
  password=$(head -c 15 /dev/urandom | base64 | tr '+/' 'xy')
  printf '%s\n' "$password" | "$bin/client/cli/spoedctl" init --data-dir "$data_dir" --admin admin
  cat <<MSG

  First admin account:  admin
  One-time password:    $password
  (change it at first login: spoedctl login admin, then spoedctl password)

MSG
fi

exec "$bin/daemon/spoedd" --data-dir "$data_dir" --listen "$listen" "${passthrough[@]}"
