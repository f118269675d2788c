package io.voicegateway.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.voicegateway.GatewayTestSupport;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Twilio's webhooks against the running gateway: requests signed as Twilio signs them (checked by the Twilio
 * SDK's RequestValidator inside the gateway), forged, unsigned, signed for another URL, and status ordering.
 */
class TwilioWebhookTest extends GatewayTestSupport {

    private final ObjectMapper mapper = new ObjectMapper();

    private String url(String path) {
        return "http://localhost:" + PORT + path;
    }

    private HttpResponse<String> signedPost(String path, Map<String, String> params) {
        return postForm(path, params, TwilioSignature.sign(AUTH_TOKEN, url(path), params));
    }

    private JsonNode localCall() throws Exception {
        return mapper.readTree(postJson("/local/calls", "{}").body());
    }

    private static Document xml(String body) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void aSignedVoiceWebhookGetsTwimlConnectingTheStreamWithTheCallToken() throws Exception {
        JsonNode call = localCall();
        String callId = call.get("call_id").asText();

        HttpResponse<String> response = signedPost("/webhooks/voice/" + callId,
                Map.of("CallSid", "CA0001", "CallStatus", "ringing", "AccountSid", "AC1"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/xml");
        Document twiml = xml(response.body());
        Element stream = (Element) twiml.getElementsByTagName("Stream").item(0);
        assertThat(stream.getParentNode().getNodeName()).isEqualTo("Connect");
        assertThat(stream.getAttribute("url")).isEqualTo("ws://localhost:" + PORT + "/media-stream/" + callId);
        Element parameter = (Element) stream.getElementsByTagName("Parameter").item(0);
        assertThat(parameter.getAttribute("name")).isEqualTo("token");
        assertThat(parameter.getAttribute("value")).isEqualTo(call.get("token").asText());

        JsonNode record = mapper.readTree(get("/calls/" + callId).body());
        assertThat(record.get("twilio_call_sid").asText()).isEqualTo("CA0001");
        assertThat(record.get("status").asText()).isEqualTo("ringing");
    }

    @Test
    void parameterOrderDoesNotMatterButEveryByteOfTheUrlDoes() throws Exception {
        String path = "/webhooks/voice/" + localCall().get("call_id").asText() + "?attempt=1";
        Map<String, String> params = new LinkedHashMap<>();
        params.put("To", "+15550001111");
        params.put("From", "+14155550100");
        params.put("CallSid", "CA0002");
        String signature = TwilioSignature.sign(AUTH_TOKEN, url(path), params);
        Map<String, String> reordered = new LinkedHashMap<>();
        reordered.put("CallSid", "CA0002");
        reordered.put("From", "+14155550100");
        reordered.put("To", "+15550001111");

        assertThat(postForm(path, reordered, signature).statusCode()).isEqualTo(200);
        String withoutQuery = TwilioSignature.sign(AUTH_TOKEN, url(path.substring(0, path.indexOf('?'))), params);
        assertThat(postForm(path, params, withoutQuery).statusCode()).isEqualTo(403);
    }

    @Test
    void forgedMissingAndWrongUrlSignaturesAre403() throws Exception {
        String callId = localCall().get("call_id").asText();
        String path = "/webhooks/voice/" + callId;
        Map<String, String> params = Map.of("CallSid", "CA0003");

        HttpResponse<String> forged = postForm(path, params, TwilioSignature.sign("not-the-token", url(path), params));
        assertThat(forged.statusCode()).isEqualTo(403);
        assertThat(mapper.readTree(forged.body()).get("error").asText()).isEqualTo("invalid_signature");

        HttpResponse<String> missing = postForm(path, params, null);
        assertThat(missing.statusCode()).isEqualTo(403);
        assertThat(mapper.readTree(missing.body()).get("error").asText()).isEqualTo("missing_signature");

        String otherUrl = TwilioSignature.sign(AUTH_TOKEN, url("/webhooks/voice/someone-else"), params);
        assertThat(postForm(path, params, otherUrl).statusCode()).isEqualTo(403);

        Map<String, String> tampered = Map.of("CallSid", "CA9999");
        assertThat(postForm(path, tampered, TwilioSignature.sign(AUTH_TOKEN, url(path), params)).statusCode())
                .isEqualTo(403);
    }

    @Test
    void anUnknownCallIdGetsAnApologyAndAHangUpNotAnError() throws Exception {
        HttpResponse<String> response = signedPost("/webhooks/voice/no-such-call", Map.of("CallSid", "CA0004"));

        assertThat(response.statusCode()).isEqualTo(200);
        Document twiml = xml(response.body());
        assertThat(twiml.getElementsByTagName("Say").item(0).getTextContent()).contains("Sorry");
        assertThat(twiml.getElementsByTagName("Hangup").getLength()).isEqualTo(1);
        assertThat(twiml.getElementsByTagName("Stream").getLength()).isZero();
    }

    @Test
    void anInboundCallIsCreatedByTheVoiceWebhookWithoutId() throws Exception {
        HttpResponse<String> response = signedPost("/webhooks/voice",
                Map.of("CallSid", "CA0005", "From", "+14155550199", "To", "+15550001111", "CallStatus", "ringing"));

        assertThat(response.statusCode()).isEqualTo(200);
        String streamUrl = ((Element) xml(response.body()).getElementsByTagName("Stream").item(0)).getAttribute("url");
        String callId = streamUrl.substring(streamUrl.lastIndexOf('/') + 1);
        JsonNode record = mapper.readTree(get("/calls/" + callId).body());
        assertThat(record.get("direction").asText()).isEqualTo("inbound");
        assertThat(record.get("from").asText()).isEqualTo("+14155550199");
        assertThat(record.get("to").asText()).isEqualTo("+15550001111");
        assertThat(record.get("twilio_call_sid").asText()).isEqualTo("CA0005");
    }

    @Test
    void theLegacyFlaskPathAnswersLikeTheVoiceWebhook() throws Exception {
        JsonNode call = localCall();
        String callId = call.get("call_id").asText();

        HttpResponse<String> response = signedPost("/webhook/call/" + callId, Map.of("CallSid", "CA0006"));

        assertThat(response.statusCode()).isEqualTo(200);
        Element stream = (Element) xml(response.body()).getElementsByTagName("Stream").item(0);
        assertThat(stream.getAttribute("url")).endsWith("/media-stream/" + callId);
        assertThat(postForm("/webhook/call/" + callId, Map.of("CallSid", "CA0006"), "forged").statusCode())
                .isEqualTo(403);
    }

    @Test
    void statusCallbacksAreRecordedOnceInOrderAndNeverMoveBackwards() throws Exception {
        String callId = localCall().get("call_id").asText();
        signedPost("/webhooks/voice/" + callId, Map.of("CallSid", "CA0007"));

        assertThat(signedPost("/webhooks/status", Map.of("CallSid", "CA0007", "CallStatus", "ringing")).statusCode())
                .isEqualTo(204);
        signedPost("/webhooks/status", Map.of("CallSid", "CA0007", "CallStatus", "in-progress"));
        signedPost("/webhooks/status", Map.of("CallSid", "CA0007", "CallStatus", "in-progress")); // Twilio retry
        signedPost("/webhooks/status", Map.of("CallSid", "CA0007", "CallStatus", "completed", "CallDuration", "42"));
        signedPost("/webhooks/status", Map.of("CallSid", "CA0007", "CallStatus", "ringing")); // late
        signedPost("/webhooks/status", Map.of("CallSid", "CA0007", "CallStatus", "completed", "CallDuration", "42"));

        JsonNode record = mapper.readTree(get("/calls/" + callId).body());
        assertThat(record.get("status").asText()).isEqualTo("completed");
        assertThat(record.get("status_history").findValuesAsText("status"))
                .containsExactly("queued", "ringing", "in-progress", "completed");
        assertThat(record.at("/status_history/3/duration_s").asInt()).isEqualTo(42);
        assertThat(record.get("ended_at").isNull()).isFalse();
    }

    @Test
    void aStatusCallbackForAnUnknownCallSidIs404AndAForgedOneIs403() throws Exception {
        assertThat(signedPost("/webhooks/status", Map.of("CallSid", "CA-unknown", "CallStatus", "ringing")).statusCode())
                .isEqualTo(404);
        assertThat(postForm("/webhooks/status", Map.of("CallSid", "CA0007", "CallStatus", "completed"), "forged")
                .statusCode()).isEqualTo(403);
        assertThat(signedPost("/webhooks/status", Map.of("CallSid", "CA0007", "CallStatus", "exploded")).statusCode())
                .isEqualTo(400);
    }
}
