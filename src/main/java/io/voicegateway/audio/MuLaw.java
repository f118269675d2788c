package io.voicegateway.audio;

/**
 * G.711 μ-law codec (ITU-T G.711, the encoding of Twilio Media Streams' {@code audio/x-mulaw} payloads:
 * https://www.twilio.com/docs/voice/media-streams/websocket-messages).
 *
 * <p>Bit-exact with sox ({@code -D}, no dither): the 16-bit sample is rounded to 14 bits, then the Sun/CCITT
 * {@code g711.c} algorithm runs: biased by 33, clipped at 8159, split into a 3-bit segment and 4-bit mantissa, and all bits inverted. Both
 * directions are table lookups: 64 KiB for encode (indexed by the sample's unsigned 16 bits), 512 bytes for decode.
 */
public final class MuLaw {

    /** Bias added to the 14-bit magnitude (0x84 in 16-bit units, 0x84 >> 2 in 14-bit units). */
    private static final int BIAS_14 = 0x84 >> 2;
    /** Largest 14-bit magnitude that still fits the top segment once biased. */
    private static final int CLIP_14 = 8159;

    private static final byte[] ENCODE = new byte[1 << 16];
    private static final short[] DECODE = new short[256];

    static {
        for (int i = 0; i < ENCODE.length; i++) {
            ENCODE[i] = (byte) encodeSlow((short) i);
        }
        for (int code = 0; code < DECODE.length; code++) {
            DECODE[code] = decodeSlow(code);
        }
    }

    private MuLaw() {
    }

    /** Encodes one signed 16-bit sample to its μ-law byte. */
    public static byte encode(short sample) {
        return ENCODE[sample & 0xFFFF];
    }

    /** Decodes one μ-law byte to a signed 16-bit sample. */
    public static short decode(byte code) {
        return DECODE[code & 0xFF];
    }

    /** Encodes {@code len} samples from {@code in[inOff..]} into {@code out[outOff..]}; allocates nothing. */
    public static void encode(short[] in, int inOff, byte[] out, int outOff, int len) {
        for (int i = 0; i < len; i++) {
            out[outOff + i] = ENCODE[in[inOff + i] & 0xFFFF];
        }
    }

    /** Decodes {@code len} μ-law bytes from {@code in[inOff..]} into {@code out[outOff..]}; allocates nothing. */
    public static void decode(byte[] in, int inOff, short[] out, int outOff, int len) {
        for (int i = 0; i < len; i++) {
            out[outOff + i] = DECODE[in[inOff + i] & 0xFF];
        }
    }

    private static int encodeSlow(short sample) {
        // Round (not truncate) 16 -> 14 bits, as sox does before its g711 step; plain g711.c truncates
        // with >> 2, which differs from sox on 508 inputs that sit on a code boundary.
        int magnitude = Math.min((sample + 2) >> 2, 8191);
        int mask = 0xFF;
        if (magnitude < 0) {
            magnitude = -magnitude;
            mask = 0x7F;
        }
        magnitude = Math.min(magnitude, CLIP_14) + BIAS_14;
        // Segment = position of the highest set bit above bit 5 (magnitude >= 33 always, so >= 0).
        int segment = 31 - Integer.numberOfLeadingZeros(magnitude >> 5);
        if (segment > 7) {
            // Only the clipped maximum (8159 + 33 = 8192) lands here; g711.c answers the top code.
            return 0x7F ^ mask;
        }
        int mantissa = (magnitude >> (segment + 1)) & 0x0F;
        return ((segment << 4) | mantissa) ^ mask;
    }

    private static short decodeSlow(int code) {
        int inverted = ~code & 0xFF;
        int magnitude = (((inverted & 0x0F) << 3) + 0x84) << ((inverted & 0x70) >> 4);
        return (short) ((inverted & 0x80) != 0 ? 0x84 - magnitude : magnitude - 0x84);
    }
}
