#!/usr/bin/env bash
# Every option spoedctl names anywhere (a hint such as "more: --page TOKEN", a usage line, an
# error message) must be in `spoedctl --help`, or a user who follows the hint finds no word of it.
#   spoedctl_help_lint.sh SOURCE_DIR SPOEDCTL
set -euo pipefail
src=$1
ctl=$2
help=$("$ctl" --help)
named=$(grep -oh '"[^"]*"' "$src"/client/cli/*.cpp | grep -o -- '--[a-z][a-z-]*' | sort -u)
[[ -n $named ]] || { echo "spoedctl_help_lint: found no options in $src/client/cli (wrong folder?)" >&2; exit 1; }
missing=()
for flag in $named; do
  grep -q -- "$flag\b" <<<"$help" || missing+=("$flag")
done
if [[ ${#missing[@]} -gt 0 ]]; then
  echo "spoedctl_help_lint: named in client/cli but not in 'spoedctl --help': ${missing[*]}" >&2
  exit 1
fi
echo "spoedctl_help_lint: all $(wc -w <<<"$named") options are in the help"
