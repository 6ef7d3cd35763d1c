#!/usr/bin/env bash
# The scripted morning: the real hadird against hadir-sim over a pty, driven like a technician and
# employees would. Usage: scripts/demo.sh BIN_DIR   (make demo passes it)
set -euo pipefail
BIN="${1:?usage: demo.sh BIN_DIR}"
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
DEMO="${HADIR_DEMO_DIR:-$ROOT/demo-state}"
rm -rf "$DEMO"; mkdir -p "$DEMO"
STATE="$DEMO/state"
say() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
fail() { printf '\033[31mdemo failed: %s\033[0m\n' "$*" >&2; exit 1; }

cleanup() {
  [ -n "${EVENTS_PID:-}" ] && kill "$EVENTS_PID" 2>/dev/null || true
  [ -n "${TAIL_PID:-}" ] && kill "$TAIL_PID" 2>/dev/null || true
  [ -n "${DAEMON_PID:-}" ] && kill -TERM "$DAEMON_PID" 2>/dev/null && wait "$DAEMON_PID" 2>/dev/null || true
  [ -n "${SIM_PID:-}" ] && kill -TERM "$SIM_PID" 2>/dev/null && wait "$SIM_PID" 2>/dev/null || true
}
trap cleanup EXIT

wait_for() { # file pattern [seconds]
  local deadline=$((SECONDS + ${3:-20}))
  until grep -q -- "$2" "$1" 2>/dev/null; do
    [ $SECONDS -lt $deadline ] || fail "timed out waiting for '$2' in $1"
    sleep 0.05
  done
}

say "Starting the simulated EF01 fingerprint module (hadir-sim)"
mkfifo "$DEMO/sim.in"
"$BIN/hadir-sim" --state "$DEMO/sim" --link "$DEMO/scanner" --control "$DEMO/sim.sock" <"$DEMO/sim.in" >"$DEMO/sim.log" 2>"$DEMO/sim.err" &
SIM_PID=$!
exec 3>"$DEMO/sim.in"
wait_for "$DEMO/sim.log" '^ready'
sed -n 's/^/  /p' "$DEMO/sim.log"
sim() { echo "$*" >&3; }

say "Starting hadird (embedded defaults, local SQLite, simulated clock from 06:55 WIB at 60x)"
export HADIR_DEVICE_STATE_DIR="$STATE" HADIR_SCANNER_PATH="$DEMO/scanner" HADIR_SCANNER_IDENTIFY_TIMEOUT_MS=500 \
  HADIR_CLOCK_SIMULATED_START="2026-11-23 06:55" HADIR_CLOCK_SIMULATED_RATE=60 HADIR_POLICY_PROFILE=bandung-barat \
  HADIR_VOICE_ENABLED=false
"$BIN/hadird" --defaults >"$DEMO/hadird.jsonl" 2>"$DEMO/hadird.log" &
DAEMON_PID=$!
unset HADIR_DEVICE_STATE_DIR HADIR_SCANNER_PATH HADIR_SCANNER_IDENTIFY_TIMEOUT_MS HADIR_CLOCK_SIMULATED_START HADIR_CLOCK_SIMULATED_RATE HADIR_POLICY_PROFILE HADIR_VOICE_ENABLED
wait_for "$DEMO/hadird.jsonl" '"event":"scanner_connected"'
ctl() { "$BIN/hadirctl" --state "$STATE" "$@"; }
ctl status
"$BIN/hadirctl" --state "$STATE" events >"$DEMO/events.log" 2>/dev/null &
EVENTS_PID=$!
tail -n +1 -f --pid=$$ "$DEMO/events.log" 2>/dev/null | sed -u 's/^/  [kiosk] /' &
TAIL_PID=$!

