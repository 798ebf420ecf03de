#!/usr/bin/env bash
# Builds the Debian packages from a build tree and checks them.
#
#   package_test.sh BUILD_DIR SOURCE_DIR [--debootstrap]
#
# Default: contents and maintainer scripts with dpkg-deb, lintian without errors, the systemd
# units with systemd-analyze (verify, and the offline security exposure at most 2.0), and the
# packaged spoedd started from the unpacked package with its packaged configuration answering
# /readyz. --debootstrap (root and Debian's archive needed; minutes): installs the packages
# into a clean Debian 12 root, checks user, state directory, upgrade and purge, and calls
# /readyz of the daemon running there. Exit 77 means skipped.
set -euo pipefail
build=$(cd "$1" && pwd)
src=$(cd "$2" && pwd)
mode=${3:-}

fail() { echo "package_test: FAIL: $*" >&2; exit 1; }
note() { echo "package_test: $*"; }

if [[ $mode == --debootstrap ]]; then
  if [[ -z ${SPOED_PACKAGING_DEBOOTSTRAP:-} ]]; then
    note "skipped: set SPOED_PACKAGING_DEBOOTSTRAP=1 to install into a debootstrap root"
    exit 77
  fi
  [[ $(id -u) -eq 0 ]] || { note "skipped: debootstrap needs root"; exit 77; }
  command -v debootstrap >/dev/null || fail "debootstrap is not installed (deploy/install-deps.sh)"
fi
for tool in dpkg-deb lintian systemd-analyze curl; do
  command -v "$tool" >/dev/null || fail "$tool is not installed (deploy/install-deps.sh)"
done

tmp=$(mktemp -d /tmp/spoed-pkg.XXXXXX)
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; wait "$p" 2>/dev/null || true; done
  if [[ -d $tmp/chroot/proc ]] && mountpoint -q "$tmp/chroot/proc"; then umount "$tmp/chroot/proc" || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT
trap "exit 143" TERM INT  # so that cleanup runs (and unmounts) when ctest times out

# --- build the packages -------------------------------------------------------------------
(cd "$tmp" && cpack -G DEB --config "$build/CPackConfig.cmake" -B "$tmp/out" >"$tmp/cpack.log" 2>&1) ||
  { cat "$tmp/cpack.log"; fail "cpack failed"; }
deb() { ls "$tmp"/out/"$1"_*.deb 2>/dev/null | head -1; }
spoedd_deb=$(deb spoedd)
spoedctl_deb=$(deb spoedctl)
[[ -f $spoedd_deb && -f $spoedctl_deb ]] || { ls -l "$tmp/out"; fail "spoedd and spoedctl packages expected"; }
note "built $(cd "$tmp/out" && ls ./*.deb | tr '\n' ' ')"

# --- contents and control files -----------------------------------------------------------
contents=$(dpkg-deb -c "$spoedd_deb")
for f in ./usr/bin/spoedd ./lib/systemd/system/spoedd.service ./lib/systemd/system/spoed-backup.service \
         ./lib/systemd/system/spoed-backup.timer ./etc/spoed/spoedd.conf ./etc/spoed/backup.conf \
         ./usr/share/doc/spoedd/copyright ./usr/share/doc/spoedd/changelog.gz \
         ./usr/share/doc/spoedd/operations.md ./usr/share/doc/spoedd/configuration.md; do
  grep -q " $f\$" <<<"$contents" || fail "spoedd lacks $f"
done
grep -q ' ./usr/bin/spoedctl$' <<<"$(dpkg-deb -c "$spoedctl_deb")" || fail "spoedctl lacks ./usr/bin/spoedctl"
if desk_deb=$(deb spoed-desk) && [[ -n $desk_deb ]]; then
  desk=$(dpkg-deb -c "$desk_deb")
  for f in ./usr/bin/spoed-desk ./usr/share/applications/spoed-desk.desktop \
           ./usr/share/icons/hicolor/scalable/apps/spoed-desk.svg; do
    grep -q " $f\$" <<<"$desk" || fail "spoed-desk lacks $f"
  done
