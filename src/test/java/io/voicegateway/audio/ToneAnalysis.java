package io.voicegateway.audio;

/** Sine generation and single-frequency amplitude measurement (Hann-windowed DFT bin) for filter tests. */
final class ToneAnalysis {

    private ToneAnalysis() {
    }

    static short[] sine(double hz, int rateHz, int samples, double amplitude) {
        short[] out = new short[samples];
        for (int n = 0; n < samples; n++) {
            out[n] = (short) Math.round(amplitude * Math.sin(2 * Math.PI * hz * n / rateHz));
        }
        return out;
    }

    /** Amplitude of the {@code hz} component of {@code x[from..from+len)}, in the same units as the samples. */
    static double amplitude(short[] x, int from, int len, double hz, int rateHz) {
        double re = 0;
        double im = 0;
        double windowSum = 0;
        for (int n = 0; n < len; n++) {
            double w = 0.5 - 0.5 * Math.cos(2 * Math.PI * n / (len - 1));
            double phase = 2 * Math.PI * hz * n / rateHz;
            re += w * x[from + n] * Math.cos(phase);
            im -= w * x[from + n] * Math.sin(phase);
            windowSum += w;
        }
        return 2 * Math.hypot(re, im) / windowSum;
    }

    static double db(double ratio) {
        return 20 * Math.log10(ratio);
    }
}
