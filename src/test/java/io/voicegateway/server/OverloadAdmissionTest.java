package io.voicegateway.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.voicegateway.GatewayTestSupport;
import io.voicegateway.metrics.GatewayMetrics;
import io.voicegateway.twilio.TwilioSignature;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A gateway with MAX_CONCURRENT_CALLS=2 (its own application context, so the first test sees it fresh from
 * startup): every counter with known labels is on /metrics at 0 before anything happened, and a third call is
 * declined politely (TwiML apology and hang-up, 503 for the API) and counted.
 */
@SpringBootTest(properties = "overload.max-concurrent-calls=2")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class OverloadAdmissionTest extends GatewayTestSupport {


    @Test
    @Order(1)
    void everyCounterWithKnownLabelsExistsAtZeroRightAfterStartup() {
        String metrics = get("/metrics").body();
        Map<String, List<String>> series = Map.of(
                "gateway_bargeins_total{source=\"%s\"}", GatewayMetrics.BARGE_IN_SOURCES,
                "gateway_frames_dropped_total{reason=\"%s\"}", GatewayMetrics.DROP_REASONS,
                "gateway_webhooks_total{result=\"%s\"}", GatewayMetrics.WEBHOOK_RESULTS,
                "gateway_websocket_refused_total{reason=\"%s\"}", GatewayMetrics.REFUSAL_REASONS,
                "gateway_calls_declined_total{reason=\"%s\"}", GatewayMetrics.DECLINE_REASONS,
                "gateway_calls_timed_out_total{reason=\"%s\"}", GatewayMetrics.TIMEOUT_REASONS,
                "gateway_api_refused_total{reason=\"%s\"}", GatewayMetrics.API_REFUSAL_REASONS,
                "gateway_transfers_total{outcome=\"%s\"}", GatewayMetrics.TRANSFER_OUTCOMES,
                "gateway_vad_batch_misses_total{outcome=\"%s\"}", GatewayMetrics.VAD_BATCH_MISSES);
        series.forEach((format, labels) -> labels.forEach(label ->
                assertThat(metricValue(metrics, String.format(format, label))).as(format, label).isZero()));
        assertThat(GatewayMetrics.DROP_REASONS).contains("stale", "queue_full");
        assertThat(GatewayMetrics.DECLINE_REASONS).containsExactly("draining", "max_calls", "overloaded");
        // the model streams' event loops are watched from startup, and an idle gateway's are on time
        assertThat(metricValue(metrics, "gateway_model_loop_lag_seconds")).isBetween(0.0, 5.0);
    }

    @Test
    @Order(2)
    void aCallBeyondMaxConcurrentCallsIsDeclinedPolitelyAndCounted() throws Exception {
        assertThat(postJson("/local/calls", "{}").statusCode()).isEqualTo(201);
        assertThat(postJson("/local/calls", "{}").statusCode()).isEqualTo(201);

        HttpResponse<String> third = postJson("/local/calls", "{}");
        assertThat(third.statusCode()).isEqualTo(503);
        assertThat(new ObjectMapper().readTree(third.body()).get("error").asText()).isEqualTo("max_calls");
        assertThat(postJson("/make-call", "{\"to\":\"+14155550100\"}").statusCode()).isEqualTo(503);

        Map<String, String> inbound = Map.of("CallSid", "CA-full", "From", "+14155550100", "To", "+15550001111");
        String signature = TwilioSignature.sign(AUTH_TOKEN, baseUrl() + "/webhooks/voice", inbound);
        HttpResponse<String> twiml = postForm("/webhooks/voice", inbound, signature);
        assertThat(twiml.statusCode()).isEqualTo(200);
        assertThat(twiml.body()).contains("<Say>Sorry").contains("<Hangup/>").doesNotContain("<Stream");

        String metrics = get("/metrics").body();
        assertThat(metricValue(metrics, "gateway_calls_declined_total{reason=\"max_calls\"}")).isEqualTo(3);
        assertThat(metricValue(metrics, "gateway_calls_active")).isEqualTo(2);
    }
}
