package io.voicegateway.media;

import io.voicegateway.metrics.GatewayMetrics;
import io.voicegateway.server.OverloadProperties;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.springframework.stereotype.Component;

/**
 * How long inbound frames wait in their connection's queue before the gateway starts on them: recorded per
 * frame, averaged per one-second window for admission (a gateway that falls behind real time declines new
 * calls), and used to drop audio that has waited so long that sending it to the model would only add lag.
 */
@Component
public class QueueingDelay {

    private static final long WINDOW_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final GatewayMetrics metrics;
    private final long staleNanos;
    private final LongAdder windowSum = new LongAdder();
    private final LongAdder windowCount = new LongAdder();
    private final AtomicLong windowStart = new AtomicLong(System.nanoTime());
    private volatile long lastWindowMeanNanos;
    private volatile long lastWindowEnd = System.nanoTime();

    public QueueingDelay(GatewayMetrics metrics, OverloadProperties overload) {
        this.metrics = metrics;
        this.staleNanos = TimeUnit.MILLISECONDS.toNanos(overload.staleAudioMs());
    }

    /**
     * Records a frame that arrived at {@code arrivedNanos} and is taken up at {@code nowNanos}.
     *
     * @return false when the frame is stale and must be dropped
     */
    public boolean takeUp(long arrivedNanos, long nowNanos) {
        long waited = Math.max(0, nowNanos - arrivedNanos);
        metrics.frameQueued(waited);
        long start = windowStart.get();
        if (nowNanos - start >= WINDOW_NANOS && windowStart.compareAndSet(start, nowNanos)) {
            // Frames recorded concurrently with this reset may land in either window: an estimate is enough here.
            long count = windowCount.sumThenReset();
            long sum = windowSum.sumThenReset();
            lastWindowMeanNanos = count == 0 ? 0 : sum / count;
            lastWindowEnd = nowNanos;
        }
        windowSum.add(waited);
        windowCount.increment();
        if (staleNanos > 0 && waited > staleNanos) {
            metrics.frameDropped("stale");
            return false;
        }
        return true;
    }

    /** Mean queueing delay of the last complete one-second window, in ms; 0 once frames have stopped. */
    public double recentMeanMs() {
        return recentMeanMs(System.nanoTime());
    }

    double recentMeanMs(long nowNanos) {
        // While frames flow a window closes at least every second. None closed for two: frames stopped (the calls
        // ended, or were declined), so nothing waits any more — else a last overloaded second would decline new
        // calls for ever, with no frames left to update it.
        if (nowNanos - lastWindowEnd > 2 * WINDOW_NANOS) {
            return 0;
        }
        return lastWindowMeanNanos / 1e6;
    }
}
