package io.voicegateway.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * The load tool's arithmetic: nearest-rank percentiles of the callers' latencies, p99 of what the gateway's
 * histogram recorded between two scrapes (interpolated inside buckets, like PromQL), and the final table.
 */
class LoadFiguresTest {

    @Test
    void percentilesAreNearestRankOverTheSortedSamples() {
        List<Double> values = new ArrayList<>();
        for (int i = 100; i >= 1; i--) {
            values.add((double) i);
        }
        Percentiles p = Percentiles.of(values);

        assertThat(p.count()).isEqualTo(100);
        assertThat(p.p50()).isEqualTo(50.0);
        assertThat(p.p95()).isEqualTo(95.0);
        assertThat(p.p99()).isEqualTo(99.0);
        assertThat(p.max()).isEqualTo(100.0);
    }

    @Test
    void aSingleSampleIsEveryPercentileAndNoSamplesGiveNone() {
        assertThat(Percentiles.of(List.of(7.0)).p99()).isEqualTo(7.0);
        assertThat(Percentiles.of(List.of(7.0)).p50()).isEqualTo(7.0);
        assertThat(Percentiles.of(List.of()).p50()).isNull();
    }

    @Test
    void prometheusTextIsReadWithLabelsHoldingSpaces() {
        PrometheusText scrape = PrometheusText.parse("""
                # HELP jvm_memory_used_bytes The amount of used memory
                # TYPE jvm_memory_used_bytes gauge
                jvm_memory_used_bytes{area="heap",id="G1 Eden Space"} 1048576.0
                jvm_memory_used_bytes{area="heap",id="G1 Old Gen"} 2097152.0
                jvm_memory_used_bytes{area="nonheap",id="Metaspace"} 9.0E7
                process_cpu_usage 0.25
                gateway_frames_inbound_total 755.0
                """);

        assertThat(scrape.sum("jvm_memory_used_bytes", "area=\"heap\"")).isEqualTo(3 * 1048576.0);
        assertThat(scrape.sum("process_cpu_usage")).isEqualTo(0.25);
        assertThat(scrape.sum("gateway_frames_inbound_total")).isEqualTo(755.0);
        assertThat(scrape.sum("absent_metric")).isZero();
    }

    @Test
    void theP99OfAHistogramDeltaIsInterpolatedInsideItsBucket() {
        TreeMap<Double, Double> before = PrometheusText.parse(histogram(0, 0, 0, 0)).buckets("h_seconds");
        // 1000 frames: 900 under 0.5 ms, 95 in (0.5, 1] ms, 5 in (1, 2] ms
        TreeMap<Double, Double> after = PrometheusText.parse(histogram(900, 995, 1000, 1000)).buckets("h_seconds");

        // rank 990 is the 90th of 95 in (0.5 ms, 1 ms]: 0.5 + 0.5 × 90/95 ms
        assertThat(PrometheusText.quantileOfDelta(before, after, 0.99)).isCloseTo(0.0005 + 0.0005 * 90 / 95, within(1e-9));
        // rank 500 is in the first bucket, interpolated from 0
        assertThat(PrometheusText.quantileOfDelta(before, after, 0.50)).isCloseTo(0.0005 * 500 / 900, within(1e-9));
    }

    @Test
    void onlyWhatWasRecordedBetweenTheScrapesCounts() {
        TreeMap<Double, Double> before = PrometheusText.parse(histogram(0, 0, 1000, 1000)).buckets("h_seconds");
        TreeMap<Double, Double> after = PrometheusText.parse(histogram(100, 100, 1100, 1100)).buckets("h_seconds");

        assertThat(PrometheusText.quantileOfDelta(before, after, 0.99)).isCloseTo(0.0005 * 99 / 100, within(1e-9));
        assertThat(PrometheusText.quantileOfDelta(after, after, 0.99)).isNull();
    }

    @Test
    void aQuantileBeyondTheLastFiniteBucketIsThatBucketsBound() {
        TreeMap<Double, Double> before = PrometheusText.parse(histogram(0, 0, 0, 0)).buckets("h_seconds");
        TreeMap<Double, Double> after = PrometheusText.parse(histogram(0, 0, 0, 10)).buckets("h_seconds");

        assertThat(PrometheusText.quantileOfDelta(before, after, 0.99)).isEqualTo(0.002);
    }

    @Test
    void theTableAndTheJsonCarryTheSameFigures() {
        LoadResult result = new LoadResult(5, 4, 1, Map.of("timed out", 1), 10, 15.4, 3758, 2360, 0, 3758, 3, 1, 0,
                Percentiles.of(List.of(400.0, 420.0, 440.0)), Percentiles.of(List.of(60.0, 70.0)),
                0.3, 0.95, 0.38, 0.02, 0.18, 1.4, 0.16, 0.21, 120.0, 35.0, 68.9, 102.6, 148.6);

        String table = result.table();
        assertThat(table).contains("4 ok, 1 failed (of 5)", "1 × timed out", "frames lost        0",
                "p50 420.0  p95 440.0  p99 440.0", "p50 60.0  p95 70.0", "p99 0.95", "mean 16  max 21", "120.0 µs CPU per inbound frame",
                "queueing delay     p50 0.02  p99 0.18 ms; frame age p99 1.40 ms");
        Map<String, Object> json = result.toMap();
        assertThat(json).containsEntry("calls_ok", 4).containsEntry("frames_lost", 0L)
                .containsEntry("gateway_frame_p99_ms", 0.95).containsEntry("queue_delay_p99_ms", 0.18);
        @SuppressWarnings("unchecked") Map<String, Object> bargeIn = (Map<String, Object>) json.get("barge_in_latency_ms");
        assertThat(bargeIn).containsEntry("count", 2).containsEntry("p95", 70.0);
    }

    @Test
    void theProgressBarFillsWithFinishedCalls() {
        assertThat(Progress.line(10, 5, 4, 1, 75)).startsWith("[" + "#".repeat(15) + ".".repeat(15) + "] 5/10 done")
                .contains("active 5 ok 4 failed 1 | 01:15");
    }

    @Test
    void theMediaShortcutReadsThePayloadAndLeavesEverythingElseToTheParser() {
        assertThat(MediaPayload.of("{\"event\":\"media\",\"streamSid\":\"MZ1\",\"media\":{\"payload\":\"//79\"}}"))
                .isEqualTo("//79");
        assertThat(MediaPayload.of("{\"event\":\"mark\",\"mark\":{\"name\":\"m1\"}}")).isNull();
        assertThat(MediaPayload.of("{\"event\":\"media\",\"media\":{\"payload\":\"a\\/b\"}}")).isNull();
    }

    private static String histogram(int le05ms, int le1ms, int le2ms, int inf) {
        return "h_seconds_bucket{le=\"5.0E-4\"} " + le05ms + "\n"
                + "h_seconds_bucket{le=\"0.001\"} " + le1ms + "\n"
                + "h_seconds_bucket{le=\"0.002\"} " + le2ms + "\n"
                + "h_seconds_bucket{le=\"+Inf\"} " + inf + "\n"
                + "h_seconds_count " + inf + "\n";
    }
}
