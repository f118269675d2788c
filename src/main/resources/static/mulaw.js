// G.711 μ-law, the only audio Twilio Media Streams carry: 8-bit samples at 8 kHz, no header
// (ITU-T G.711, the classic Sun g711.c algorithm; audio/MuLaw.java is the gateway side). 0xFF is silence.

const BIAS = 0x84; // 132: offsets the magnitude so each of the 8 segments is a power of two wide
const CLIP = 32635; // largest magnitude that still fits in 15 bits once BIAS is added

/** One 16-bit linear sample to its μ-law byte. */
export function encodeSample(pcm) {
  let sign = 0;
  let x = pcm;
  if (x < 0) {
    x = -x;
    sign = 0x80;
  }
  x = Math.min(x, CLIP) + BIAS;
  let exponent = 7; // segment = position of the highest set bit among bits 14..7
  for (let mask = 0x4000; (x & mask) === 0 && exponent > 0; mask >>= 1) {
    exponent--;
  }
  const mantissa = (x >> (exponent + 3)) & 0x0f;
  return ~(sign | (exponent << 4) | mantissa) & 0xff; // bits are sent inverted
}

/** One μ-law byte to its 16-bit linear sample. */
export function decodeSample(byte) {
  const u = ~byte & 0xff;
  const exponent = (u >> 4) & 0x07;
  const magnitude = ((((u & 0x0f) << 3) + BIAS) << exponent) - BIAS;
  return u & 0x80 ? -magnitude : magnitude;
}

const DECODE = new Float32Array(256).map((_, byte) => decodeSample(byte) / 32768);

/** Float samples in [-1, 1] to μ-law bytes. */
export function encodeFrame(samples) {
  const out = new Uint8Array(samples.length);
  for (let i = 0; i < samples.length; i++) {
    const s = Math.max(-1, Math.min(1, samples[i]));
    out[i] = encodeSample(Math.round(s * 32767));
  }
  return out;
}

/** μ-law bytes to float samples in [-1, 1]. */
export function decodeFrame(bytes) {
  const out = new Float32Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    out[i] = DECODE[bytes[i]];
  }
  return out;
}
