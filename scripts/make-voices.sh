#!/usr/bin/env bash
# Regenerates the shipped voice prompts (share/voice/<language>/<prompt>.wav) with Debian's espeak-ng.
# The WAVs are committed, so a build never needs espeak-ng; run this only to change a sentence.
# Output: 16 kHz mono 16-bit PCM: espeak-ng writes 22,050 Hz, so sox resamples (apt-get install sox).
# Usage: scripts/make-voices.sh [OUT_DIR]   (default: share/voice)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
OUT="${1:-$ROOT/share/voice}"
command -v espeak-ng >/dev/null || { echo "make-voices: install espeak-ng (apt-get install espeak-ng)" >&2; exit 1; }
command -v sox >/dev/null || { echo "make-voices: install sox (apt-get install sox) to resample to 16 kHz" >&2; exit 1; }

# prompt file | Indonesian | English — file names match VoicePrompt in Sources/HadirDaemon/Feedback/Voice.
PROMPTS=(
  "punch-recorded|Terima kasih|Thank you"
  "try-again|Silakan ulangi|Please try again"
  "already-recorded|Anda sudah absen|You have already checked in"
  "unknown-finger|Jari tidak dikenali|Finger not recognised"
  "unknown-face|Wajah tidak dikenali|Face not recognised"
  "record-failed|Absen gagal disimpan, hubungi operator|Attendance not saved, contact the operator"
  "storage-full|Penyimpanan penuh, hubungi operator|Storage full, contact the operator"
  "scanner-fault|Pemindai bermasalah, hubungi operator|Scanner fault, contact the operator"
)

speak() { # voice text out
  local raw; raw="$(mktemp --suffix=.wav)"
  espeak-ng -v "$1" -s 150 -w "$raw" "$2"
  sox -D "$raw" -r 16000 -c 1 -b 16 -e signed-integer "$3"
  rm -f "$raw"
}

mkdir -p "$OUT/id" "$OUT/en"
for entry in "${PROMPTS[@]}"; do
  IFS='|' read -r name indonesian english <<<"$entry"
  speak id "$indonesian" "$OUT/id/$name.wav"
  speak en "$english" "$OUT/en/$name.wav"
done
{ espeak-ng --version | sed "s/ *Data at.*//"; sox --version | sed "s/^sox: *//"; } >"$OUT/GENERATED-BY"
echo "make-voices: wrote $(ls "$OUT"/id/*.wav "$OUT"/en/*.wav | wc -l) prompts to $OUT ($(head -1 "$OUT/GENERATED-BY"))"
