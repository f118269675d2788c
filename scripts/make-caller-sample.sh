#!/usr/bin/env bash
# Makes the simulator's built-in caller utterance (src/main/resources/caller/hello.wav): synthetic speech from
# espeak-ng, 8 kHz mono PCM16, half a second of silence before and after. Needs: apt-get install -y espeak-ng sox
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
espeak-ng -v en-us -s 150 -w "$work/raw.wav" "Hello, can you tell me when the store opens tomorrow?"
sox -R "$work/raw.wav" -r 8000 -c 1 -b 16 "$work/speech.wav" silence 1 0.005 -50d reverse silence 1 0.005 -50d reverse
sox -R -n -r 8000 -c 1 -b 16 "$work/pad.wav" trim 0 0.5
sox -R "$work/pad.wav" "$work/speech.wav" "$work/pad.wav" src/main/resources/caller/hello.wav
