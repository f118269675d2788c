package io.voicegateway.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.core.Future;
import io.voicegateway.cli.CallReport;
import io.voicegateway.cli.CallerAudio;
import io.voicegateway.call.CallLifecycle;
import io.voicegateway.call.CallRegistry;
import io.voicegateway.emulator.NovaEmulator;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Who may hold a call's media stream, and what a connection may send: squatters with a known call id cannot
 * block the real stream, silent connections are closed after the start timeout, oversized messages and floods
 * close their connection and are counted, fuzz on one connection costs a bystander call no frame, and calls
 * that never stream or whose model stays silent end with their reason. Short timeouts so each case runs in seconds.
 */
@SpringBootTest(properties = {"media.start-timeout=2s", "media.stream-wait-timeout=8s",
    "media.model-reply-timeout=5s"})
class MediaStreamAdmissionTest extends MediaStreamTestSupport {

    private static final short MESSAGE_TOO_BIG = 1009;

    @Autowired
    private MeterRegistry registry;
    @Autowired
    private MediaCalls mediaCalls;
    @Autowired
    private NovaEmulator emulator;
    @Autowired
    private CallRegistry calls;
    @Autowired
    private CallLifecycle lifecycle;

    private double refused(String reason) {
        Counter counter = registry.find("gateway.websocket.refused").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    private double dropped(String reason) {
        Counter counter = registry.find("gateway.frames.dropped").tag("reason", reason).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void squattersWithTheCallIdButNoRightTokenDoNotBlockTheRealStream() throws Exception {
        JsonNode call = localCall();
        String callId = call.get("call_id").asText();
        try (TwilioStreamClient silent = new TwilioStreamClient(vertx, PORT, callId);
             TwilioStreamClient noToken = new TwilioStreamClient(vertx, PORT, callId);
             TwilioStreamClient wrongToken = new TwilioStreamClient(vertx, PORT, callId)) {
            noToken.sendRaw("{\"event\":\"start\",\"sequenceNumber\":\"1\",\"streamSid\":\"MZx\",\"start\":{"
                    + "\"streamSid\":\"MZx\",\"accountSid\":\"AC1\",\"callSid\":\"CA1\",\"tracks\":[\"inbound\"],"
                    + "\"customParameters\":{},\"mediaFormat\":{\"encoding\":\"audio/x-mulaw\",\"sampleRate\":8000,"
                    + "\"channels\":1}}}");
            wrongToken.start("guessed-token");
            wrongToken.stop(); // a squatter's stop must not end the call
            assertThat(noToken.awaitClose(10)).isEqualTo(POLICY_VIOLATION);
            assertThat(wrongToken.awaitClose(10)).isEqualTo(POLICY_VIOLATION);

            // the silent squatter is still connected (pending, 2 s start timeout): the real stream is admitted anyway
            assertThat(silent.isClosed()).isFalse();
            try (TwilioStreamClient twilio = new TwilioStreamClient(vertx, PORT, callId)) {
                twilio.start(call.get("token").asText());
                for (int i = 0; i < 25; i++) {
                    twilio.media(silence());
                }
                await().atMost(Duration.ofSeconds(10)).until(() -> record(callId).at("/stats/frames_in").asInt() == 25);
                assertThat(record(callId).get("stream_sid").asText()).isEqualTo(twilio.streamSid());
                assertThat(record(callId).get("status").asText()).isEqualTo("in-progress");
                // the squatter's late start with the right token cannot take over the running stream
                silent.start(call.get("token").asText());
                assertThat(silent.awaitClose(10)).isEqualTo(POLICY_VIOLATION);
                twilio.media(silence());
                await().atMost(Duration.ofSeconds(10)).until(() -> record(callId).at("/stats/frames_in").asInt() == 26);
                assertThat(twilio.isClosed()).isFalse();
            }
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> mediaCalls.pendingCount() == 0); // nothing left behind
    }

    @Test
    void aConnectionWithoutAValidStartIsClosedWithPolicyViolationAfterTheStartTimeout() throws Exception {
        JsonNode call = localCall();
        String callId = call.get("call_id").asText();
        double before = refused("start_timeout");
        try (TwilioStreamClient idle = new TwilioStreamClient(vertx, PORT, callId)) {
            idle.media(silence()); // media before start neither counts nor starts the clock over
            assertThat(idle.awaitClose(10)).isEqualTo(POLICY_VIOLATION);
        }
        assertThat(refused("start_timeout")).isEqualTo(before + 1);
        assertThat(record(callId).at("/stats/frames_in").asInt()).isZero();
        assertThat(record(callId).get("status").asText()).isEqualTo("queued"); // its real stream may still come
    }

    @Test
    void aCallThatEndsWhileItsConnectionAwaitsTheStartIsNotStreamed() throws Exception {
        JsonNode call = localCall();
        String callId = call.get("call_id").asText();
        double before = refused("ended_call");
        try (TwilioStreamClient late = new TwilioStreamClient(vertx, PORT, callId)) {
            lifecycle.end(calls.find(callId).orElseThrow(), "test_ended");
            late.start(call.get("token").asText());
            assertThat(late.awaitClose(10)).isEqualTo(POLICY_VIOLATION);
        }
        assertThat(refused("ended_call")).isEqualTo(before + 1);
        assertThat(mediaCalls.get(callId)).isEmpty();
        assertThat(record(callId).get("end_reason").asText()).isEqualTo("test_ended");
    }

    @Test
    void anOversizedMessageClosesTheConnectionAndIsCounted() throws Exception {
        JsonNode call = localCall();
        String callId = call.get("call_id").asText();
        double before = refused("oversize");
        try (TwilioStreamClient twilio = new TwilioStreamClient(vertx, PORT, callId)) {
            twilio.start(call.get("token").asText());
            twilio.media(silence());
            await().atMost(Duration.ofSeconds(10)).until(() -> record(callId).at("/stats/frames_in").asInt() == 1);
            twilio.sendRaw("{\"event\":\"media\",\"pad\":\"" + "x".repeat(20_000) + "\"}");
            twilio.media(silence()); // after the oversized message: never processed
            assertThat(twilio.awaitClose(10)).isEqualTo(MESSAGE_TOO_BIG);
        }
        assertThat(refused("oversize")).isEqualTo(before + 1);
        assertThat(record(callId).at("/stats/frames_in").asInt()).isEqualTo(1);
    }

    @Test
    void aFloodOfMessagesIsCutOffAndCounted() throws Exception {
        JsonNode call = localCall();
        String callId = call.get("call_id").asText();
        double before = refused("flood");
        int sent = 6000; // far above the 10 s burst of 200/s the cap allows
        try (TwilioStreamClient twilio = new TwilioStreamClient(vertx, PORT, callId)) {
            twilio.start(call.get("token").asText());
            for (int i = 0; i < sent; i++) {
                twilio.sendRaw("{\"event\":\"mark\",\"streamSid\":\"" + twilio.streamSid()
                        + "\",\"mark\":{\"name\":\"m" + i + "\"}}");
            }
            assertThat(twilio.awaitClose(20)).isEqualTo(POLICY_VIOLATION);
        }
        assertThat(refused("flood")).isEqualTo(before + 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> record(callId).get("status").asText().equals("completed"));
    }

    @Test
    void websocketFuzzIsDroppedWhileABystanderCallLosesNoFrame() throws Exception {
        Future<CallReport> bystander = simulatedCall(utterance, -1);

        JsonNode call = localCall();
        String callId = call.get("call_id").asText();
        double beforeStart = dropped("before_start");
        double malformed = dropped("malformed");
        try (TwilioStreamClient fuzz = new TwilioStreamClient(vertx, PORT, callId)) {
            fuzz.media(silence());                          // media before start
            fuzz.dtmf("5");                                  // dtmf before start
            fuzz.sendBinary(new byte[] {0x7b, 0x00, (byte) 0xff}); // binary frame before start
            fuzz.start(call.get("token").asText());
            int good = 0;
            for (int i = 0; i < 20; i++) {
                fuzz.media(silence());
                good++;
                fuzz.sendRaw("{not json");
                fuzz.sendRaw("[1,2,3]");
                fuzz.sendRaw("{\"event\":42}");
                fuzz.sendRaw("{\"event\":\"media\",\"media\":{\"payload\":12345}}");
                fuzz.sendRaw("{\"event\":\"media\",\"media\":{\"payload\":\"%%%not-base64%%%\"}}");
                fuzz.sendRaw("{\"event\":\"media\",\"media\":\"flat\"}");
                fuzz.sendRaw("{\"event\":\"mark\",\"mark\":{\"name\":[]}}");
                fuzz.sendRaw("{\"event\":\"dtmf\",\"dtmf\":{\"digit\":null}}");
                fuzz.sendRaw("{\"event\":\"start\",\"start\":\"again\"}");
                fuzz.sendRaw("{\"event\":\"teleport\",\"to\":\"mars\"}");
                fuzz.sendRaw("");
                fuzz.sendBinary(new byte[] {1, 2, 3, 4});
            }
            fuzz.dtmf("7"); // in-order processing: once it is recorded, everything before it was handled
            await().atMost(Duration.ofSeconds(20)).until(() -> record(callId).get("dtmf").asText().equals("7"));
            assertThat(record(callId).at("/stats/frames_in").asInt()).isEqualTo(good);
            assertThat(fuzz.isClosed()).isFalse();
        }
        assertThat(dropped("before_start")).isGreaterThanOrEqualTo(beforeStart + 2);
        assertThat(dropped("malformed")).isGreaterThanOrEqualTo(malformed + 20 * 3);

        CallReport report = bystander.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        assertThat(report.error()).isNull();
        assertThat(report.framesReceived()).as("model audio reached the bystander").isGreaterThan(50);
        assertThat(record(report.callId()).at("/stats/frames_in").asLong()).as("bystander lost no frame")
                .isEqualTo(report.framesSent());
    }

    @Test
    void aCallWhoseStreamNeverStartsExpiresAndNoLongerCountsAsActive() throws Exception {
        JsonNode call = localCall();
        String callId = call.get("call_id").asText();
        await().atMost(Duration.ofSeconds(15)).until(() -> record(callId).get("status").asText().equals("completed"));
        assertThat(record(callId).get("end_reason").asText()).isEqualTo("stream_timeout");
        JsonNode active = mapper.readTree(get("/calls").body());
        assertThat(active.get("calls").findValuesAsText("call_id")).doesNotContain(callId);
        Counter expired = registry.find("gateway.calls.timed.out").tag("reason", "stream_wait").counter();
        assertThat(expired).isNotNull();
        assertThat(expired.count()).isGreaterThanOrEqualTo(1);
        assertThat(mediaCalls.get(callId)).isEmpty();
    }

    @Test
    void aModelThatNeverRepliesEndsTheCallWithModelTimeout() throws Exception {
        JsonNode call = localCall();
        String callId = call.get("call_id").asText();
        CallerAudio speech = new CallerAudio(utterance);
        emulator.faults().neverAnswer(true);
        try (TwilioStreamClient twilio = new TwilioStreamClient(vertx, PORT, callId)) {
            twilio.start(call.get("token").asText());
            for (int i = 0; i < speech.frameCount(); i++) {
                twilio.media(speech.frame(i));
            }
            for (int i = 0; i < 50; i++) {
                twilio.media(silence());
            }
            assertThat(twilio.awaitClose(30)).isEqualTo((short) 1000);
            assertThat(twilio.count("media")).isZero();
        } finally {
            emulator.faults().neverAnswer(false);
        }
        assertThat(record(callId).get("end_reason").asText()).isEqualTo("model_timeout");
        Counter timedOut = registry.find("gateway.calls.timed.out").tag("reason", "model_reply").counter();
        assertThat(timedOut).isNotNull();
        assertThat(timedOut.count()).isGreaterThanOrEqualTo(1);
    }
}
