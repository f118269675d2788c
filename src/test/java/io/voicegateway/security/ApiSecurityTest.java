package io.voicegateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.voicegateway.GatewayTestSupport;
import io.voicegateway.twilio.TwilioSignature;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Every protected endpoint over real HTTP: no key and a wrong key are 401, a user key on /ops/* is 403, the
 * right key gets through; the open endpoints (health, signed webhooks, local calls, softphone) need none.
 */
@ExtendWith(OutputCaptureExtension.class)
class ApiSecurityTest extends GatewayTestSupport {

    private static final String WRONG_KEY = "not-a-configured-key-42424242";
    private final ObjectMapper mapper = new ObjectMapper();

    private record Endpoint(String method, String path, boolean adminOnly) {
    }

    private List<Endpoint> protectedEndpoints() throws Exception {
        String callId = mapper.readTree(postJson("/local/calls", "{}").body()).get("call_id").asText();
        return List.of(
                new Endpoint("POST", "/make-call", false),
                new Endpoint("GET", "/calls", false),
                new Endpoint("GET", "/calls?all=true", false),
                new Endpoint("GET", "/calls/" + callId, false),
                new Endpoint("GET", "/ops/routes", true),
                new Endpoint("POST", "/ops/drain", true),
                new Endpoint("POST", "/ops/resume", true));
    }

    private HttpResponse<String> call(Endpoint endpoint, String key) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + endpoint.path()));
        if (endpoint.method().equals("POST")) {
            request.header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"to\":\"+14155550100\"}"));
        }
        return sendWithKey(request, key);
    }

    private JsonNode error(HttpResponse<String> response) throws Exception {
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        return mapper.readTree(response.body());
    }

    @Test
    void withoutAKeyEveryProtectedEndpointIs401WithAJsonErrorAndABearerChallenge() throws Exception {
        for (Endpoint endpoint : protectedEndpoints()) {
            HttpResponse<String> response = call(endpoint, null);
            assertThat(response.statusCode()).as(endpoint.toString()).isEqualTo(401);
            assertThat(response.headers().firstValue("WWW-Authenticate")).as(endpoint.toString()).hasValue("Bearer");
            JsonNode body = error(response);
            assertThat(body.get("error").asText()).isEqualTo("unauthorized");
            assertThat(body.get("message").asText()).contains("Authorization: Bearer", "API_KEYS");
        }
        assertThat(get("/metrics").body()).containsPattern("gateway_api_refused_total\\{[^}]*reason=\"unauthorized\"");
    }

    @Test
    void aWrongKeyOrAnotherSchemeIs401() throws Exception {
        for (Endpoint endpoint : protectedEndpoints()) {
            assertThat(call(endpoint, WRONG_KEY).statusCode()).as(endpoint.toString()).isEqualTo(401);
            HttpRequest.Builder basic = HttpRequest.newBuilder(URI.create(baseUrl() + endpoint.path()))
                    .header("Authorization", "Basic " + ADMIN_KEY);
            if (endpoint.method().equals("POST")) {
                basic.POST(HttpRequest.BodyPublishers.noBody());
            }
            assertThat(send(basic).statusCode()).as(endpoint.toString()).isEqualTo(401);
        }
    }

    @Test
    void aUserKeyUsesTheCallApiButGets403OnOps() throws Exception {
        for (Endpoint endpoint : protectedEndpoints()) {
            HttpResponse<String> response = call(endpoint, USER_KEY);
            if (endpoint.adminOnly()) {
                assertThat(response.statusCode()).as(endpoint.toString()).isEqualTo(403);
                assertThat(error(response).get("message").asText()).contains("ADMIN_API_KEYS");
            } else if (endpoint.path().equals("/make-call")) {
                // past the key check: local mode without a Twilio account says what is missing
                assertThat(response.statusCode()).isEqualTo(503);
                assertThat(error(response).get("error").asText()).isEqualTo("twilio_not_configured");
            } else {
                assertThat(response.statusCode()).as(endpoint.toString()).isEqualTo(200);
            }
        }
    }

    @Test
    void anAdminKeyGetsThroughEverywhere() throws Exception {
        try {
            for (Endpoint endpoint : protectedEndpoints()) {
                HttpResponse<String> response = call(endpoint, ADMIN_KEY);
                int expected = endpoint.path().equals("/make-call") ? 503 : 200;
                assertThat(response.statusCode()).as(endpoint.toString()).isEqualTo(expected);
                assertThat(response.headers().firstValue("Authorization")).isEmpty();
            }
        } finally {
            postJson("/ops/resume", "");
        }
    }

    @Test
    void healthSignedWebhooksMetricsLocalCallsAndTheSoftphoneNeedNoKey() throws Exception {
        assertThat(getWithKey("/health", null).statusCode()).isEqualTo(200);
        assertThat(getWithKey("/metrics", null).statusCode()).isEqualTo(200); // METRICS_PUBLIC defaults to true
        assertThat(getWithKey("/", null).statusCode()).isEqualTo(200);
        HttpResponse<String> created = postJsonWithKey("/local/calls", "{}", null);
        assertThat(created.statusCode()).isEqualTo(201);
        String callId = mapper.readTree(created.body()).get("call_id").asText();

        String path = "/webhooks/voice/" + callId;
        Map<String, String> params = Map.of("CallSid", "CA-open-1");
        String signature = TwilioSignature.sign(AUTH_TOKEN, baseUrl() + path, params);
        HttpResponse<String> webhook = postForm(path, params, signature);
        assertThat(webhook.statusCode()).isEqualTo(200);
        assertThat(webhook.body()).contains("<Stream");
    }

    @Test
    void theSoftphoneReadsItsOwnCallWithTheCallsTokenAndNothingElse() throws Exception {
        JsonNode created = mapper.readTree(postJsonWithKey("/local/calls", "{}", null).body());
        String callId = created.get("call_id").asText();
        String path = "/local/calls/" + callId;

        HttpResponse<String> own = sendWithKey(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("X-Call-Token", created.get("token").asText()), null);
        assertThat(own.statusCode()).isEqualTo(200);
        assertThat(mapper.readTree(own.body()).get("call_id").asText()).isEqualTo(callId);

        HttpResponse<String> guessed = sendWithKey(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("X-Call-Token", "guessed"), null);
        assertThat(guessed.statusCode()).isEqualTo(404);
        assertThat(getWithKey(path, null).statusCode()).isEqualTo(404);
    }

    @Test
    void presentedKeysNeverReachTheLog(CapturedOutput output) throws Exception {
        for (Endpoint endpoint : protectedEndpoints()) {
            call(endpoint, WRONG_KEY);
            call(endpoint, USER_KEY);
        }
        assertThat(output.getAll()).contains("-> 401 unauthorized", "-> 403 forbidden")
                .doesNotContain(WRONG_KEY, USER_KEY, ADMIN_KEY);
    }
}
