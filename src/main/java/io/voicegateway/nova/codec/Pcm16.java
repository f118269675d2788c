package io.voicegateway.nova.codec;

import java.util.Base64;

/** PCM16 sample conversions. Nova's {@code audio/lpcm} is signed 16-bit little-endian, mono. */
public final class Pcm16 {

    private Pcm16() {
    }

    /** Little-endian bytes of the samples. */
    public static byte[] toBytes(short[] samples) {
        byte[] out = new byte[samples.length * 2];
        for (int i = 0; i < samples.length; i++) {
            out[2 * i] = (byte) samples[i];
            out[2 * i + 1] = (byte) (samples[i] >> 8);
        }
        return out;
    }

    /** Samples of little-endian bytes; an odd trailing byte is ignored. */
    public static short[] fromBytes(byte[] bytes) {
        short[] out = new short[bytes.length / 2];
        for (int i = 0; i < out.length; i++) {
            out[i] = (short) ((bytes[2 * i] & 0xff) | (bytes[2 * i + 1] << 8));
        }
        return out;
    }

    /** Base64 of the little-endian bytes, as {@code audioInput.content} wants it. */
    public static String toBase64(short[] samples) {
        return Base64.getEncoder().encodeToString(toBytes(samples));
    }

    /** Samples of a base64 {@code audioOutput.content}. */
    public static short[] fromBase64(String base64) {
        return fromBytes(Base64.getDecoder().decode(base64));
    }
}
