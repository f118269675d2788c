package io.voicegateway.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.spi.ILoggingEvent;
import io.voicegateway.GatewayTestSupport;
import io.voicegateway.LogCapture;
import io.voicegateway.cli.CallReport;
import io.voicegateway.cli.SimulatedCaller;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** After one simulated call with a barge-in: the meters moved, the summary line reports it, logs carry the call. */
class ObservabilityTest extends GatewayTestSupport {

    @RegisterExtension
    final LogCapture logs = new LogCapture();


    @Test
    void aCallMovesTheMetricsTheSummaryAndTheLogs() throws Exception {
        CallReport report = simulatedCall("one-utterance.wav", new SimulatedCaller.Options(400, 40_000));
        assertThat(report.error()).isNull();

        String metrics = get("/metrics").body();
        assertThat(metricValue(metrics, "gateway_frames_inbound_total")).isGreaterThanOrEqualTo(report.framesSent());
        assertThat(metricValue(metrics, "gateway_frames_outbound_total")).isGreaterThanOrEqualTo(report.framesReceived());
        assertThat(metricValue(metrics, "gateway_frame_processing_seconds_count")).isGreaterThanOrEqualTo(report.framesSent());
        assertThat(metricValue(metrics, "gateway_vad_inference_seconds_count")).isPositive();
        assertThat(metricValue(metrics, "gateway_frame_queue_delay_seconds_count")).isGreaterThanOrEqualTo(report.framesSent());
        assertThat(metricValue(metrics, "gateway_frame_age_seconds_count")).isGreaterThanOrEqualTo(report.framesSent());
        assertThat(metricValue(metrics, "gateway_frame_queue_delay_seconds_bucket{le=\"2.0E-4\"}")).isGreaterThanOrEqualTo(0);
        assertThat(metricValue(metrics, "gateway_reply_latency_seconds_count")).isGreaterThanOrEqualTo(1);
        assertThat(metricValue(metrics, "gateway_bargein_latency_seconds_count")).isGreaterThanOrEqualTo(1);
        assertThat(metricValue(metrics, "gateway_bargeins_total{source=\"vad\"}")).isGreaterThanOrEqualTo(1);
        assertThat(metricValue(metrics, "gateway_calls_ended_total{status=\"completed\"}")).isGreaterThanOrEqualTo(1);
        assertThat(metricValue(metrics, "gateway_nova_sessions_total{event=\"opened\",reason=\"none\"}")).isGreaterThanOrEqualTo(1);
        // the per-frame media-stream route is left out of Camel's route policy (its cost per frame; see
        // camel.metrics.route-policy-exclude-pattern): its counts are in /ops/routes, its timing in gateway_*
        assertThat(metrics).contains("gateway_calls_active ", "camel_exchanges_total{", "routeId=\"nova-events\"",
                "jvm_memory_used_bytes{", "process_cpu_usage ");

        // the test gateway logs the summary every second while there is activity
        List<String> summaries = logs.events().stream().map(ILoggingEvent::getFormattedMessage)
                .filter(m -> m.startsWith("Performance: ")).toList();
        assertThat(summaries).isNotEmpty();
        assertThat(summaries).allMatch(m -> m.matches("Performance: \\d+ active calls, frames in \\d+ out \\d+, "
                + "queueing delay avg [0-9.]+ ms p99 [0-9.]+ ms, frame age p99 [0-9.]+ ms, frame "
                + "processing avg [0-9.]+ ms p99 [0-9.]+ ms, VAD avg \\d+ µs, reply latency avg \\d+ ms p95 \\d+ ms, "
                + "barge-ins \\d+"));
        assertThat(summaries.stream().mapToLong(m -> Long.parseLong(m.replaceAll(".*frames in (\\d+).*", "$1"))).sum())
                .isGreaterThan(report.framesSent() / 2);

        List<ILoggingEvent> speech = logs.events().stream()
                .filter(e -> e.getFormattedMessage().startsWith("Speech started: call " + report.callId())).toList();
        assertThat(speech).isNotEmpty();
        assertThat(speech.get(0).getMDCPropertyMap()).containsEntry("callId", report.callId());
        assertThat(logs.events().stream().filter(e -> e.getFormattedMessage().contains("Speech ended: call " + report.callId())))
                .isNotEmpty();
        ILoggingEvent bargeIn = logs.events().stream().filter(e -> e.getFormattedMessage().contains("barge-in"))
                .filter(e -> report.callId().equals(e.getMDCPropertyMap().get("callId"))).findFirst().orElseThrow();
        assertThat(bargeIn.getMDCPropertyMap().get("streamSid")).startsWith("MZ");
        assertThat(logs.events()).noneMatch(e -> e.getFormattedMessage().contains(AUTH_TOKEN));
    }
}
