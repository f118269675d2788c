package io.voicegateway.audio;

/** Loudness of PCM16 audio: RMS as a fraction of full scale (32768) and in dBFS. Allocation-free. */
public final class PcmLevel {

    private static final double FULL_SCALE = 32768.0;

    private PcmLevel() {
    }

    /** RMS of {@code pcm[off..off+len)} as a fraction of full scale, 0..1 (0 for an empty range). */
    public static float rms(short[] pcm, int off, int len) {
        if (len <= 0) {
            return 0f;
        }
        double sum = 0;
        for (int i = off; i < off + len; i++) {
            sum += (double) pcm[i] * pcm[i];
        }
        return (float) (Math.sqrt(sum / len) / FULL_SCALE);
    }

    /** RMS level in dBFS: negative infinity for digital silence. */
    public static double dbfs(short[] pcm, int off, int len) {
        return 20 * Math.log10(rms(pcm, off, len));
    }
}
