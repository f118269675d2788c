package io.voicegateway.audio;

/** Mono PCM16 samples at a sample rate, as read from a file. */
public record PcmAudio(short[] samples, int sampleRateHz) {

    /** The same audio at {@code rateHz}, converted with a {@link Resampler} when the rate differs. */
    public PcmAudio resampledTo(int rateHz) {
        if (rateHz == sampleRateHz) {
            return this;
        }
        Resampler resampler = Resampler.create(sampleRateHz, rateHz);
        short[] out = new short[resampler.maxOutput(samples.length)];
        int written = resampler.process(samples, 0, samples.length, out, 0);
        return new PcmAudio(java.util.Arrays.copyOf(out, written), rateHz);
    }

    /** Length in ms. */
    public long durationMs() {
        return samples.length * 1000L / sampleRateHz;
    }
}
