package io.voicegateway.call;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * Live counters and latency figures of one call. Written from the media path without locks; read for the
 * call record. Latencies are kept as count/sum/max in microseconds (enough for avg and max per call; the
 * percentiles across calls are in the metrics).
 */
public final class CallStats {

    private final LongAdder framesIn = new LongAdder();
    private final LongAdder framesOut = new LongAdder();
    private final LongAdder bargeIns = new LongAdder();
    private final Latency replyLatency = new Latency();
    private final Latency bargeInLatency = new Latency();

    public void frameIn() {
        framesIn.increment();
    }

    public void framesOut(int n) {
        framesOut.add(n);
    }

    /** A barge-in; {@code latencyMicros} negative when unknown (the model detected it, not us). */
    public void bargeIn(long latencyMicros) {
        bargeIns.increment();
        if (latencyMicros >= 0) {
            bargeInLatency.record(latencyMicros);
        }
    }

    public void replyLatency(long micros) {
        replyLatency.record(micros);
    }

    public Snapshot snapshot() {
        return new Snapshot(framesIn.sum(), framesOut.sum(), bargeIns.sum(),
                replyLatency.snapshot(), bargeInLatency.snapshot());
    }

    /** JSON view of the counters (snake_case in the API). */
    public record Snapshot(long framesIn, long framesOut, long bargeIns,
                           Latency.Summary replyLatency, Latency.Summary bargeInLatency) {
    }

    /** Count, mean and max of one latency figure. */
    public static final class Latency {
        private final LongAdder count = new LongAdder();
        private final LongAdder sumMicros = new LongAdder();
        private final AtomicLong maxMicros = new AtomicLong();
        private final AtomicLong lastMicros = new AtomicLong();

        void record(long micros) {
            count.increment();
            sumMicros.add(micros);
            maxMicros.accumulateAndGet(micros, Math::max);
            lastMicros.set(micros);
        }

        Summary snapshot() {
            long n = count.sum();
            return new Summary(n, n == 0 ? 0 : sumMicros.sum() / 1000.0 / n, maxMicros.get() / 1000.0,
                    lastMicros.get() / 1000.0);
        }

        /** Milliseconds. */
        public record Summary(long count, double avgMs, double maxMs, double lastMs) {
        }
    }
}
