// A VAD-ish speaking indicator for the local microphone, from the rms of each 20 ms frame: speaking after
// ONSET_FRAMES loud frames in a row, quiet again after RELEASE_FRAMES quiet ones. Display only; the gateway
// runs the real VAD (Silero) on what it receives.

const THRESHOLD_DBFS = -45; // normal speech at a laptop mic sits around -30..-15 dBFS
const ONSET_FRAMES = 3; // 60 ms: a click does not count
const RELEASE_FRAMES = 15; // 300 ms: short pauses between words keep the indicator on

export function toDbfs(rms) {
  return rms > 0 ? 20 * Math.log10(rms) : -100;
}

export class SpeakingDetector {
  constructor() {
    this.speaking = false;
    this.run = 0; // consecutive frames disagreeing with the current state
  }

  /** Feeds one frame's rms; returns whether the caller is speaking now. */
  accept(rms) {
    const loud = toDbfs(rms) > THRESHOLD_DBFS;
    this.run = loud !== this.speaking ? this.run + 1 : 0;
    if (this.run >= (this.speaking ? RELEASE_FRAMES : ONSET_FRAMES)) {
      this.speaking = !this.speaking;
      this.run = 0;
    }
    return this.speaking;
  }
}
