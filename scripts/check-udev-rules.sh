#!/usr/bin/env bash
# make test: every udev/*.rules file (the scanners' and the USB export's) must parse without an
# "Invalid key" (or any other rule error) under the real udevadm. Runs in a private mount namespace with tmpfs over /run/udev,
# /etc/udev/rules.d and /dev, so nothing on the host changes.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
rules=("$root"/udev/*.rules)
unshare_flags=-m
[ "$(id -u)" = 0 ] || unshare_flags=-rm
if ! why=$(unshare $unshare_flags true 2>&1); then
  # Said loudly rather than failed: the rules are not checked on this machine.
  echo "udev-check SKIPPED: no private mount namespace here ($why); the rules were NOT checked" >&2
  exit 0
fi
output=$(unshare $unshare_flags bash -c '
  set -e
  mkdir -p /run/udev /etc/udev/rules.d
  mount -t tmpfs tmpfs /run/udev
  mount -t tmpfs tmpfs /etc/udev/rules.d
  cp "$@" /etc/udev/rules.d/
  mount -t tmpfs tmpfs /dev
  udevadm test /sys/class/tty/tty 2>&1 || true
' check-udev-rules "${rules[@]}")
problems=$(printf '%s\n' "$output" | grep -E 'hadir-[a-z-]+\.rules:[0-9]+' | grep -vE "Unknown group 'hadir'" || true)
for file in "${rules[@]}"; do
  if ! printf '%s\n' "$output" | grep -q "Reading rules file: /etc/udev/rules.d/$(basename "$file")"; then
    echo "udevadm test did not read $(basename "$file"); output:" >&2
    printf '%s\n' "$output" | tail -20 >&2
    exit 1
  fi
done
if [ -n "$problems" ]; then
  echo "udev rules: udevadm reports:" >&2
  printf '%s\n' "$problems" >&2
  exit 1
fi
echo "udev/*.rules ($(cd "$root/udev" && echo *.rules)): parsed by udevadm $(udevadm --version) without errors"
