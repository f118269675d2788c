package io.voicegateway.metrics;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.distribution.HistogramSnapshot;
import io.micrometer.core.instrument.distribution.ValueAtPercentile;
import io.voicegateway.call.CallRegistry;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * One INFO line every {@code metrics.summary-interval} (10 s) while there is activity: active calls, frames in and
 * out, inbound queueing delay avg/p99 and frame age p99 (the lag a busy gateway adds before it even starts on a
 * frame), frame processing avg/p99, VAD time, reply latency avg/p95, barge-ins — the figures of the last interval
 * (averages and counts) or of the last minute (percentiles: Micrometer's decaying window).
 */
@Component
public class PerformanceSummary implements DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(PerformanceSummary.class);

    private final GatewayMetrics metrics;
    private final CallRegistry calls;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "performance-summary");
        thread.setDaemon(true);
        return thread;
    });
    private Totals last = Totals.ZERO;

    public PerformanceSummary(GatewayMetrics metrics, CallRegistry calls,
                              @Value("${metrics.summary-interval:10s}") Duration interval) {
        this.metrics = metrics;
        this.calls = calls;
        if (!interval.isZero()) {
            timer.scheduleAtFixedRate(this::logIfActive, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** The summary of the interval since the previous call, or null when nothing happened. */
    synchronized String summarize() {
        Totals now = Totals.of(metrics);
        Totals delta = now.minus(last);
        last = now;
        int active = calls.activeCount();
        if (active == 0 && delta.framesIn == 0 && delta.framesOut == 0) {
            return null;
        }
        return String.format(Locale.ROOT, "Performance: %d active calls, frames in %d out %d, queueing delay avg "
                        + "%.3f ms p99 %.3f ms, frame age p99 %.3f ms, frame processing avg "
                        + "%.3f ms p99 %.3f ms, VAD avg %.0f µs, reply latency avg %.0f ms p95 %.0f ms, barge-ins %d",
                active, delta.framesIn, delta.framesOut, avgMs(delta.queueNanos, delta.queued),
                percentileMs(metrics.queueDelayTimer(), 0.99), percentileMs(metrics.frameAgeTimer(), 0.99),
                avgMs(delta.frameNanos, delta.frames),
                percentileMs(metrics.frameProcessingTimer(), 0.99), avgMs(delta.vadNanos, delta.vadWindows) * 1000,
                avgMs(delta.replyNanos, delta.replies), percentileMs(metrics.replyTimer(), 0.95), delta.bargeIns);
    }

    private void logIfActive() {
        try {
            String line = summarize();
            if (line != null) {
                LOG.info(line);
            }
        } catch (RuntimeException e) {
            LOG.warn("Performance summary failed: {}", e.toString());
        }
    }

    private static double avgMs(double nanos, long count) {
        return count == 0 ? 0 : nanos / count / 1e6;
    }

    private static double percentileMs(Timer timer, double percentile) {
        HistogramSnapshot snapshot = timer.takeSnapshot();
        for (ValueAtPercentile value : snapshot.percentileValues()) {
            if (value.percentile() == percentile) {
                return value.value(TimeUnit.MILLISECONDS);
            }
        }
        return 0;
    }

    @Override
    public void destroy() {
        timer.shutdownNow();
    }

    /** Monotonic totals; the summary reports their differences. */
    private record Totals(long framesIn, long framesOut, long queued, double queueNanos, long frames,
                          double frameNanos, long vadWindows, double vadNanos, long replies, double replyNanos,
                          long bargeIns) {
        static final Totals ZERO = new Totals(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

        static Totals of(GatewayMetrics m) {
            return new Totals((long) m.framesInCounter().count(), (long) m.framesOutCounter().count(),
                    m.queueDelayTimer().count(), m.queueDelayTimer().totalTime(TimeUnit.NANOSECONDS),
                    m.frameProcessingTimer().count(), m.frameProcessingTimer().totalTime(TimeUnit.NANOSECONDS),
                    vadWindows(m), m.vadTimer().totalTime(TimeUnit.NANOSECONDS),
                    m.replyTimer().count(), m.replyTimer().totalTime(TimeUnit.NANOSECONDS), (long) m.bargeIns());
        }

        /** Windows Silero evaluated: one per timed run, or the batch's size for a batched run (VAD_BATCH_TICK_MS). */
        private static long vadWindows(GatewayMetrics m) {
            DistributionSummary batches = m.vadBatchSizeSummary();
            return m.vadTimer().count() - batches.count() + (long) batches.totalAmount();
        }

        Totals minus(Totals o) {
            return new Totals(framesIn - o.framesIn, framesOut - o.framesOut, queued - o.queued,
                    queueNanos - o.queueNanos, frames - o.frames,
                    frameNanos - o.frameNanos, vadWindows - o.vadWindows, vadNanos - o.vadNanos,
                    replies - o.replies, replyNanos - o.replyNanos, bargeIns - o.bargeIns);
        }
    }
}
