package io.voicegateway.vad;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.infra.Blackhole;

/**
 * One Silero window (256 samples, 32 ms at 8 kHz) per invocation: one model run plus the stream's buffering.
 * The model (one OrtSession) is shared by all benchmark threads, each with its own stream, as calls share it.
 * {@link #batchOfWindows}: one window for each of {@code batch} batched streams and one {@link VadBatcher} run
 * over them, as one tick with that many calls; µs per window = score / batch.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class VadBenchmark {

    @State(Scope.Benchmark)
    public static class SharedModel {
        SileroVadModel model;

        @Setup
        public void load() {
            model = SileroVadModel.loadBundled();
        }

        @TearDown
        public void close() {
            model.close();
        }
    }

    @State(Scope.Thread)
    public static class Call {
        final short[] window = new short[SileroVadModel.WINDOW];
        VadStream stream;
        Blackhole sink;

        @Setup
        public void open(SharedModel shared, Blackhole blackhole) {
            SplittableRandom random = new SplittableRandom(7);
            for (int i = 0; i < window.length; i++) {
                window[i] = (short) random.nextInt(-4000, 4000);
            }
            stream = shared.model.newStream();
            sink = blackhole;
        }

        @TearDown
        public void close() {
            stream.close();
        }
    }

    @Benchmark
    @Threads(1)
    public void windowSingleThread(Call call) {
        call.stream.feed(call.window, 0, call.window.length, (index, p) -> call.sink.consume(p));
    }

    @Benchmark
    @Threads(2)
    public void windowTwoThreadsSharingTheSession(Call call) {
        call.stream.feed(call.window, 0, call.window.length, (index, p) -> call.sink.consume(p));
    }

    @State(Scope.Thread)
    public static class Tick {
        @Param({"1", "8", "32", "100"})
        int batch;

        final short[] window = new short[SileroVadModel.WINDOW];
        VadBatcher batcher;
        VadStream[] streams;
        VadStream.WindowListener sink;

        @Setup
        public void open(SharedModel shared, Blackhole blackhole) {
            SplittableRandom random = new SplittableRandom(7);
            for (int i = 0; i < window.length; i++) {
                window[i] = (short) random.nextInt(-4000, 4000);
            }
            batcher = new VadBatcher(shared.model, 32, VadBatcher.DEFAULT_MAX_BATCH, (n, nanos) -> { });
            streams = new VadStream[batch];
            for (int i = 0; i < batch; i++) {
                streams[i] = batcher.newStream();
            }
            sink = (index, p) -> blackhole.consume(p);
        }

        @TearDown
        public void close() {
            for (VadStream stream : streams) {
                stream.close();
            }
            batcher.close();
        }
    }

    /** Every stream completes a window, one batch run evaluates them all, every stream takes its probability. */
    @Benchmark
    @Threads(1)
    public int batchOfWindows(Tick tick) {
        for (VadStream stream : tick.streams) {
            stream.feed(tick.window, 0, tick.window.length, tick.sink);
        }
        int runs = tick.batcher.runDue();
        for (VadStream stream : tick.streams) {
            stream.feed(tick.window, 0, 0, tick.sink);
        }
        return runs;
    }
}