enroll() { # pin name finger [--replace]
  local pin=$1 name=$2 finger=$3 out="$DEMO/enroll-$1-$RANDOM.log" taps=0 prompts status
  ctl user-add "$pin" "$name" >/dev/null
  echo "  enroll $pin ($name) with virtual finger $finger"
  ctl enroll "$pin" >"$out" 2>&1 &
  local pid=$!
  while kill -0 "$pid" 2>/dev/null; do
    prompts=$(grep -ci 'tempelkan' "$out" || true)
    while [ "$taps" -lt "$prompts" ]; do sim "tap $finger"; taps=$((taps + 1)); done
    sleep 0.05
  done
  wait "$pid" && status=0 || status=$?
  sleep 0.1  # let the live kiosk lines above catch up
  printf '  hadirctl: %s\n' "$(tail -n 1 "$out")"
  return $status
}

wait_until() { # HH:MM simulated local time
  until ctl status --json | grep -q "\"local_time\" : \"2026-11-23 $1"; do
    local now; now=$(ctl status --json | sed -n 's/.*"local_time" : "2026-11-23 \([0-9:]*\).*/\1/p')
    [[ "$now" > "$1" ]] && return 0
    sleep 0.2
  done
}

say "Technician enrolls five employees (one finger each)"
enroll 198501012010011001 "Siti Rahma" 11
enroll 198602022011012002 "Budi Santoso" 12
enroll 198703032012013003 "Dewi Lestari" 13
enroll 198804042013014004 "Agus Salim" 14
enroll 198905052014015005 "Rina Wati" 15

say "Refusal 1: Joko presents Siti's finger (one physical finger is never enrolled twice)"
if enroll 199006062015016006 "Joko Widodo" 11; then fail "a finger owned by Siti was enrolled for Joko"; fi
say "Refusal 2: Budi tries to add a second finger (only ONE finger per person)"
if enroll 198602022011012002 "Budi Santoso" 22; then fail "Budi got a second finger"; fi
sim lift

say "The morning: employees scan at the door"
wait_until "07:02"
tap() { sim "tap $1"; sleep "${2:-0.9}"; }
for finger in 11 12 13; do tap "$finger"; done
tap 12 0.9                      # Budi presses twice: "Anda sudah absen"
tap 77                          # a visitor's finger: "Jari tidak dikenali"
tap 14; tap 77; tap 14
for finger in 13 11 12; do tap "$finger" 0.5; done   # repeats within the dedupe window
tap 88; tap 11 0.5; tap 99; tap 13 0.5; tap 66
say "Rina arrives after 07:30"
wait_until "07:33"
tap 15; tap 15; tap 77; tap 15 1.5

say "Summary"
punches=$(grep -c '"event":"punch"' "$DEMO/hadird.jsonl" || true)
dupes=$(grep -c '"event":"duplicate"' "$DEMO/hadird.jsonl" || true)
unknown=$(grep -c '"event":"unknown_finger"' "$DEMO/hadird.jsonl" || true)
late=$(grep -c '"classification":"late"' "$DEMO/hadird.jsonl" || true)
refused=$(grep -c '"event":"enroll_refused"' "$DEMO/hadird.jsonl" || true)
enrolled=$(grep -c '"event":"enrolled"' "$DEMO/hadird.jsonl" || true)
ctl punches
ctl verify-journal
printf '\n  enrolled %s, refused %s, punches %s, duplicates %s, unknown fingers %s, late %s\n' \
  "$enrolled" "$refused" "$punches" "$dupes" "$unknown" "$late"
[ "$enrolled" -eq 5 ] || fail "expected 5 enrollments"
[ "$refused" -eq 2 ] || fail "expected 2 refusals"
[ "$punches" -eq 5 ] || fail "expected one punch per employee (5)"
[ "$dupes" -ge 1 ] && [ "$unknown" -ge 1 ] && [ "$late" -ge 1 ] || fail "expected a duplicate, an unknown finger and a late arrival"
say "Done. The journal stays in $STATE:"
echo "  $BIN/hadirctl --state $STATE punches"
