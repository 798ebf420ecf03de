#!/usr/bin/env bash
# Runs Spoed from a fresh Debian 12 machine: installs what is missing, builds the server, the
# command-line client and the desk, creates the data directory on first run (database,
# development certificate, first admin with a one-time password), starts spoedd on
# https://localhost:8443 and, when a display is available, one desk pointed at it. Run again,
# it reuses everything and just starts. spoedd stays in the foreground; Ctrl+C stops it.
#
#   deploy/run.sh [--demo] [--server-only] [--data-dir DIR] [--listen HOST:PORT] [any other spoedd flag]
#
# --demo loads the clearly fictional demo data set (spoedctl demo load) the first time, and
# prints the demo accounts; the admin's password is then changed to a new one and its second
# factor enrolled, both printed once.
# --server-only builds and starts no desk (a server host without Qt).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

data_dir="$root/data"
listen="127.0.0.1:8443"
demo=0
desk=1
passthrough=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --demo) demo=1; shift ;;
    --server-only) desk=0; shift ;;
    --data-dir) data_dir=$2; shift 2 ;;
    --listen) listen=$2; shift 2 ;;
    *) passthrough+=("$1"); shift ;;
  esac
done

targets=(spoedd spoedctl)
if [[ $desk -eq 1 ]]; then
  "$root/deploy/install-deps.sh" --desk
  # Said every time: a cache configured by --server-only would otherwise keep the desk off.
  cmake --preset release -DSPOED_BUILD_DESK=ON >/dev/null
  targets+=(spoed-desk)
else
  "$root/deploy/install-deps.sh"
  cmake --preset release -DSPOED_BUILD_DESK=OFF >/dev/null
fi
cmake --build --preset release --target "${targets[@]}"
bin="$root/build/release"
mkdir -p "$data_dir"
data_dir=$(cd "$data_dir" && pwd)
spoedd=("$bin/daemon/spoedd" --data-dir "$data_dir" --listen "$listen" "${passthrough[@]}")

new_password() { head -c 15 /dev/urandom | base64 | tr '+/' 'xy'; }

first_run=0
if [[ ! -f "$data_dir/spoed.db" ]]; then
  first_run=1
  admin_password=$(new_password)
  printf '%s\n' "$admin_password" | "$bin/daemon/spoedd" init --data-dir "$data_dir" --admin admin
fi
if [[ $demo -eq 1 && $first_run -eq 0 && ! -f "$data_dir/.demo-loaded" ]]; then
  echo "run.sh: --demo loads the demo data only into a new data directory; $data_dir exists." >&2
  echo "run.sh: as an admin, run 'spoedctl demo load' against the running server instead." >&2
fi

"${spoedd[@]}" &
pid=$!
trap 'kill -TERM $pid 2>/dev/null; wait $pid' INT TERM
port=${listen##*:}
url="https://localhost:$port"
ca="$data_dir/tls/dev-ca.pem"
for _ in $(seq 1 150); do
  [[ -f "$ca" ]] && curl -sf --cacert "$ca" "$url/readyz" >/dev/null 2>&1 && break
  kill -0 $pid 2>/dev/null || { wait $pid; exit $?; }
  sleep 0.2
done

if [[ $first_run -eq 1 && $demo -eq 0 ]]; then
  printf '\n  First admin account:  admin\n  One-time password:    %s\n' "$admin_password"
  printf '  (at first login: spoedctl login admin, then spoedctl password and spoedctl totp enroll)\n\n'
fi

if [[ $first_run -eq 1 && $demo -eq 1 ]]; then
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
fi

if [[ $desk -eq 1 ]]; then
  desk_command=("$root/deploy/desk.sh" --data-dir "$data_dir" --listen "$listen")
  if [[ -n ${DISPLAY:-}${WAYLAND_DISPLAY:-} ]]; then
    echo "run.sh: starting the desk: ${desk_command[*]}"
    "${desk_command[@]}" >/dev/null 2>&1 &
  else
    echo "run.sh: no display here; start the desk where there is one with: ${desk_command[*]}"
  fi
fi
echo "run.sh: spoedd serves $url (CA $ca); Ctrl+C stops it"
wait $pid
