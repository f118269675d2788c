package io.voicegateway.call;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.voicegateway.GatewayTestSupport;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The REST call API in local mode without a Twilio account: health, local calls, queries and every 4xx/5xx. */
class CallApiTest extends GatewayTestSupport {

    private final ObjectMapper mapper = new ObjectMapper();

    @Autowired
    private CallRegistry registry;
    @Autowired
    private CallLifecycle lifecycle;

    private JsonNode json(HttpResponse<String> response) throws Exception {
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        return mapper.readTree(response.body());
    }

    @Test
    void healthIsUpInLocalModeWithChecksAndCounters() throws Exception {
        HttpResponse<String> response = get("/health");
        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = json(response);
        assertThat(body.get("status").asText()).isEqualTo("UP");
        assertThat(body.get("mode").asText()).isEqualTo("local");
        assertThat(body.get("version").asText()).isNotBlank();
        assertThat(body.get("uptime_s").isNumber()).isTrue();
        assertThat(body.get("active_calls").isInt()).isTrue();
        assertThat(body.at("/checks/call_store/status").asText()).isEqualTo("UP");
    }

    @Test
    void aLocalCallGetsAStreamUrlAndTokenAndIsListedAsActive() throws Exception {
        HttpResponse<String> created = postJson("/local/calls", "{\"voice_id\":\"Tiffany\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode call = json(created);
        String callId = call.get("call_id").asText();
        assertThat(callId).hasSizeGreaterThanOrEqualTo(20);
        assertThat(call.get("stream_url").asText()).isEqualTo("ws://localhost:" + PORT + "/media-stream/" + callId);
        assertThat(call.get("token").asText()).hasSizeGreaterThanOrEqualTo(24);

        JsonNode record = json(get("/calls/" + callId));
        assertThat(record.get("voice_id").asText()).isEqualTo("tiffany");
        assertThat(record.get("direction").asText()).isEqualTo("local");
        assertThat(record.get("status").asText()).isEqualTo("queued");
        assertThat(record.at("/status_history/0/status").asText()).isEqualTo("queued");
        for (String field : new String[] {"call_id", "from", "to", "twilio_call_sid", "stream_sid", "created_at",
                "ended_at", "end_reason", "transcript", "stats"}) {
            assertThat(record.has(field)).as(field).isTrue();
        }
        JsonNode active = json(get("/calls"));
        assertThat(active.get("calls").findValuesAsText("call_id")).contains(callId);
    }

    @Test
    void aLocalCallWithoutBodyUsesTheDefaultVoice() throws Exception {
        HttpResponse<String> created = send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(baseUrl() + "/local/calls")).POST(java.net.http.HttpRequest.BodyPublishers.noBody()));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(json(created).get("voice_id").asText()).isEqualTo("matthew");
    }

    @Test
    void anUnknownCallIdIs404WithAJsonError() throws Exception {
        HttpResponse<String> response = get("/calls/does-not-exist");
        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(json(response).get("error").asText()).isEqualTo("unknown_call");
    }

    @Test
    void makeCallRejectsMalformedJsonBeforeLookingAtConfiguration() throws Exception {
        HttpResponse<String> response = postJson("/make-call", "{\"to\": \"+1415");
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = json(response);
        assertThat(body.get("error").asText()).isEqualTo("invalid_json");
        assertThat(body.get("message").asText()).contains("line 1");
    }

    @Test
    void makeCallRejectsAMissingOrInvalidNumber() throws Exception {
        assertThat(json(postJson("/make-call", "{}")).get("error").asText()).isEqualTo("invalid_to");
        HttpResponse<String> bad = postJson("/make-call", "{\"to\":\"6505550187\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        // the message is logged too: the number it quotes is masked
        assertThat(json(bad).get("message").asText()).contains("E.164", "******0187").doesNotContain("6505550187");
        assertThat(postJson("/make-call", "{\"to\":12345}").statusCode()).isEqualTo(400);
        assertThat(postJson("/make-call", "[1,2]").statusCode()).isEqualTo(400);
    }

    @Test
    void makeCallRejectsAnUnknownVoiceListingTheValidOnes() throws Exception {
        HttpResponse<String> response = postJson("/make-call", "{\"to\":\"+14155550100\",\"voice_id\":\"bob\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = json(response);
        assertThat(body.get("error").asText()).isEqualTo("invalid_voice");
        assertThat(body.get("message").asText()).contains("matthew", "tiffany");
        assertThat(body.get("valid_voices").size()).isGreaterThanOrEqualTo(16);
    }

    @Test
    void makeCallWithoutTwilioAccountIs503NamingTheMissingSettings() throws Exception {
        HttpResponse<String> response = postJson("/make-call", "{\"to\":\"+14155550100\",\"voice_id\":\"mathew\"}");
        assertThat(response.statusCode()).isEqualTo(503);
        JsonNode body = json(response);
        assertThat(body.get("error").asText()).isEqualTo("twilio_not_configured");
        assertThat(body.get("message").asText()).contains("TWILIO_ACCOUNT_SID", "TWILIO_PHONE_NUMBER");
        assertThat(body.get("message").asText()).doesNotContain("TWILIO_AUTH_TOKEN");
    }

    @Test
    void endedCallsAreListedOnlyWithAllTrue() throws Exception {
        String callId = json(postJson("/local/calls", "{}")).get("call_id").asText();
        registry.find(callId).ifPresent(c -> lifecycle.end(c, "test_end"));

        assertThat(json(get("/calls")).get("calls").findValuesAsText("call_id")).doesNotContain(callId);
        JsonNode all = json(get("/calls?all=true"));
        assertThat(all.get("calls").findValuesAsText("call_id")).contains(callId);
        JsonNode record = json(get("/calls/" + callId));
        assertThat(record.get("status").asText()).isEqualTo("completed");
        assertThat(record.get("end_reason").asText()).isEqualTo("test_end");
        assertThat(record.get("ended_at").isNull()).isFalse();
    }
}