fi
dpkg-deb -e "$spoedd_deb" "$tmp/control"
for s in postinst prerm postrm; do
  [[ -x $tmp/control/$s ]] || fail "spoedd has no executable $s"
  sh -n "$tmp/control/$s" || fail "$s is not valid sh"
done
grep -qx /etc/spoed/spoedd.conf "$tmp/control/conffiles" || fail "spoedd.conf is not a conffile"
grep -q 'adduser --system' "$tmp/control/postinst" || fail "postinst makes no system user"
depends=$(dpkg-deb -f "$spoedd_deb" Depends)
for d in adduser spoedctl libsystemd0 libsqlite3-0 libssl3; do
  grep -q "$d" <<<"$depends" || fail "spoedd Depends lacks $d: $depends"
done

# --- lintian --------------------------------------------------------------------------------
for p in "$tmp"/out/*.deb; do
  out=$(lintian --fail-on error --no-tag-display-limit "$p" 2>&1) || { echo "$out"; fail "lintian errors in $(basename "$p")"; }
  note "lintian $(basename "$p"): $(grep -c '^E:' <<<"$out" || true) errors, $(grep -c '^W:' <<<"$out" || true) warnings"
done

# --- the units ------------------------------------------------------------------------------
root=$tmp/root
for p in "$tmp"/out/*.deb; do dpkg-deb -x "$p" "$root"; done
# verify resolves ExecStart= on this machine: point the units at the unpacked binaries.
mkdir -p "$tmp/units"
for u in spoedd.service spoed-backup.service spoed-backup.timer; do
  sed "s#/usr/bin/#$root/usr/bin/#g" "$root/lib/systemd/system/$u" >"$tmp/units/$u"
done
verify=$(cd "$tmp/units" && SYSTEMD_LOG_LEVEL=notice systemd-analyze verify --man=no ./spoedd.service ./spoed-backup.service ./spoed-backup.timer 2>&1) ||
  { echo "$verify"; fail "systemd-analyze verify failed"; }
[[ -z $verify ]] || { echo "$verify"; fail "systemd-analyze verify complained"; }
exposure=$(systemd-analyze security --offline=yes --no-pager "$root/lib/systemd/system/spoedd.service" 2>&1 |
           sed -n 's/.*Overall exposure level for spoedd.service: \([0-9.]*\).*/\1/p')
[[ -n $exposure ]] || fail "no exposure level from systemd-analyze security"
note "systemd-analyze security: spoedd.service exposure $exposure"
awk -v e="$exposure" 'BEGIN { exit !(e <= 2.0) }' || fail "exposure $exposure is above the goal of 2.0"

# --- start the packaged daemon with its packaged configuration -------------------------------
start_and_ready() {  # $1: command prefix (e.g. chroot), $2: config, $3: CA path on this host
  local log=$tmp/spoedd.$RANDOM.log
  # shellcheck disable=SC2086
  $1 --listen 127.0.0.1:0 >"$log" 2>&1 &
  pids+=($!)
  local port=""
  for _ in $(seq 1 200); do
    port=$(sed -n 's#.*listening on https://[^:]*:\([0-9]*\).*#\1#p' "$log" | head -1)
    [[ -n $port ]] && break
    sleep 0.1
  done
  [[ -n $port ]] || { cat "$log"; fail "spoedd did not start"; }
  ready=$(curl -sS --max-time 10 --cacert "$3" "https://localhost:$port/readyz") || { cat "$log"; fail "/readyz unreachable"; }
  [[ $ready == ready ]] || fail "/readyz answered '$ready'"
  note "/readyz on port $port: $ready"
  kill -TERM "${pids[-1]}"; wait "${pids[-1]}" || fail "spoedd did not stop cleanly"
  unset 'pids[-1]'
}

if [[ $mode != --debootstrap ]]; then
  "$root/usr/bin/spoedd" --config "$root/etc/spoed/spoedd.conf" --check-config >/dev/null ||
    fail "the packaged configuration does not pass --check-config"
  sed "s#^data_dir = .*#data_dir = $tmp/data#; s#^backup_dir = .*#backup_dir = $tmp/data/backups#" \
    "$root/etc/spoed/spoedd.conf" >"$tmp/spoedd.conf"
  start_and_ready "$root/usr/bin/spoedd --config $tmp/spoedd.conf" "$tmp/spoedd.conf" "$tmp/data/tls/dev-ca.pem"
  exit 0
