package io.voicegateway.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.voicegateway.GatewayTestSupport;
import io.voicegateway.media.TwilioStreamClient;
import io.voicegateway.twilio.TwilioSignature;
import java.lang.management.ManagementFactory;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import javax.management.ObjectName;
import org.junit.jupiter.api.Test;

/** The ops API: route statistics from Camel management, and draining without dropping running calls. */
class OpsApiTest extends GatewayTestSupport {

    private final ObjectMapper mapper = new ObjectMapper();

    private JsonNode json(HttpResponse<String> response) throws Exception {
        return mapper.readTree(response.body());
    }

    @Test
    void routeStatisticsListEveryRouteWithItsCounters() throws Exception {
        get("/health");
        HttpResponse<String> response = get("/ops/routes");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode routes = json(response).get("routes");
        assertThat(routes.findValuesAsText("id")).contains("media-stream", "nova-events", "health", "voice-webhook");
        JsonNode health = null;
        for (JsonNode route : routes) {
            if (route.get("id").asText().equals("health")) {
                health = route;
            }
        }
        assertThat(health.get("state").asText()).isEqualTo("Started");
        assertThat(health.get("exchanges_total").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(health.has("exchanges_failed")).isTrue();
        assertThat(health.has("mean_ms")).isTrue();
    }

    @Test
    void camelRoutesAreVisibleAsJmxBeans() throws Exception {
        assertThat(ManagementFactory.getPlatformMBeanServer()
                .queryNames(new ObjectName("org.apache.camel:type=routes,*"), null))
                .extracting(ObjectName::toString).anyMatch(name -> name.contains("media-stream"));
    }

    @Test
    void drainingRefusesNewCallsKeepsRunningOnesAndResumes() throws Exception {
        JsonNode call = json(postJson("/local/calls", "{}"));
        String callId = call.get("call_id").asText();
        Vertx vertx = Vertx.vertx();
        byte[] silence = new byte[160];
        Arrays.fill(silence, (byte) 0xFF);
        try (TwilioStreamClient running = new TwilioStreamClient(vertx, PORT, callId)) {
            running.start(call.get("token").asText());
            running.media(silence);

            HttpResponse<String> drained = postJson("/ops/drain", "");
            assertThat(drained.statusCode()).isEqualTo(200);
            assertThat(json(drained).get("state").asText()).isEqualTo("DRAINING");

            HttpResponse<String> health = get("/health");
            assertThat(health.statusCode()).isEqualTo(503);
            assertThat(json(health).get("status").asText()).isEqualTo("DRAINING");
            HttpResponse<String> local = postJson("/local/calls", "{}");
            assertThat(local.statusCode()).isEqualTo(503);
            assertThat(json(local).get("error").asText()).isEqualTo("draining");
            assertThat(postJson("/make-call", "{\"to\":\"+14155550100\"}").statusCode()).isEqualTo(503);
            assertThat(postJson("/make-call", "{\"to\":\"bad\"}").statusCode()).isEqualTo(400);

            Map<String, String> inbound = Map.of("CallSid", "CA-drain", "From", "+14155550100", "To", "+15550001111");
            String signature = TwilioSignature.sign(AUTH_TOKEN, baseUrl() + "/webhooks/voice", inbound);
            HttpResponse<String> twiml = postForm("/webhooks/voice", inbound, signature);
            assertThat(twiml.statusCode()).isEqualTo(200);
            assertThat(twiml.body()).contains("<Say>").contains("<Hangup/>").doesNotContain("<Stream");

            for (int i = 0; i < 10; i++) {
                running.media(silence);
            }
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> json(get("/calls/" + callId)).at("/stats/frames_in").asInt() == 11);
            assertThat(running.isClosed()).isFalse();
        } finally {
            postJson("/ops/resume", "");
            vertx.close();
        }
        assertThat(get("/health").statusCode()).isEqualTo(200);
        assertThat(postJson("/local/calls", "{}").statusCode()).isEqualTo(201);
    }
}
