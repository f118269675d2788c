package io.voicegateway.audio;

/**
 * A streaming sample-rate converter for mono PCM16. One instance per call and direction: it keeps the filter's
 * history between calls to {@link #process}, so a signal cut into 20 ms frames comes out exactly as if it had
 * been converted in one block (no clicks at frame boundaries). Not thread-safe.
 */
public interface Resampler {

    /**
     * Converts {@code inLen} samples from {@code in[inOff..]} and writes the result to {@code out[outOff..]}.
     * {@code out} must have room for {@link #maxOutput(int) maxOutput(inLen)} samples.
     *
     * @return the number of samples written
     */
    int process(short[] in, int inOff, int inLen, short[] out, int outOff);

    /** An upper bound on what {@link #process} writes for {@code inLen} input samples. */
    int maxOutput(int inLen);

    /** Input rate in Hz. */
    int fromHz();

    /** Output rate in Hz. */
    int toHz();

    /**
     * A resampler from {@code fromHz} to {@code toHz}: the identity when they are equal, otherwise a polyphase
     * windowed-sinc filter. The filter of the usual pairs (8, 16, 24 kHz) is designed once and shared.
     */
    static Resampler create(int fromHz, int toHz) {
        if (fromHz <= 0 || toHz <= 0) {
            throw new IllegalArgumentException("Sample rates must be positive, got " + fromHz + " -> " + toHz);
        }
        if (fromHz == toHz) {
            return new IdentityResampler(fromHz);
        }
        return new PolyphaseResampler(FilterDesign.shared(fromHz, toHz), fromHz, toHz);
    }
}