fi

# --- debootstrap: a clean Debian 12 ---------------------------------------------------------
chroot_dir=$tmp/chroot
note "debootstrap bookworm (minutes)"
debootstrap --variant=minbase bookworm "$chroot_dir" "${SPOED_DEBIAN_MIRROR:-http://deb.debian.org/debian}" \
  >"$tmp/debootstrap.log" 2>&1 || { tail -20 "$tmp/debootstrap.log"; fail "debootstrap failed"; }
mount -t proc proc "$chroot_dir/proc"
mkdir -p "$chroot_dir/tmp/debs"
cp "$spoedd_deb" "$spoedctl_deb" "$chroot_dir/tmp/debs/"
debs=(/tmp/debs/"$(basename "$spoedd_deb")" /tmp/debs/"$(basename "$spoedctl_deb")")  # paths inside the root
in_root() { chroot "$chroot_dir" /usr/bin/env DEBIAN_FRONTEND=noninteractive PATH=/usr/sbin:/usr/bin:/sbin:/bin "$@"; }
in_root apt-get update -qq >/dev/null
in_root apt-get install -y -qq --no-install-recommends "${debs[@]}" >"$tmp/install.log" 2>&1 ||
  { tail -30 "$tmp/install.log"; fail "installing the packages failed"; }
in_root getent passwd spoed >/dev/null || fail "no system user spoed"
[[ $(in_root stat -c '%U %a' /var/lib/spoed) == "spoed 700" ]] || fail "/var/lib/spoed is not spoed's, mode 700"
[[ $(in_root stat -c '%G %a' /etc/spoed/spoedd.conf) == "spoed 640" ]] || fail "spoedd.conf is not root:spoed 640"
start_and_ready "chroot --userspec=spoed:spoed $chroot_dir /usr/bin/spoedd --config /etc/spoed/spoedd.conf" \
  "" "$chroot_dir/var/lib/spoed/tls/dev-ca.pem"
# The packaged backup, as the timer runs it: the unit's command line with its settings file.
exec_start=$(sed -n 's/^ExecStart=//p' "$chroot_dir/lib/systemd/system/spoed-backup.service" | sed 's/\$\$/$/g')
in_root runuser -u spoed -- /bin/sh -c "set -a; . /etc/spoed/backup.conf; set +a; $exec_start" >"$tmp/backup.log" 2>&1 ||
  { cat "$tmp/backup.log"; fail "the backup service's command failed"; }
ls "$chroot_dir"/var/lib/spoed/backups/spoed-*.db >/dev/null || fail "no backup written"
# The restore drill as an operator does it (as root), then the daemon starts on the copy.
copy=$(cd "$chroot_dir" && ls var/lib/spoed/backups/spoed-*.db | tail -1)
in_root spoedd restore "/$copy" --db /var/lib/spoed/spoed.db >"$tmp/restore.log" 2>&1 ||
  { cat "$tmp/restore.log"; fail "restore failed"; }
start_and_ready "chroot --userspec=spoed:spoed $chroot_dir /usr/bin/spoedd --config /etc/spoed/spoedd.conf" \
  "" "$chroot_dir/var/lib/spoed/tls/dev-ca.pem"
# Upgrade (the same version again runs the upgrade paths of the scripts), then purge.
in_root dpkg -i "${debs[@]}" >"$tmp/upgrade.log" 2>&1 || { cat "$tmp/upgrade.log"; fail "reinstall failed"; }
[[ -f $chroot_dir/var/lib/spoed/spoed.db ]] || fail "the database did not survive an upgrade"
in_root dpkg --purge spoedd >"$tmp/purge.log" 2>&1 || { cat "$tmp/purge.log"; fail "purge failed"; }
[[ ! -e $chroot_dir/var/lib/spoed && ! -e $chroot_dir/etc/spoed/spoedd.conf ]] || fail "purge left state or configuration"
note "debootstrap root: install, start, /readyz, backup, restore, restart, upgrade and purge ok"
