// Band-limited streaming resampler (polyphase windowed sinc) for any pair of integer rates. The softphone
// needs it twice: microphone at the AudioContext rate (usually 48 or 44.1 kHz) down to the phone's 8 kHz,
// and the gateway's 8 kHz back up to the context rate.
//
// Why not skip or interpolate samples: picking every 6th sample folds everything between 4 and 24 kHz back
// into the speech band (aliasing: hiss, whistles, worse VAD), and linear 8 → 48 kHz interpolation leaves
// images of the voice above 4 kHz (a metallic edge). The low-pass cutoff sits at 90 % of the lower rate's
// Nyquist frequency (3.6 kHz for 8 kHz); a Blackman window keeps the stop band below about -70 dB.

const ZERO_CROSSINGS = 16; // sinc lobes per side: ~1.2 kHz transition band at 48 kHz, ~2.2 ms delay
const PASS_FRACTION = 0.9;

function gcd(a, b) {
  return b === 0 ? a : gcd(b, a % b);
}

function sinc(x) {
  return x === 0 ? 1 : Math.sin(Math.PI * x) / (Math.PI * x);
}

/** Blackman window over t in [-half, half]. */
function blackman(t, half) {
  const x = Math.PI * t / half;
  return 0.42 + 0.5 * Math.cos(x) + 0.08 * Math.cos(2 * x);
}

export class Resampler {
  constructor(fromRate, toRate) {
    const g = gcd(fromRate, toRate);
    // Output n sits at input position n * from / to: a whole part plus one of `phases` exact fractions,
    // so each fraction gets its own precomputed kernel (1 for 48 → 8 kHz, 6 for 8 → 48, 441 for 8 → 44.1).
    this.phases = toRate / g;
    this.advance = fromRate / g;
    const cutoff = PASS_FRACTION * 0.5 * Math.min(fromRate, toRate) / fromRate; // cycles per input sample
    this.half = Math.ceil(ZERO_CROSSINGS / (2 * cutoff));
    this.taps = 2 * this.half;
    this.kernels = [];
    for (let p = 0; p < this.phases; p++) {
      this.kernels.push(this.kernel(cutoff, p / this.phases));
    }
    this.buffer = new Float32Array(this.taps + 4096);
    this.reset();
  }

  kernel(cutoff, fraction) {
    const k = new Float32Array(this.taps);
    let sum = 0;
    for (let j = 0; j < this.taps; j++) {
      const t = j - this.half + 1 - fraction; // distance from the output's exact input position
      k[j] = 2 * cutoff * sinc(2 * cutoff * t) * blackman(t, this.half);
      sum += k[j];
    }
    return k.map((v) => v / sum); // unity gain at DC for every phase: no ripple between phases
  }

  /** Forgets all input (after a clear): the next output starts from silence. */
  reset() {
    // half - 1 zeros of history, so the first output is computed at the first real input sample.
    this.buffer.fill(0);
    this.length = this.half - 1;
    this.position = this.half - 1; // whole input index of the next output
    this.phase = 0; // its fraction, in 1/phases
  }

  /** Most outputs one call can produce for `inputLength` inputs (size of `out`). */
  maxOutput(inputLength) {
    return Math.ceil((inputLength + this.taps) * this.phases / this.advance) + 1;
  }

  /** Feeds `input`; writes every output now computable to `out` and returns how many. */
  process(input, out) {
    this.append(input);
    let n = 0;
    while (this.position + this.half < this.length) {
      const kernel = this.kernels[this.phase];
      const start = this.position - this.half + 1;
      let acc = 0;
      for (let j = 0; j < this.taps; j++) {
        acc += kernel[j] * this.buffer[start + j];
      }
      out[n++] = acc;
      this.phase += this.advance;
      this.position += Math.floor(this.phase / this.phases);
      this.phase %= this.phases;
    }
    this.compact();
    return n;
  }

  append(input) {
    if (this.length + input.length > this.buffer.length) {
      const bigger = new Float32Array(2 * (this.length + input.length));
      bigger.set(this.buffer.subarray(0, this.length));
      this.buffer = bigger;
    }
    this.buffer.set(input, this.length);
    this.length += input.length;
  }

  /** Drops the input no future output reaches back to. */
  compact() {
    const drop = Math.min(this.position - this.half + 1, this.length);
    if (drop > 0) {
      this.buffer.copyWithin(0, drop, this.length);
      this.length -= drop;
      this.position -= drop;
    }
  }
}
