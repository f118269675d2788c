// Microphone → Twilio media frames, on the audio thread: low-pass and decimate from the AudioContext rate
// (`sampleRate`, usually 48 or 44.1 kHz) to 8 kHz, cut into 20 ms frames of 160 samples, μ-law encode.
// One frame goes to the page every 20 ms of audio clock: the same cadence Twilio sends `media` at.
import { Resampler } from './resampler.js';
import { encodeFrame } from './mulaw.js';

const PHONE_RATE = 8000;
const FRAME_SAMPLES = 160; // 20 ms at 8 kHz = one Twilio media payload (160 μ-law bytes)

class CaptureProcessor extends AudioWorkletProcessor {
  constructor() {
    super();
    this.resampler = new Resampler(sampleRate, PHONE_RATE);
    this.scratch = new Float32Array(this.resampler.maxOutput(128));
    this.frame = new Float32Array(FRAME_SAMPLES);
    this.filled = 0;
    this.running = true;
    this.port.onmessage = (event) => {
      if (event.data === 'stop') {
        this.running = false;
      }
    };
  }

  process(inputs) {
    const mono = inputs[0][0]; // first channel only: a phone line is mono
    if (mono) {
      const n = this.resampler.process(mono, this.scratch);
      for (let i = 0; i < n; i++) {
        this.frame[this.filled++] = this.scratch[i];
        if (this.filled === FRAME_SAMPLES) {
          this.emit();
        }
      }
    }
    return this.running; // false lets the browser collect the node after hang-up
  }

  emit() {
    let energy = 0;
    for (const s of this.frame) {
      energy += s * s;
    }
    const payload = encodeFrame(this.frame);
    // rms of the 8 kHz frame (0..1): drives the level meter and the speaking indicator.
    this.port.postMessage({ payload, rms: Math.sqrt(energy / FRAME_SAMPLES) }, [payload.buffer]);
    this.filled = 0;
  }
}

registerProcessor('capture', CaptureProcessor);
