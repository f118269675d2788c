package io.voicegateway.call;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.voicegateway.GatewayTestSupport;
import io.voicegateway.twilio.FakeTwilioApi;
import io.voicegateway.twilio.TwilioSignature;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/** {@code POST /make-call} through the real Twilio SDK against a local fake of Twilio's REST API. */
@TestPropertySource(properties = "security.make-call-allowed-prefixes=+1,+44")
class MakeCallTest extends GatewayTestSupport {

    private static final int TWILIO_PORT = freePort();
    private static FakeTwilioApi twilio;
    private final ObjectMapper mapper = new ObjectMapper();

    @DynamicPropertySource
    static void twilioAccount(DynamicPropertyRegistry registry) {
        registry.add("twilio.account-sid", () -> FakeTwilioApi.ACCOUNT_SID);
        registry.add("twilio.phone-number", () -> "+15550001111");
        registry.add("twilio.api-base-url", () -> "http://127.0.0.1:" + TWILIO_PORT);
        registry.add("gateway.public-host", () -> "voice.example.com");
        registry.add("gateway.use-https", () -> "true");
    }

    @BeforeAll
    static void startTwilio() throws Exception {
        twilio = new FakeTwilioApi(TWILIO_PORT);
    }

    @AfterAll
    static void stopTwilio() throws Exception {
        twilio.close();
    }

    @Test
    void placesTheCallWithWebhookAndStatusCallbackUrlsAndReturnsTwiliosSid() throws Exception {
        HttpResponse<String> response = postJson("/make-call",
                "{\"to\":\"+14155550100\",\"voice_id\":\"mathew\",\"system_prompt\":\"Be brief.\"}");

        assertThat(response.statusCode()).isEqualTo(201);
        JsonNode body = mapper.readTree(response.body());
        String callId = body.get("call_id").asText();
        String sid = body.get("twilio_call_sid").asText();
        assertThat(sid).startsWith("CA");
        assertThat(body.get("status").asText()).isEqualTo("queued");

        FakeTwilioApi.Received request = twilio.received().get(twilio.received().size() - 1);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.path()).isEqualTo("/2010-04-01/Accounts/" + FakeTwilioApi.ACCOUNT_SID + "/Calls.json");
        assertThat(request.authorization()).isEqualTo("Basic " + Base64.getEncoder().encodeToString(
                (FakeTwilioApi.ACCOUNT_SID + ":" + FakeTwilioApi.AUTH_TOKEN).getBytes(StandardCharsets.UTF_8)));
        assertThat(request.first("To")).isEqualTo("+14155550100");
        assertThat(request.first("From")).isEqualTo("+15550001111");
        assertThat(request.first("Url")).isEqualTo("https://voice.example.com/webhooks/voice/" + callId);
        assertThat(request.first("StatusCallback")).isEqualTo("https://voice.example.com/webhooks/status");
        assertThat(request.form().get("StatusCallbackEvent"))
                .containsExactlyInAnyOrder("initiated", "ringing", "answered", "completed");

        JsonNode record = mapper.readTree(get("/calls/" + callId).body());
        assertThat(record.get("twilio_call_sid").asText()).isEqualTo(sid);
        assertThat(record.get("voice_id").asText()).isEqualTo("matthew");
        assertThat(record.get("direction").asText()).isEqualTo("outbound");
        assertThat(record.get("to").asText()).isEqualTo("+14155550100");
    }

    @Test
    void aTwilioRefusalIs502WithTwiliosCodeAndMessage() throws Exception {
        HttpResponse<String> response = postJson("/make-call", "{\"to\":\"+15005550001\"}");

        assertThat(response.statusCode()).isEqualTo(502);
        JsonNode body = mapper.readTree(response.body());
        assertThat(body.get("error").asText()).isEqualTo("twilio_error");
        assertThat(body.get("twilio_code").asInt()).isEqualTo(21211);
        assertThat(body.get("message").asText()).contains("not a valid phone number");
        JsonNode record = mapper.readTree(get("/calls/" + body.get("call_id").asText()).body());
        assertThat(record.get("end_reason").asText()).isEqualTo("twilio_error");
        assertThat(List.of("completed", "failed")).contains(record.get("status").asText());
    }

    @Test
    void behindAProxyTheWebhookSignatureIsCheckedAgainstThePublicHttpsUrl() throws Exception {
        JsonNode placed = mapper.readTree(postJson("/make-call", "{\"to\":\"+14155550100\"}").body());
        String callId = placed.get("call_id").asText();
        String path = "/webhooks/voice/" + callId;
        java.util.Map<String, String> params = java.util.Map.of("CallSid", placed.get("twilio_call_sid").asText());

        String publicSignature = TwilioSignature.sign(AUTH_TOKEN, "https://voice.example.com" + path, params);
        HttpResponse<String> response = postForm(path, params, publicSignature);
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("url=\"wss://voice.example.com/media-stream/" + callId + "\"");

        String localSignature = TwilioSignature.sign(AUTH_TOKEN, "http://localhost:" + PORT + path, params);
        assertThat(postForm(path, params, localSignature).statusCode()).isEqualTo(403);
    }

    @Test
    void aUserKeyPlacesCalls() {
        assertThat(postJsonWithKey("/make-call", "{\"to\":\"+442071838750\"}", USER_KEY).statusCode()).isEqualTo(201);
    }

    @Test
    void aDestinationOutsideTheAllowedPrefixesIs403AndTwilioIsNeverAsked() throws Exception {
        int before = twilio.received().size();
        HttpResponse<String> response = postJson("/make-call", "{\"to\":\"+33142685300\"}");

        assertThat(response.statusCode()).isEqualTo(403);
        JsonNode body = mapper.readTree(response.body());
        assertThat(body.get("error").asText()).isEqualTo("destination_not_allowed");
        assertThat(body.get("message").asText()).contains("+1, +44", "MAKE_CALL_ALLOWED_PREFIXES");
        assertThat(twilio.received()).hasSize(before);
    }

    @Test
    void aBodyThatIsNotDeclaredJsonIs415() throws Exception {
        HttpResponse<String> response = send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + "/make-call"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{\"to\":\"+14155550100\"}")));
        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(mapper.readTree(response.body()).get("error").asText()).isEqualTo("unsupported_media_type");
    }
}
