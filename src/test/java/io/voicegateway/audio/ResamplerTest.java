package io.voicegateway.audio;

import static io.voicegateway.audio.ToneAnalysis.amplitude;
import static io.voicegateway.audio.ToneAnalysis.db;
import static io.voicegateway.audio.ToneAnalysis.sine;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * Rules: tones in the telephone band (up to 3.4 kHz at 8 kHz; 0.425 of the lower rate in general) pass within
 * 1 dB; what would alias into the output (decimation) or image above the input band (interpolation) is at least
 * 60 dB down; converting in 20 ms frames gives exactly the output of converting in one block.
 */
class ResamplerTest {

    private static final double AMPLITUDE = 16000;
    private static final int SECONDS = 1;

    @ParameterizedTest(name = "{0} Hz -> {1} Hz passes {2} Hz within 1 dB")
    @CsvSource({
            "24000, 8000, 300", "24000, 8000, 1000", "24000, 8000, 3400",
            "16000, 8000, 300", "16000, 8000, 2000", "16000, 8000, 3400",
            "8000, 16000, 300", "8000, 16000, 3400",
            "8000, 24000, 300", "8000, 24000, 3400",
            "16000, 24000, 1000", "16000, 24000, 6800",
            "24000, 16000, 6800"})
    void passbandTonesPassWithinOneDecibel(int from, int to, double hz) {
        short[] out = convertInFrames(Resampler.create(from, to), sine(hz, from, from * SECONDS, AMPLITUDE), from);
        double gain = amplitude(out, to / 10, to / 2, hz, to) / AMPLITUDE;
        assertThat(db(gain)).isCloseTo(0, within(1.0));
    }

    @ParameterizedTest(name = "{0} Hz -> {1} Hz: a {2} Hz tone, aliasing to {3} Hz, is 60 dB down")
    @CsvSource({
            "24000, 8000, 5000, 3000", "24000, 8000, 4600, 3400", "24000, 8000, 11000, 3000",
            "16000, 8000, 5000, 3000", "16000, 8000, 7000, 1000",
            "24000, 16000, 9500, 6500"})
    void decimationSuppressesAliasesBySixtyDecibels(int from, int to, double hz, double aliasHz) {
        short[] out = convertInFrames(Resampler.create(from, to), sine(hz, from, from * SECONDS, AMPLITUDE), from);
        double leak = amplitude(out, to / 10, to / 2, aliasHz, to) / AMPLITUDE;
        assertThat(db(leak)).isLessThan(-60);
    }

    @ParameterizedTest(name = "{0} Hz -> {1} Hz: a {2} Hz tone leaves its image at {3} Hz 60 dB down")
    @CsvSource({
            "8000, 16000, 3000, 5000", "8000, 16000, 3400, 4600",
            "8000, 24000, 3000, 5000", "8000, 24000, 3000, 11000",
            "16000, 24000, 6800, 9200"})
    void interpolationSuppressesImagesBySixtyDecibels(int from, int to, double hz, double imageHz) {
        short[] out = convertInFrames(Resampler.create(from, to), sine(hz, from, from * SECONDS, AMPLITUDE), from);
        double image = amplitude(out, to / 10, to / 2, imageHz, to) / AMPLITUDE;
        assertThat(db(image)).isLessThan(-60);
        assertThat(db(amplitude(out, to / 10, to / 2, hz, to) / AMPLITUDE)).isCloseTo(0, within(1.0));
    }

    @ParameterizedTest(name = "{0} Hz -> {1} Hz in 20 ms frames equals one block")
    @CsvSource({"8000, 16000", "16000, 8000", "24000, 8000", "8000, 24000", "16000, 24000", "24000, 16000"})
    void convertingInFramesGivesTheSameSamplesAsOneBlock(int from, int to) {
        short[] input = sweep(from, from * SECONDS);
        Resampler whole = Resampler.create(from, to);
        short[] block = new short[whole.maxOutput(input.length)];
        int blockLen = whole.process(input, 0, input.length, block, 0);

        short[] framed = convertInFrames(Resampler.create(from, to), input, from);
        assertThat(framed).isEqualTo(Arrays.copyOf(block, blockLen));
        assertThat(blockLen).isEqualTo((long) input.length * to / from);
    }

    @Test
    void equalRatesCopySamplesUnchanged() {
        Resampler identity = Resampler.create(8000, 8000);
        short[] in = {1, -2, 3, Short.MAX_VALUE, Short.MIN_VALUE};
        short[] out = new short[7];
        assertThat(identity.process(in, 1, 4, out, 2)).isEqualTo(4);
        assertThat(out).containsExactly(0, 0, -2, 3, Short.MAX_VALUE, Short.MIN_VALUE, 0);
    }

    @Test
    void nonPositiveRatesAreRejected() {
        assertThatThrownBy(() -> Resampler.create(0, 8000)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void fullScaleInputClipsInsteadOfWrappingAround() {
        short[] square = new short[8000];
        for (int n = 0; n < square.length; n++) {
            square[n] = (n / 20) % 2 == 0 ? Short.MAX_VALUE : Short.MIN_VALUE;
        }
        short[] out = convertInFrames(Resampler.create(8000, 16000), square, 8000);
        int delay = (int) Math.round(FilterDesign.shared(8000, 16000).delayOutputSamples());
        // Gibbs overshoot of a full-scale square wave must saturate, not flip sign.
        for (int n = 200; n < out.length - 200; n++) {
            int inputIndex = (n - delay) / 2;
            boolean high = (inputIndex / 20) % 2 == 0;
            int distanceToEdge = Math.min(inputIndex % 20, 20 - inputIndex % 20);
            if (distanceToEdge > 3) {
                assertThat(out[n] > 0).as("sample %d", n).isEqualTo(high);
            }
        }
    }

    /** A linear chirp from 50 Hz to just under the input's Nyquist frequency. */
    private static short[] sweep(int rate, int samples) {
        short[] out = new short[samples];
        double f0 = 50;
        double f1 = rate / 2.0 * 0.95;
        double duration = (double) samples / rate;
        for (int n = 0; n < samples; n++) {
            double t = (double) n / rate;
            out[n] = (short) Math.round(AMPLITUDE * Math.sin(2 * Math.PI * (f0 * t + (f1 - f0) * t * t / (2 * duration))));
        }
        return out;
    }

    static short[] convertInFrames(Resampler resampler, short[] input, int fromHz) {
        int frame = fromHz / 50;
        short[] out = new short[resampler.maxOutput(input.length) + resampler.maxOutput(frame)];
        short[] frameOut = new short[resampler.maxOutput(frame)];
        int written = 0;
        for (int off = 0; off < input.length; off += frame) {
            int n = resampler.process(input, off, Math.min(frame, input.length - off), frameOut, 0);
            System.arraycopy(frameOut, 0, out, written, n);
            written += n;
        }
        return Arrays.copyOf(out, written);
    }
}
