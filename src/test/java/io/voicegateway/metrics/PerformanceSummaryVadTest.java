package io.voicegateway.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.voicegateway.call.InMemoryCallRegistry;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Rule: the summary line's "VAD avg" is time per 32 ms window in both VAD modes: a synchronous run is one window,
 * a batched run (VAD_BATCH_TICK_MS) counts as many windows as its batch had.
 */
class PerformanceSummaryVadTest {

    @Test
    void vadAverageIsPerWindowForSingleAndBatchedRuns() {
        GatewayMetrics metrics = new GatewayMetrics(new SimpleMeterRegistry());
        PerformanceSummary summary = new PerformanceSummary(metrics, new InMemoryCallRegistry(10, Clock.systemUTC()),
                Duration.ZERO);
        metrics.frameIn();
        metrics.vadInference(90_000);      // one window, 90 µs
        metrics.vadBatch(9, 810_000);      // nine windows in 810 µs: 90 µs each
        metrics.vadBatch(30, 2_700_000);   // thirty windows, 90 µs each

        assertThat(summary.summarize()).contains("VAD avg 90 µs");
        assertThat(metrics.vadBatchSizeSummary().count()).isEqualTo(2);
        assertThat(metrics.vadBatchSizeSummary().totalAmount()).isEqualTo(39);
    }
}
