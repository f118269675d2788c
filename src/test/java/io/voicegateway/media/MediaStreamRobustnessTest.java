package io.voicegateway.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.voicegateway.cli.CallReport;
import io.voicegateway.cli.CallerAudio;
import io.voicegateway.emulator.NovaEmulator;
import io.voicegateway.nova.session.NovaSessions;
import io.voicegateway.twilio.TwilioSignature;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Streams that misbehave: unknown calls, wrong tokens, a second stream, malformed messages, hang-up mid-reply,
 * a model stream that dies. Each is refused or absorbed without losing frames or touching other calls.
 */
class MediaStreamRobustnessTest extends MediaStreamTestSupport {

    @Autowired
    private MediaCalls mediaCalls;
    @Autowired
    private NovaSessions novaSessions;
    @Autowired
    private NovaEmulator emulator;

    @Test
    void aStreamForAnUnknownCallIsClosedWithPolicyViolation() throws Exception {
        try (TwilioStreamClient client = new TwilioStreamClient(vertx, PORT, "no-such-call")) {
            assertThat(client.awaitClose(10)).isEqualTo(POLICY_VIOLATION);
        }
    }

    @Test
    void aWrongTokenIsRefusedButTheCallStillTakesItsRealStream() throws Exception {
        JsonNode call = localCall();
        String callId = call.get("call_id").asText();
        try (TwilioStreamClient intruder = new TwilioStreamClient(vertx, PORT, callId)) {
            intruder.start("guessed-token");
            assertThat(intruder.awaitClose(10)).isEqualTo(POLICY_VIOLATION);
        }
        assertThat(record(callId).get("status").asText()).isEqualTo("queued");

        try (TwilioStreamClient twilio = new TwilioStreamClient(vertx, PORT, callId)) {
            twilio.start(call.get("token").asText());
            for (int i = 0; i < 25; i++) {
                twilio.media(silence());
            }
            await().atMost(Duration.ofSeconds(10)).until(() -> record(callId).at("/stats/frames_in").asInt() == 25);
            assertThat(record(callId).get("stream_sid").asText()).isEqualTo(twilio.streamSid());
            assertThat(record(callId).get("status").asText()).isEqualTo("in-progress");
            assertThat(twilio.isClosed()).isFalse();
        }
    }

    @Test
    void aSignedUpgradeMustCarryTwiliosSignatureOfTheStreamUrl() throws Exception {
        JsonNode call = localCall();
        String callId = call.get("call_id").asText();
        String streamUrl = "ws://localhost:" + PORT + "/media-stream/" + callId;
        try (TwilioStreamClient forged = new TwilioStreamClient(vertx, PORT, callId,
                TwilioSignature.sign("not-the-token", streamUrl, java.util.Map.of()))) {
            assertThat(forged.awaitClose(10)).isEqualTo(POLICY_VIOLATION);
        }
        try (TwilioStreamClient twilio = new TwilioStreamClient(vertx, PORT, callId,
                TwilioSignature.sign(AUTH_TOKEN, streamUrl, java.util.Map.of()))) {
            twilio.start(call.get("token").asText());
            twilio.media(silence());
            await().atMost(Duration.ofSeconds(10)).until(() -> record(callId).at("/stats/frames_in").asInt() == 1);
            assertThat(twilio.isClosed()).isFalse();
        }
    }

    @Test
    void aSecondStreamForTheSameCallIsRefused() throws Exception {
        JsonNode call = localCall();
        String callId = call.get("call_id").asText();
        try (TwilioStreamClient first = new TwilioStreamClient(vertx, PORT, callId)) {
            first.start(call.get("token").asText());
            await().atMost(Duration.ofSeconds(10)).until(() -> record(callId).get("stream_sid").isTextual());
            try (TwilioStreamClient second = new TwilioStreamClient(vertx, PORT, callId)) {
                assertThat(second.awaitClose(10)).isEqualTo(POLICY_VIOLATION);
            }
            first.media(silence());
            await().atMost(Duration.ofSeconds(10)).until(() -> record(callId).at("/stats/frames_in").asInt() == 1);
            assertThat(first.isClosed()).isFalse();
        }
    }

    @Test
    void malformedMessagesAreDroppedAndNoGoodFrameIsLost() throws Exception {
        JsonNode call = localCall();
        String callId = call.get("call_id").asText();
        try (TwilioStreamClient twilio = new TwilioStreamClient(vertx, PORT, callId)) {
            twilio.start(call.get("token").asText());
            for (int i = 0; i < 50; i++) {
                twilio.media(silence());
                switch (i % 5) {
                    case 0 -> twilio.sendRaw("{not json");
                    case 1 -> twilio.sendRaw("{\"event\":\"media\",\"streamSid\":\"MZ1\"}");
                    case 2 -> twilio.sendRaw("{\"event\":\"teleport\"}");
                    case 3 -> twilio.media(new byte[4000]);
                    default -> twilio.sendRaw("{\"event\":\"media\",\"media\":{\"payload\":\"***\"}}");
                }
            }
            // one connection's messages are processed in order: once this digit is recorded, all before it were
            twilio.dtmf("9");
            await().atMost(Duration.ofSeconds(10)).until(() -> record(callId).get("dtmf").asText().equals("9"));
            // the oversized frame is refused by the codec (> 1600 bytes): exactly the 50 good frames count
            assertThat(record(callId).at("/stats/frames_in").asInt()).isEqualTo(50);
            assertThat(twilio.isClosed()).isFalse();
        }
    }

