package io.voicegateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.voicegateway.GatewayTestSupport;
import io.voicegateway.media.TwilioStreamClient;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Garbage over HTTP — malformed and hostile JSON, bodies past the size limit, wrong content types, oversized
 * headers — gets a 4xx (JSON where our code answers) and never a 5xx, while a bystander call streams audio
 * the whole time and loses no frame.
 */
class HttpFuzzTest extends GatewayTestSupport {

    private final ObjectMapper mapper = new ObjectMapper();

    private record Case(String name, HttpRequest.Builder request, int expected, String error) {
    }

    private HttpRequest.Builder post(String path, String contentType, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        return b;
    }

    private HttpRequest.Builder json(String path, String body) {
        return post(path, "application/json", body.getBytes(StandardCharsets.UTF_8));
    }

    private List<Case> cases() {
        List<Case> cases = new ArrayList<>();
        cases.add(new Case("truncated JSON", json("/make-call", "{\"to\":\"+1415"), 400, "invalid_json"));
        cases.add(new Case("JSON array", json("/make-call", "[1,2,3]"), 400, "invalid_json"));
        cases.add(new Case("JSON string", json("/make-call", "\"+14155550100\""), 400, "invalid_json"));
        cases.add(new Case("empty body", json("/make-call", ""), 400, "invalid_json"));
        cases.add(new Case("number as to", json("/make-call", "{\"to\":14155550100}"), 400, "invalid_to"));
        cases.add(new Case("object as to", json("/make-call", "{\"to\":{\"$gt\":\"\"}}"), 400, "invalid_to"));
        cases.add(new Case("NUL in to", json("/make-call", "{\"to\":\"+1415\\u0000555\"}"), 400, "invalid_to"));
        cases.add(new Case("CRLF in to", json("/make-call", "{\"to\":\"+1\\r\\nINFO forged\"}"), 400, "invalid_to"));
        cases.add(new Case("unknown voice", json("/make-call", "{\"to\":\"+14155550100\",\"voice_id\":\""
                + "x".repeat(5000) + "\"}"), 400, "invalid_voice"));
        cases.add(new Case("prompt too long", json("/make-call", "{\"to\":\"+14155550100\",\"system_prompt\":\""
                + "p".repeat(20_000) + "\"}"), 400, "invalid_system_prompt"));
        cases.add(new Case("duplicate keys", json("/make-call", "{\"to\":\"+14155550100\",\"to\":[]}"), 400, null));
        cases.add(new Case("deep nesting", json("/make-call", "[".repeat(30_000)), 400, "invalid_json"));
        cases.add(new Case("invalid UTF-8", post("/make-call", "application/json",
                new byte[] {'{', '"', 't', 'o', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'}), 400, null));
        cases.add(new Case("text/plain", post("/make-call", "text/plain",
                "{\"to\":\"+14155550100\"}".getBytes(StandardCharsets.UTF_8)), 415, "unsupported_media_type"));
        cases.add(new Case("form", post("/make-call", "application/x-www-form-urlencoded",
                "to=%2B14155550100".getBytes(StandardCharsets.UTF_8)), 415, "unsupported_media_type"));
        cases.add(new Case("no content type", post("/make-call", null,
                "{\"to\":\"+14155550100\"}".getBytes(StandardCharsets.UTF_8)), 415, "unsupported_media_type"));
        cases.add(new Case("xml", post("/make-call", "application/xml",
                "<to>+14155550100</to>".getBytes(StandardCharsets.UTF_8)), 415, "unsupported_media_type"));
        cases.add(new Case("just over the body limit", json("/make-call", "{\"to\":\"" + "9".repeat(70_000) + "\"}"),
                413, null));
        cases.add(new Case("1 MB body", json("/make-call", "{\"system_prompt\":\"" + "a".repeat(1 << 20) + "\"}"),
                413, null));
        cases.add(new Case("1 MB local call", json("/local/calls", "[" + " ".repeat(1 << 20) + "]"), 413, null));
        cases.add(new Case("bad JSON local call", json("/local/calls", "{voice_id: tiffany}"), 400, "invalid_json"));
        cases.add(new Case("1 MB webhook", post("/webhooks/status", "application/x-www-form-urlencoded",
                ("CallSid=" + "C".repeat(1 << 20)).getBytes(StandardCharsets.UTF_8)), 413, null));
        // HTTP/1.1: over an h2c upgrade Vert.x answers an oversized header block with GOAWAY instead of a status
        cases.add(new Case("huge header", HttpRequest.newBuilder(URI.create(baseUrl() + "/calls"))
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .header("X-Filler", "f".repeat(20_000)).GET(), 431, null));
        return cases;
    }

    @Test
    void garbageGets4xxNever5xxWhileABystanderCallLosesNoFrame() throws Exception {
        JsonNode call = mapper.readTree(postJson("/local/calls", "{}").body());
        String callId = call.get("call_id").asText();
        byte[] silence = new byte[160];
        Arrays.fill(silence, (byte) 0xFF);
        Vertx vertx = Vertx.vertx();
        AtomicInteger sent = new AtomicInteger();
        AtomicBoolean streaming = new AtomicBoolean(true);
        try (TwilioStreamClient bystander = new TwilioStreamClient(vertx, PORT, callId)) {
            bystander.start(call.get("token").asText());
            // 20 ms frames from a Vert.x timer, as Twilio sends them, for as long as the fuzzing lasts
            long timer = vertx.setPeriodic(20, id -> {
                if (streaming.get()) {
                    bystander.media(silence);
                    sent.incrementAndGet();
                }
            });

            for (int round = 0; round < 3; round++) {
                for (Case c : cases()) {
                    HttpResponse<String> response;
                    try {
                        response = send(c.request());
                    } catch (RuntimeException e) {
                        throw new AssertionError(c.name() + " round " + round, e);
                    }
                    assertThat(response.statusCode()).as(c.name()).isEqualTo(c.expected());
                    if (c.error() != null) {
                        assertThat(mapper.readTree(response.body()).get("error").asText()).as(c.name())
                                .isEqualTo(c.error());
                    }
                }
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> sent.get() >= 100); // at least 2 s of audio
            streaming.set(false);
            vertx.cancelTimer(timer);
            int frames = sent.get();
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(framesIn(callId))
                    .as("frames the gateway counted for the bystander (drops: %s)", drops()).isEqualTo(frames));
            assertThat(bystander.isClosed()).isFalse();
            assertThat(getWithKey("/health", null).statusCode()).isEqualTo(200);
        } finally {
            vertx.close();
        }
    }

    /** The gateway's dropped-frame counters, for a failure message. */
    private String drops() {
        return get("/metrics").body().lines().filter(l -> l.startsWith("gateway_frames_dropped_total")
                || l.startsWith("gateway_vad_batch_misses_total")).toList().toString();
    }

    private long framesIn(String callId) throws Exception {
        return mapper.readTree(get("/calls/" + callId).body()).at("/stats/frames_in").asLong();
    }
}
