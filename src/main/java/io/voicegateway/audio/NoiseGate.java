package io.voicegateway.audio;

/**
 * Zeroes frames whose level stays below a threshold, so line hiss between words reaches neither the VAD nor the
 * model. The gate opens on the first frame at or above the threshold and closes only after the level has stayed
 * below it for the hold time, so word endings and short pauses pass untouched. One instance per call; not
 * thread-safe.
 *
 * <p>Level is the frame's RMS in dBFS, where 0 dBFS is a full-scale square wave (RMS 32768).
 */
public final class NoiseGate {

    private static final double FULL_SCALE = 32768.0;

    private final double thresholdMeanSquare;
    private final long holdSamples;
    /** Samples since the level was last at or above the threshold; starts "long ago" so silence is gated. */
    private long samplesBelow;

    /**
     * @param thresholdDbfs frames with an RMS below this (e.g. -55 dBFS) count as quiet
     * @param holdMs        how long the gate stays open after the last loud frame
     * @param sampleRateHz  rate of the frames this gate sees
     */
    public NoiseGate(double thresholdDbfs, int holdMs, int sampleRateHz) {
        double thresholdRms = FULL_SCALE * Math.pow(10, thresholdDbfs / 20);
        this.thresholdMeanSquare = thresholdRms * thresholdRms;
        this.holdSamples = (long) holdMs * sampleRateHz / 1000;
        this.samplesBelow = holdSamples;
    }

    /**
     * Gates {@code frame[off..off+len)} in place.
     *
     * @return true when the frame passed, false when it was zeroed
     */
    public boolean apply(short[] frame, int off, int len) {
        if (len == 0) {
            return samplesBelow < holdSamples;
        }
        long sumOfSquares = 0;
        for (int i = off; i < off + len; i++) {
            sumOfSquares += frame[i] * frame[i];
        }
        if ((double) sumOfSquares / len >= thresholdMeanSquare) {
            samplesBelow = 0;
            return true;
        }
        // The hold counts from the end of the last loud frame; this quiet frame passes while it fits inside.
        samplesBelow += len;
        if (samplesBelow <= holdSamples) {
            return true;
        }
        java.util.Arrays.fill(frame, off, off + len, (short) 0);
        return false;
    }

    /** Level of {@code frame[off..off+len)} in dBFS (negative infinity for digital silence). */
    public static double levelDbfs(short[] frame, int off, int len) {
        return PcmLevel.dbfs(frame, off, len);
    }
}
