package io.voicegateway.audio;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * Cost of the per-frame signal path for one 20 ms frame (160 samples at 8 kHz, 320 at 16 kHz, 480 at 24 kHz).
 * Resamplers keep their history between invocations, exactly as in a call.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class AudioFrameBenchmark {

    private final byte[] ulaw = new byte[160];
    private final short[] pcm8 = new short[160];
    private final short[] pcm16 = new short[320];
    private final short[] pcm24 = new short[480];
    private final short[] out = new short[960];
    private final byte[] ulawOut = new byte[160];

    private final Resampler up8to16 = Resampler.create(8000, 16000);
    private final Resampler down16to8 = Resampler.create(16000, 8000);
    private final Resampler down24to8 = Resampler.create(24000, 8000);
    private final Resampler up8to24 = Resampler.create(8000, 24000);
    private final Resampler up16to24 = Resampler.create(16000, 24000);
    private final NoiseGate gate = new NoiseGate(-55, 200, 8000);

    @Setup
    public void fill() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < ulaw.length; i++) {
            ulaw[i] = (byte) random.nextInt(256);
        }
        fillSpeechLike(pcm8, random);
        fillSpeechLike(pcm16, random);
        fillSpeechLike(pcm24, random);
    }

    private static void fillSpeechLike(short[] samples, SplittableRandom random) {
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (short) random.nextInt(-8000, 8000);
        }
    }

    @Benchmark
    public short[] muLawDecodeFrame() {
        MuLaw.decode(ulaw, 0, pcm8, 0, 160);
        return pcm8;
    }

    @Benchmark
    public byte[] muLawEncodeFrame() {
        MuLaw.encode(pcm8, 0, ulawOut, 0, 160);
        return ulawOut;
    }

    @Benchmark
    public int resample8to16Frame() {
        return up8to16.process(pcm8, 0, 160, out, 0);
    }

    @Benchmark
    public int resample16to8Frame() {
        return down16to8.process(pcm16, 0, 320, out, 0);
    }

    @Benchmark
    public int resample24to8Frame() {
        return down24to8.process(pcm24, 0, 480, out, 0);
    }

    @Benchmark
    public int resample8to24Frame() {
        return up8to24.process(pcm8, 0, 160, out, 0);
    }

    @Benchmark
    public int resample16to24Frame() {
        return up16to24.process(pcm16, 0, 320, out, 0);
    }

    @Benchmark
    public boolean noiseGateFrame() {
        return gate.apply(pcm8, 0, 160);
    }

    /** The inbound path to a 16 kHz model: decode the caller's frame, then 8 -> 16 kHz. */
    @Benchmark
    public int decodeAndResample8to16Frame() {
        MuLaw.decode(ulaw, 0, pcm8, 0, 160);
        return up8to16.process(pcm8, 0, 160, out, 0);
    }

    /** The outbound path from a 24 kHz model: 24 -> 8 kHz, then encode for Twilio. */
    @Benchmark
    public byte[] resample24to8AndEncodeFrame() {
        int n = down24to8.process(pcm24, 0, 480, out, 0);
        MuLaw.encode(out, 0, ulawOut, 0, n);
        return ulawOut;
    }
}
