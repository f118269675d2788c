#!/usr/bin/env bash
# Makes the VAD test fixtures in src/test/resources/audio/ from synthetic speech (espeak-ng) and sox (-R: repeatable noise and dither, so reruns give identical files):
# 8 kHz mono PCM16 WAVs plus onsets.csv, which records where each utterance's speech really starts (ms).
# Each utterance is trimmed to its first and last audible sample (sox "silence", -50 dBFS), then padded with
# silence of known length, so the true onsets follow from the pad lengths and utterance durations.
# Needs: apt-get install -y espeak-ng sox
set -euo pipefail
cd "$(dirname "$0")/.."
out=src/test/resources/audio
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$out"

# Speech: espeak-ng's default 22.05 kHz output, trimmed at both ends, converted to 8 kHz mono 16-bit.
utterance() { # name text
  espeak-ng -v en-us -s 150 -w "$work/$1.raw.wav" "$2"
  sox -R "$work/$1.raw.wav" -r 8000 -c 1 -b 16 "$work/$1.wav" \
      silence 1 0.005 -50d reverse silence 1 0.005 -50d reverse
}
silence() { # name seconds
  sox -R -n -r 8000 -c 1 -b 16 "$work/$1.wav" trim 0 "$2"
}
ms() { # duration of a WAV in whole ms
  python3 -c "import sys; print(round(float(sys.argv[1]) * 1000))" "$(soxi -D "$1")"
}

utterance first "Please call me back tomorrow morning."
utterance second "Okay, I will send the documents today."
silence lead 1.0
silence gap 1.5
silence tail 1.0

# one utterance: 1 s silence, speech, 1 s silence
sox -R "$work/lead.wav" "$work/first.wav" "$work/tail.wav" "$out/one-utterance.wav"
# two utterances separated by 1.5 s of silence
sox -R "$work/lead.wav" "$work/first.wav" "$work/gap.wav" "$work/second.wav" "$work/tail.wav" "$out/two-utterances.wav"

first_ms=$(ms "$work/first.wav")
second_ms=$(ms "$work/second.wav")
lead_ms=1000
gap_ms=1500

# White noise at 15 dB SNR relative to the RMS of the speech itself (not of the silences around it).
speech_rms=$(sox -R "$work/first.wav" "$work/second.wav" -n stat 2>&1 | awk '/RMS +amplitude/ {print $3}')
total=$(soxi -D "$out/two-utterances.wav")
sox -R -n -r 8000 -c 1 -b 16 "$work/noise-raw.wav" synth "$total" whitenoise
noise_rms=$(sox -R "$work/noise-raw.wav" -n stat 2>&1 | awk '/RMS +amplitude/ {print $3}')
gain=$(python3 -c "import sys; s,n=map(float,sys.argv[1:]); print(s / 10**(15/20) / n)" "$speech_rms" "$noise_rms")
sox -R -v "$gain" "$work/noise-raw.wav" "$work/noise.wav"
sox -R -m -v 1 "$out/two-utterances.wav" -v 1 "$work/noise.wav" "$out/two-utterances-noise-15db.wav"

# 3 s of digital silence; 3 s of the same noise alone
silence silence3 3.0
cp "$work/silence3.wav" "$out/silence-3s.wav"
sox -R "$work/noise.wav" "$out/noise-3s.wav" trim 0 3.0

{
  echo "file,onsets_ms,speech_ms"
  echo "one-utterance.wav,$lead_ms,$first_ms"
  echo "two-utterances.wav,$lead_ms;$((lead_ms + first_ms + gap_ms)),$first_ms;$second_ms"
  echo "two-utterances-noise-15db.wav,$lead_ms;$((lead_ms + first_ms + gap_ms)),$first_ms;$second_ms"
  echo "silence-3s.wav,,"
  echo "noise-3s.wav,,"
} > "$out/onsets.csv"
cat "$out/onsets.csv"
