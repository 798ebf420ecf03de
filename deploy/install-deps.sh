#!/usr/bin/env bash
# Installs the Debian 12 packages Spoed needs to build, run and test — only those that are
# missing, so running it again does nothing. Needs root (or sudo) when something is missing.
#
#   deploy/install-deps.sh          build, run and test the daemon and spoedctl
#   deploy/install-deps.sh --desk   also what the Qt 6 desktop client needs
# The options may come in any order and together.
#   deploy/install-deps.sh --security-tools   also testssl.sh, to check the TLS set-up by hand
#                                   (docs/security.md); CI does not need it
#   deploy/install-deps.sh --fuzz   also clang with libFuzzer and the sanitizer runtimes, for the
#                                   preset fuzz (tests/fuzz/run.sh); CI does not need it
#   deploy/install-deps.sh --bench  also nginx, the HTTPS yardstick of bench/compare.sh (run as the
#                                   invoking user from a temp directory, never as a service);
#                                   the smoke test bench.compare_smoke needs it, so CI installs it
set -euo pipefail

packages=(
  build-essential cmake ninja-build ccache pkg-config git
  libboost1.81-dev libssl-dev openssl
  libsqlite3-dev sqlite3
  libprotobuf-dev protobuf-compiler
  libargon2-dev
  googletest libgtest-dev libgmock-dev libbenchmark-dev
  curl ca-certificates jq
  libsystemd-dev lintian debootstrap fakeroot
  # The house style, checked in ctest (format.*): one clang-format for everyone.
  clang-format
  # The PostgreSQL store (libpq) and its tests, which start a real PostgreSQL 15 server of
  # their own on loopback (tests/support/pg_server.hpp); no cluster of the system is used.
  # pg_auto_failover (pg_autoctl) for the failover test and docs/high-availability.md.
  postgresql-15 postgresql-15-auto-failover libpq-dev
  # systemd-analyze checks the packaged units (packaging.debs). A minimal Debian or a container
  # has no systemd: this installs its tools and unit files only; nothing is started.
  systemd
)
for arg in "$@"; do
  case "$arg" in
    --security-tools) packages+=(testssl.sh) ;;
    --fuzz) packages+=(clang libclang-rt-dev) ;;
    # bookworm's nginx-light is only nginx plus the echo module: plain nginx is the smallest.
    --bench) packages+=(nginx) ;;
    # libqt6opengl6-dev: Qt Charts' CMake package needs it; DejaVu: text in offscreen screenshots;
    # qt6-translations-l10n: Qt's own texts (dialogs, menus) in Dutch.
    --desk) packages+=(qt6-base-dev qt6-charts-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools xvfb
                       libqt6opengl6-dev fonts-dejavu-core qt6-translations-l10n) ;;
    *) echo "install-deps: unknown option $arg (--desk, --bench, --fuzz, --security-tools)" >&2; exit 2 ;;
  esac
done

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${db:Status-Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "installed" ]] || missing+=("$p")
done

if [[ ${#missing[@]} -eq 0 ]]; then
  exit 0
fi

echo "install-deps: installing ${missing[*]}" >&2
sudo=()
if [[ $(id -u) -ne 0 ]]; then
  command -v sudo >/dev/null || { echo "install-deps: need root to install: ${missing[*]}" >&2; exit 1; }
  sudo=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
# Debian makes and starts a cluster "main" when PostgreSQL is installed; Spoed's tests and a
# deployment make their own. Say so before the package arrives, unless the admin already chose.
if [[ " ${missing[*]} " == *" postgresql-15 "* && ! -e /etc/postgresql-common/createcluster.conf ]]; then
  "${sudo[@]}" mkdir -p /etc/postgresql-common
  echo "create_main_cluster = false" | "${sudo[@]}" tee /etc/postgresql-common/createcluster.conf >/dev/null
fi
# A fresh machine has no package lists yet; an old list may not know the packages.
"${sudo[@]}" apt-get update -qq
# --force-confold: a configuration file written above (or by the admin) is kept, never asked about.
"${sudo[@]}" apt-get install -y -qq --no-install-recommends -o Dpkg::Options::=--force-confdef \
  -o Dpkg::Options::=--force-confold "${missing[@]}" >/dev/null
