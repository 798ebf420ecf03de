#!/usr/bin/env bash
# Runs Spoed from a fresh Debian 12 machine: installs what is missing, builds, creates the
# data directory on first run (database, development certificate, first admin with a one-time
# password), and starts spoedd on https://localhost:8443 in the foreground. Run again, it
# reuses everything and just starts.
#
#   deploy/run.sh [--demo] [--data-dir DIR] [--listen HOST:PORT] [any other spoedd flag]
#
# --demo loads the clearly fictional demo data set (spoedctl demo load) the first time, and
# prints the demo accounts; the admin's password is then changed to a new one, printed once.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

data_dir="$root/data"
listen="127.0.0.1:8443"
demo=0
passthrough=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --demo) demo=1; shift ;;
    --data-dir) data_dir=$2; shift 2 ;;
    --listen) listen=$2; shift 2 ;;
    *) passthrough+=("$1"); shift ;;
  esac
done

"$root/deploy/install-deps.sh"
# The server needs no Qt: the desk is built where it is used (see docs/desk.md).
cmake --preset release -DSPOED_BUILD_DESK=OFF >/dev/null
cmake --build --preset release --target spoedd spoedctl
bin="$root/build/release"
spoedd=("$bin/daemon/spoedd" --data-dir "$data_dir" --listen "$listen" "${passthrough[@]}")

new_password() { head -c 15 /dev/urandom | base64 | tr '+/' 'xy'; }

first_run=0
if [[ ! -f "$data_dir/spoed.db" ]]; then
  first_run=1
  admin_password=$(new_password)
  printf '%s\n' "$admin_password" | "$bin/client/cli/spoedctl" init --data-dir "$data_dir" --admin admin
fi

if [[ $demo -eq 0 || -f "$data_dir/.demo-loaded" ]]; then
  if [[ $first_run -eq 1 ]]; then
    printf '\n  First admin account:  admin\n  One-time password:    %s\n' "$admin_password"
    printf '  (at first login: spoedctl login admin, then spoedctl password and spoedctl totp enroll)\n\n'
  fi
  exec "${spoedd[@]}"
fi

if [[ $first_run -eq 0 ]]; then
  echo "run.sh: --demo loads the demo data only into a new data directory; $data_dir exists." >&2
  echo "run.sh: as an admin, run 'spoedctl demo load' against the running server instead." >&2
  exec "${spoedd[@]}"
fi

# Demo on first run: start the daemon, load the data through the API, stay in the foreground.
"${spoedd[@]}" &
pid=$!
trap 'kill -TERM $pid 2>/dev/null; wait $pid' INT TERM
port=${listen##*:}
url="https://localhost:$port"
ca="$data_dir/tls/dev-ca.pem"
for _ in $(seq 1 100); do
  [[ -f "$ca" ]] && curl -sf --cacert "$ca" "$url/readyz" >/dev/null 2>&1 && break
  sleep 0.2
done
ctl=("$bin/client/cli/spoedctl" --config-dir "$data_dir/.spoedctl" --server "$url" --ca "$ca")
printf '%s\n' "$admin_password" | "${ctl[@]}" login admin >/dev/null
admin_password2=$(new_password)
printf '%s\n%s\n' "$admin_password" "$admin_password2" | "${ctl[@]}" password >/dev/null
# Admins sign in with a second factor (TOTP). Enrolled here with the previous step's code, so
# that the current code is still free for a login straight after.
admin_totp=$("${ctl[@]}" --json totp enroll | jq -r .secret)
"${ctl[@]}" totp confirm "$("${ctl[@]}" totp code --previous "$admin_totp")" >/dev/null
"${ctl[@]}" demo load
touch "$data_dir/.demo-loaded"
printf '\n  Admin account:  admin   password: %s   totp secret: %s\n' "$admin_password2" "$admin_totp"
printf '  (printed once; keep both; add the secret to an authenticator app)\n\n'
wait $pid
