#!/usr/bin/env bash
# The desk's command line and the command deploy/run.sh starts it with (deploy/desk.sh):
#  - --help and --version print and exit 0 without any display; a wrong option exits 2;
#  - deploy/desk.sh opens the log-in screen for the local server and its development CA.
#   desk_command_test.sh SOURCE_DIR BUILD_DIR
set -euo pipefail
src=$1
build=$2
desk="$build/client/desk/spoed-desk"
fail() { echo "desk_command_test: FAIL: $*" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export XDG_CONFIG_HOME="$tmp/config"  # the desk's remembered settings stay out of the user's

# No display at all: neither X, Wayland nor Qt's offscreen platform.
out=$(env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM timeout 20 "$desk" --help --lang en) ||
  fail "--help without a display exited $?"
grep -q -- "--server <URL>" <<<"$out" || fail "--help does not name --server: $out"
grep -q -- "--lang <nl|en>" <<<"$out" || fail "--help does not name --lang: $out"
out=$(env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM timeout 20 "$desk" --help --lang nl) ||
  fail "--help --lang nl exited $?"
grep -q "Toon deze hulp" <<<"$out" || fail "--help --lang nl is not Dutch: $out"
out=$(env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM timeout 20 "$desk" --version) || fail "--version exited $?"
grep -qE '^spoed-desk [0-9]+\.[0-9]+\.[0-9]+$' <<<"$out" || fail "--version printed: $out"
rc=0
env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM timeout 20 "$desk" --lang fr 2>"$tmp/err" || rc=$?
[[ $rc -eq 2 ]] || fail "--lang fr exited $rc, not 2"
grep -q "fr" "$tmp/err" || fail "--lang fr: the message does not name the value: $(cat "$tmp/err")"

# The command deploy/run.sh runs, against its data directory layout.
mkdir -p "$tmp/data/tls"
cp /dev/null "$tmp/data/tls/dev-ca.pem"
out=$(QT_QPA_PLATFORM=offscreen timeout 60 "$src/deploy/desk.sh" --build-dir "$build" --data-dir "$tmp/data" \
        --listen 127.0.0.1:18443 --startup-probe) || fail "deploy/desk.sh exited $?"
grep -q "log-in screen shown" <<<"$out" || fail "no log-in screen: $out"
grep -qF "server https://localhost:18443, CA file $tmp/data/tls/dev-ca.pem" <<<"$out" ||
  fail "the log-in screen is not for the local server and its CA: $out"
echo "desk_command_test: ok"
