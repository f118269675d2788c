package io.voicegateway.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.voicegateway.metrics.GatewayMetrics;
import io.voicegateway.server.OverloadProperties;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Rule: every frame's wait is recorded; a frame that waited longer than overload.stale-audio-ms is dropped and
 * counted as stale; the admission figure is the mean wait of the last complete one-second window.
 */
class QueueingDelayTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final QueueingDelay delay = new QueueingDelay(new GatewayMetrics(registry),
            new OverloadProperties(0, 100, 200, 500, 250));

    private double stale() {
        return registry.get("gateway.frames.dropped").tag("reason", "stale").counter().count();
    }

    @Test
    void aFrameThatWaitedLessThanTheStaleLimitIsKeptAndItsWaitRecorded() {
        long now = System.nanoTime();

        assertThat(delay.takeUp(now - 150 * MS, now)).isTrue();

        assertThat(stale()).isZero();
        assertThat(registry.get("gateway.frame.queue.delay").timer().count()).isEqualTo(1);
        assertThat(registry.get("gateway.frame.queue.delay").timer().max(TimeUnit.MILLISECONDS)).isEqualTo(150.0);
    }

    @Test
    void aFrameThatWaitedLongerThanTheStaleLimitIsDroppedAndCountedAsStale() {
        long now = System.nanoTime();

        assertThat(delay.takeUp(now - 250 * MS, now)).isFalse();

        assertThat(stale()).isEqualTo(1);
    }

    @Test
    void theAdmissionFigureIsTheMeanWaitOfTheLastCompleteSecond() {
        long start = System.nanoTime();
        assertThat(delay.recentMeanMs()).isZero();
        for (int i = 0; i < 10; i++) {
            long at = start + i * 20 * MS;
            delay.takeUp(at - (i % 2 == 0 ? 100 : 200) * MS, at); // waits of 100 and 200 ms: mean 150
        }
        long next = start + 1_100 * MS; // the next second's first frame closes the window
        delay.takeUp(next, next);

        assertThat(delay.recentMeanMs()).isBetween(140.0, 160.0);
    }

    @Test
    void onceFramesStopTheFigureFallsToZeroSoNewCallsAreNotDeclinedForEver() {
        long start = System.nanoTime();
        for (int i = 0; i < 10; i++) {
            long at = start + i * 20 * MS;
            delay.takeUp(at - 150 * MS, at);
        }
        long closed = start + 1_100 * MS;
        delay.takeUp(closed - 150 * MS, closed);
        assertThat(delay.recentMeanMs(closed + 500 * MS)).isGreaterThan(100.0);

        assertThat(delay.recentMeanMs(closed + 2_100 * MS)).isZero();
    }

    @Test
    void staleDropsCanBeTurnedOff() {
        QueueingDelay keepAll = new QueueingDelay(new GatewayMetrics(registry), new OverloadProperties(0, 100, 0, 500, 250));
        long now = System.nanoTime();

        assertThat(keepAll.takeUp(now - 5_000 * MS, now)).isTrue();
    }
}
