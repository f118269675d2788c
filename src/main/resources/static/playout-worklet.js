// Plays the gateway's audio the way Twilio does, on the audio thread. The gateway sends model audio faster
// than real time and learns what was heard from `mark` echoes, so this side owns the clock:
//   - a playout queue of μ-law chunks and marks, in arrival order;
//   - a small jitter cushion (PRIME_MS) before playback starts or restarts after running dry;
//   - a mark is echoed once every chunk queued before it has been handed to the speaker;
//   - `clear` drops everything queued at once and echoes the pending marks (Twilio does the same:
//     twilio.com/docs/voice/media-streams/websocket-messages#send-a-clear-message).
// Audio is decoded to 8 kHz floats and upsampled (band-limited) to the context rate.
import { Resampler } from './resampler.js';
import { decodeFrame } from './mulaw.js';

const PHONE_RATE = 8000;
const FRAME_SAMPLES = 160; // 20 ms at 8 kHz
const PRIME_MS = 60; // three frames: absorbs WebSocket/event-loop jitter without adding noticeable delay
const PRIME_WAIT_MS = 100; // a reply shorter than the cushion still starts after this long
const STATS_EVERY_MS = 100;

class PlayoutProcessor extends AudioWorkletProcessor {
  constructor() {
    super();
    this.queue = []; // Float32Array (8 kHz audio) | { mark: name }
    this.queuedSamples = 0;
    this.firstQueuedAt = -1; // currentTime when the queue last went from empty to non-empty
    this.resampler = new Resampler(PHONE_RATE, sampleRate);
    this.pending = new Float32Array(0); // upsampled audio not yet written out
    this.pendingAt = 0;
    this.playing = false;
    this.playedSamples = 0; // 8 kHz samples handed to the speaker
    this.lastStatsAt = 0;
    this.port.onmessage = (event) => this.onMessage(event.data);
  }

  onMessage(message) {
    if (message.type === 'media') {
      const audio = decodeFrame(message.payload);
      this.enqueue(audio);
      this.queuedSamples += audio.length;
    } else if (message.type === 'mark') {
      this.enqueue({ mark: message.name });
    } else if (message.type === 'clear') {
      this.clear();
    }
  }

  enqueue(item) {
    if (this.queue.length === 0) {
      this.firstQueuedAt = currentTime;
    }
    this.queue.push(item);
  }

  clear() {
    for (const item of this.queue) {
      if (item.mark !== undefined) {
        this.port.postMessage({ type: 'mark', name: item.mark });
      }
    }
    this.queue = [];
    this.queuedSamples = 0;
    this.pending = new Float32Array(0);
    this.pendingAt = 0;
    this.resampler.reset();
    this.playing = false;
  }

  /** Enough queued to start without stuttering: the cushion, a mark (end of a reply), or waited long enough. */
  primed() {
    if (this.queue.length === 0) {
      return false;
    }
    const waitedMs = (currentTime - this.firstQueuedAt) * 1000;
    return this.queuedSamples >= PRIME_MS * PHONE_RATE / 1000
        || this.queue.some((item) => item.mark !== undefined)
        || waitedMs >= PRIME_WAIT_MS;
  }

  /** Moves the next queued chunk into `pending`, echoing marks passed on the way; false when dry. */
  refill() {
    while (this.queue.length > 0) {
      const item = this.queue.shift();
      if (item.mark !== undefined) {
        this.port.postMessage({ type: 'mark', name: item.mark });
        continue;
      }
      this.queuedSamples -= item.length;
      this.playedSamples += item.length;
      const out = new Float32Array(this.resampler.maxOutput(item.length));
      this.pending = out.subarray(0, this.resampler.process(item, out));
      this.pendingAt = 0;
      return true;
    }
    return false;
  }

  process(inputs, outputs) {
    const out = outputs[0][0];
    if (!this.playing) {
      this.playing = this.primed();
    }
    let written = 0;
    while (this.playing && written < out.length) {
      if (this.pendingAt === this.pending.length && !this.refill()) {
        this.playing = false; // ran dry: re-prime before the next reply
        break;
      }
      const n = Math.min(out.length - written, this.pending.length - this.pendingAt);
      out.set(this.pending.subarray(this.pendingAt, this.pendingAt + n), written);
      this.pendingAt += n;
      written += n;
    }
    for (let c = 1; c < outputs[0].length; c++) {
      outputs[0][c].set(out); // same sound on every speaker channel
    }
    this.reportStats();
    return true;
  }

  reportStats() {
    if ((currentTime - this.lastStatsAt) * 1000 < STATS_EVERY_MS) {
      return;
    }
    this.lastStatsAt = currentTime;
    this.port.postMessage({
      type: 'stats',
      playedFrames: Math.floor(this.playedSamples / FRAME_SAMPLES),
      queuedMs: Math.round(this.queuedSamples * 1000 / PHONE_RATE),
      playing: this.playing,
    });
  }
}

registerProcessor('playout', PlayoutProcessor);