    @Test
    void dtmfDigitsAreRecordedOnTheCall() throws Exception {
        JsonNode call = localCall();
        String callId = call.get("call_id").asText();
        try (TwilioStreamClient twilio = new TwilioStreamClient(vertx, PORT, callId)) {
            twilio.start(call.get("token").asText());
            twilio.dtmf("1");
            twilio.dtmf("2");
            twilio.dtmf("#");
            await().atMost(Duration.ofSeconds(10)).until(() -> record(callId).get("dtmf").asText().equals("12#"));
        }
    }

    @Test
    void stopInTheMiddleOfTheReplyEndsTheCallAndReleasesEverything() throws Exception {
        JsonNode call = localCall();
        String callId = call.get("call_id").asText();
        try (TwilioStreamClient twilio = new TwilioStreamClient(vertx, PORT, callId)) {
            twilio.start(call.get("token").asText());
            sayThenPause(twilio, 0);
            await().atMost(Duration.ofSeconds(20)).until(() -> twilio.count("media") > 0);
            twilio.stop();
            assertThat(twilio.awaitClose(10)).isEqualTo((short) 1000);
        }
        JsonNode record = record(callId);
        assertThat(record.get("status").asText()).isEqualTo("completed");
        assertThat(record.get("end_reason").asText()).isEqualTo("caller_hung_up");
        await().atMost(Duration.ofSeconds(10)).until(() -> !novaSessions.callIds().contains(callId));
        assertThat(mediaCalls.get(callId)).isEmpty();
    }

    @Test
    void theReplyArrivesAsWholeFramesJoinedPerChunkEachChunkFollowedByAMark() throws Exception {
        JsonNode call = localCall();
        String callId = call.get("call_id").asText();
        try (TwilioStreamClient twilio = new TwilioStreamClient(vertx, PORT, callId)) {
            twilio.start(call.get("token").asText());
            sayThenPause(twilio, 0);
            await().atMost(Duration.ofSeconds(20)).until(() -> twilio.count("mark") >= 3);
            List<JsonObject> replies = twilio.received().stream()
                    .filter(m -> List.of("media", "mark").contains(m.getString("event"))).toList();
            List<Integer> sizes = replies.stream().filter(m -> m.getString("event").equals("media"))
                    .map(m -> Base64.getDecoder().decode(m.getJsonObject("media").getString("payload")).length).toList();
            // whole 20 ms frames, at most 200 ms per message, and the emulator's 100 ms chunks as one message each
            assertThat(sizes).allMatch(n -> n % 160 == 0 && n > 0 && n <= 1600);
            assertThat(sizes).contains(800);
            // every chunk's audio is followed by its mark before the next chunk's audio
            assertThat(replies.get(0).getString("event")).isEqualTo("media");
            for (int i = 1; i < replies.size(); i++) {
                if (replies.get(i).getString("event").equals("media")) {
                    assertThat(replies.get(i - 1).getString("event")).isEqualTo("mark");
                }
            }
            twilio.stop();
            assertThat(twilio.awaitClose(10)).isEqualTo((short) 1000);
            long bytes = twilio.received().stream().filter(m -> m.getString("event").equals("media"))
                    .mapToLong(m -> Base64.getDecoder().decode(m.getJsonObject("media").getString("payload")).length).sum();
            // the call's frames_out counts 20 ms frames, not messages
            assertThat(record(callId).at("/stats/frames_out").asLong()).isEqualTo(bytes / 160);
        }
    }

    @Test
    void aModelStreamThatDiesEndsOnlyItsOwnCall() throws Exception {
        Future<CallReport> bystander = simulatedCall(utterance, -1);

        JsonNode call = localCall();
        String callId = call.get("call_id").asText();
        emulator.faults().resetNextAnswers(2); // the answer breaks, and again after the session reopens
        try (TwilioStreamClient victim = new TwilioStreamClient(vertx, PORT, callId)) {
            victim.start(call.get("token").asText());
            sayThenPause(victim, 1000 / 20); // skip the lead-in: answer before the bystander
            assertThat(victim.awaitClose(20)).isEqualTo((short) 1000);
        }
        JsonNode record = record(callId);
        assertThat(record.get("end_reason").asText()).startsWith("model_session_closed");

        CallReport report = bystander.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        assertThat(report.error()).isNull();
        assertThat(report.framesReceived()).isGreaterThan(50);
        assertThat(record(report.callId()).at("/stats/frames_in").asLong()).isEqualTo(report.framesSent());
    }

    /** The test utterance from frame {@code fromFrame} on, then 1.5 s of silence: the emulator's cue to answer. */
    private static void sayThenPause(TwilioStreamClient twilio, int fromFrame) {
        CallerAudio speech = new CallerAudio(utterance);
        for (int i = fromFrame; i < speech.frameCount(); i++) {
            twilio.media(speech.frame(i));
        }
        for (int i = 0; i < 75; i++) {
            twilio.media(silence());
        }
    }
}
