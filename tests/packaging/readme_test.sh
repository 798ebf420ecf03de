#!/usr/bin/env bash
# The README's two commands in a fresh, minimal Debian 12 root on the committed tree (HEAD),
# as a newcomer runs them:
# the run command (with --demo, which does everything the plain one does and loads the demo
# data) until spoedd is ready and the demo is loaded, then the test command, which must pass.
# Prints the wall time of each. Needs root and Debian's package archive, and takes an hour on
# two cores, so it runs only with SPOED_README_DEBOOTSTRAP=1 (skipped otherwise: exit 77).
#
#   readme_test.sh SOURCE_DIR
set -euo pipefail
src=$(cd "$1" && pwd)

note() { echo "readme_test: $*"; }
fail() { echo "readme_test: FAIL: $*" >&2; exit 1; }
if [[ -z ${SPOED_README_DEBOOTSTRAP:-} ]]; then
  note "skipped: set SPOED_README_DEBOOTSTRAP=1 to run the README's commands in a debootstrap root"
  exit 77
fi
[[ $(id -u) -eq 0 ]] || { note "skipped: debootstrap and chroot need root"; exit 77; }
command -v debootstrap >/dev/null || fail "debootstrap is not installed (deploy/install-deps.sh)"

# The two commands, read from the README itself: the first two lines of its first sh block.
mapfile -t commands < <(awk '/^```sh$/{f=1; next} /^```$/{if(f) exit} f' "$src/README.md" | sed -n 1,2p |
                        sed 's/#.*//; s/^sudo //; s/[[:space:]]*$//')
[[ ${commands[0]:-} == deploy/run.sh && ${commands[1]:-} == deploy/test.sh ]] ||
  fail "the README's commands are not 'deploy/run.sh' and 'deploy/test.sh': ${commands[*]}"

tmp=$(mktemp -d /tmp/spoed-readme.XXXXXX)
root=$tmp/root
run_pid=
cleanup() {
  [[ -n $run_pid ]] && { kill -TERM "$run_pid" 2>/dev/null || true; wait "$run_pid" 2>/dev/null || true; }
  # Anything the run left behind inside the root (spoedd, the desk) goes before the unmount.
  for p in $(ls /proc | grep -E '^[0-9]+$'); do
    [[ $(readlink "/proc/$p/root" 2>/dev/null) == "$root" ]] && kill -KILL "$p" 2>/dev/null || true
  done
  for m in dev/shm dev/pts dev sys proc; do
    mountpoint -q "$root/$m" 2>/dev/null && umount -l "$root/$m" || true
  done
  rm -rf "$tmp"
}
trap cleanup EXIT
trap "exit 143" TERM INT

note "debootstrap --variant=minbase bookworm"
debootstrap --variant=minbase bookworm "$root" "${SPOED_DEBIAN_MIRROR:-http://deb.debian.org/debian}" \
  >"$tmp/debootstrap.log" 2>&1 || { tail -20 "$tmp/debootstrap.log"; fail "debootstrap failed"; }
mount -t proc proc "$root/proc"
mount -t sysfs sys "$root/sys"
mount --bind /dev "$root/dev"
mount -t devpts devpts "$root/dev/pts" -o newinstance,ptmxmode=0666
mount -t tmpfs tmpfs "$root/dev/shm"
cp /etc/resolv.conf "$root/etc/resolv.conf"
# The checkout as a newcomer has it: the committed tree (HEAD), no build and no data.
mkdir -p "$root/src/spoed"
git -C "$src" archive --format=tar HEAD | tar -xf - -C "$root/src/spoed"
in_root() {
  chroot "$root" /usr/bin/env -i HOME=/root PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin \
    LANG=C.UTF-8 /bin/bash -c "cd /src/spoed && $*"
}

note "1. ${commands[0]} --demo"
start=$(date +%s)
in_root "${commands[0]} --demo" >"$tmp/run.log" 2>&1 &
run_pid=$!
until grep -q "run.sh: spoedd serves" "$tmp/run.log"; do
  kill -0 "$run_pid" 2>/dev/null || { tail -40 "$tmp/run.log"; fail "${commands[0]} stopped before spoedd was ready"; }
  (( $(date +%s) - start < 5400 )) || { tail -40 "$tmp/run.log"; fail "${commands[0]} not ready after 90 minutes"; }
  sleep 5
done
run_seconds=$(( $(date +%s) - start ))
grep -q "demo data loaded" "$tmp/run.log" || { tail -40 "$tmp/run.log"; fail "the demo data was not loaded"; }
grep -q "start the desk where there is one with: .*deploy/desk.sh" "$tmp/run.log" ||
  { tail -20 "$tmp/run.log"; fail "without a display, run.sh did not say how to start the desk"; }
[[ -x $root/src/spoed/build/release/client/desk/spoed-desk ]] || fail "run.sh did not build the desk"
note "${commands[0]} --demo: ready with the demo data after ${run_seconds} s"
kill -TERM "$run_pid"; wait "$run_pid" 2>/dev/null || true; run_pid=

note "2. ${commands[1]}"
start=$(date +%s)
rc=0
in_root "${commands[1]}" >"$tmp/test.log" 2>&1 || rc=$?
test_seconds=$(( $(date +%s) - start ))
grep -E "tests passed|tests failed" "$tmp/test.log" | tail -1 || true
if [[ $rc -ne 0 ]]; then
  grep -A40 "The following tests FAILED" "$tmp/test.log" || tail -60 "$tmp/test.log"
  fail "${commands[1]} exited $rc after ${test_seconds} s"
fi
note "${commands[1]}: passed after ${test_seconds} s"
note "wall times on a fresh Debian 12 root: run ${run_seconds} s, test ${test_seconds} s"
