package io.voicegateway.audio;

import java.util.Map;

/**
 * The low-pass FIR of a rational resampler (up by {@code up}, down by {@code down}), designed as a
 * Kaiser-windowed sinc at the intermediate rate {@code up * fromHz} and split into {@code up} polyphase branches.
 *
 * <p>Band edges are relative to the lower of the two rates, {@code low}: the passband runs to 0.425 low
 * (3.4 kHz at 8 kHz, the telephone band) and the stopband starts at 0.575 low, so anything that aliases (when
 * decimating) or images (when interpolating) around low/2 lands above the passband. Stopband attenuation is
 * designed for 70 dB, which leaves margin over the 60 dB the gateway needs.
 * Kaiser formulas: Oppenheim &amp; Schafer, Discrete-Time Signal Processing, 3rd ed., §7.6.
 *
 * <p>Each branch's taps are stored reversed, so a branch is a forward dot product with the input history.
 * Instances are immutable after construction and shared between resamplers.
 */
final class FilterDesign {

    static final double PASS_FRACTION = 0.425;
    static final double STOP_FRACTION = 0.575;
    static final double ATTENUATION_DB = 70;

    /** Designs of the rate pairs the gateway uses (phone 8 kHz, Nova 8/16/24 kHz), built once per process. */
    private static final Map<Long, FilterDesign> SHARED = Map.of(
            key(8000, 16000), new FilterDesign(8000, 16000),
            key(16000, 8000), new FilterDesign(16000, 8000),
            key(8000, 24000), new FilterDesign(8000, 24000),
            key(24000, 8000), new FilterDesign(24000, 8000),
            key(16000, 24000), new FilterDesign(16000, 24000),
            key(24000, 16000), new FilterDesign(24000, 16000));

    final int up;
    final int down;
    final int tapsPerPhase;
    /** {@code phases[p][i]}: tap {@code p + (tapsPerPhase - 1 - i) * up} of the prototype filter. */
    final float[][] phases;

    private FilterDesign(int fromHz, int toHz) {
        int gcd = gcd(fromHz, toHz);
        up = toHz / gcd;
        down = fromHz / gcd;
        double highRate = (double) fromHz * up;
        double low = Math.min(fromHz, toHz);
        double transitionHz = (STOP_FRACTION - PASS_FRACTION) * low;
        double cutoff = (PASS_FRACTION + STOP_FRACTION) / 2 * low / highRate;
        double deltaOmega = 2 * Math.PI * transitionHz / highRate;
        int length = (int) Math.ceil((ATTENUATION_DB - 8) / (2.285 * deltaOmega)) + 1;
        tapsPerPhase = (length + up - 1) / up;
        double[] prototype = kaiserSinc(tapsPerPhase * up, cutoff, kaiserBeta(ATTENUATION_DB), up);
        phases = new float[up][tapsPerPhase];
        for (int p = 0; p < up; p++) {
            for (int i = 0; i < tapsPerPhase; i++) {
                phases[p][i] = (float) prototype[p + (tapsPerPhase - 1 - i) * up];
            }
        }
    }

    /** The shared design for a usual pair, or a fresh one (for the CLI's odd file rates). */
    static FilterDesign shared(int fromHz, int toHz) {
        FilterDesign design = SHARED.get(key(fromHz, toHz));
        return design != null ? design : new FilterDesign(fromHz, toHz);
    }

    /** Group delay in output samples (the filter is linear-phase and symmetric). */
    double delayOutputSamples() {
        return (tapsPerPhase * up - 1) / 2.0 / down;
    }

    /** Windowed sinc of {@code length} taps, cutoff as a fraction of the sample rate, DC gain {@code gain}. */
    private static double[] kaiserSinc(int length, double cutoff, double beta, double gain) {
        double[] taps = new double[length];
        double centre = (length - 1) / 2.0;
        double sum = 0;
        for (int n = 0; n < length; n++) {
            double t = n - centre;
            double sinc = t == 0 ? 2 * cutoff : Math.sin(2 * Math.PI * cutoff * t) / (Math.PI * t);
            double ratio = t / centre;
            double window = besselI0(beta * Math.sqrt(Math.max(0, 1 - ratio * ratio))) / besselI0(beta);
            taps[n] = sinc * window;
            sum += taps[n];
        }
        for (int n = 0; n < length; n++) {
            taps[n] *= gain / sum;
        }
        return taps;
    }

    private static double kaiserBeta(double attenuationDb) {
        return attenuationDb > 50 ? 0.1102 * (attenuationDb - 8.7)
                : 0.5842 * Math.pow(attenuationDb - 21, 0.4) + 0.07886 * (attenuationDb - 21);
    }

    /** Zeroth-order modified Bessel function of the first kind, by its power series. */
    private static double besselI0(double x) {
        double sum = 1;
        double term = 1;
        for (int k = 1; k < 50 && term > 1e-12 * sum; k++) {
            term *= (x / (2 * k)) * (x / (2 * k));
            sum += term;
        }
        return sum;
    }

    private static long key(int fromHz, int toHz) {
        return ((long) fromHz << 32) | toHz;
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
