package io.voicegateway.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.core.Future;
import io.voicegateway.audio.PcmAudio;
import io.voicegateway.cli.CallReport;
import io.voicegateway.cli.CallerAudio;
import io.voicegateway.cli.CallerAudioSamples;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Whole phone conversations in local mode: simulated Twilio callers (real Media Streams JSON over the real
 * WebSocket) → gateway (real routes, Silero VAD) → emulated Nova Sonic through the real AWS SDK, and back.
 * The emulator echoes what it heard, so a reply can be checked to carry the caller's own words.
 */
class MediaStreamCallTest extends MediaStreamTestSupport {


    private static PcmAudio otherUtterance;

    @BeforeAll
    static void otherAudio() throws Exception {
        otherUtterance = CallerAudioSamples.defaultUtterance();
    }

    private static CallReport await(Future<CallReport> report) throws Exception {
        return report.toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
    }

    /** 300 ms of the caller's speech, starting 100 ms into it. */
    private static short[] wordsOf(PcmAudio speech) {
        CallerAudio frames = new CallerAudio(speech);
        return AudioMatch.slice(speech.samples(), frames.firstSpeechFrame() * 20 + 100, 300);
    }

    @Test
    void aSpokenUtteranceGetsASpokenReplyCarryingTheCallersWords() throws Exception {
        CallReport report = await(simulatedCall(utterance, -1));

        assertThat(report.error()).isNull();
        assertThat(report.framesReceived()).isGreaterThan(50);
        assertThat(report.replyLatencyMs()).isNotNull().isPositive();
        short[] heard = AudioMatch.decode(report.replyMulaw());
        assertThat(AudioMatch.bestCorrelation(wordsOf(utterance), heard)).isGreaterThan(0.8);

        JsonNode record = mapper.readTree(get("/calls/" + report.callId()).body());
        assertThat(record.get("status").asText()).isEqualTo("completed");
        assertThat(record.get("end_reason").asText()).isEqualTo("caller_hung_up");
        assertThat(record.get("stream_sid").asText()).startsWith("MZ");
        assertThat(record.get("transcript").findValuesAsText("role")).contains("USER", "ASSISTANT");
        assertThat(record.at("/stats/frames_in").asLong()).isEqualTo(report.framesSent());
        assertThat(record.at("/stats/frames_out").asLong()).isEqualTo(report.framesReceived());
        assertThat(record.at("/stats/reply_latency/count").asInt()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void talkingOverTheReplyClearsItAndTheRestIsNeverPlayed() throws Exception {
        CallReport full = await(simulatedCall(utterance, -1));
        CallReport barged = await(simulatedCall(utterance, 400));

        assertThat(barged.error()).isNull();
        assertThat(barged.clears()).isGreaterThanOrEqualTo(1);
        assertThat(barged.bargeInLatencyMs()).isNotNull().isPositive();
        JsonNode record = mapper.readTree(get("/calls/" + barged.callId()).body());
        assertThat(record.at("/stats/barge_ins").asInt()).isGreaterThanOrEqualTo(1);
        // The first reply was cut ~400 ms in; the full one runs for seconds. What played in all (cut reply plus
        // the answer to the barge-in) must be well short of two full replies.
        assertThat(barged.replyMulaw().length).isLessThan(full.replyMulaw().length * 2 - 8000);
    }

    @Test
    void twentyConcurrentCallsEachHearOnlyTheirOwnWords() throws Exception {
        List<PcmAudio> said = new ArrayList<>();
        List<Future<CallReport>> calls = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            PcmAudio speech = i % 2 == 0 ? utterance : otherUtterance;
            said.add(speech);
            calls.add(simulatedCall(speech, -1));
        }
        for (int i = 0; i < 20; i++) {
            CallReport report = await(calls.get(i));
            assertThat(report.error()).as("call %d", i).isNull();
            short[] heard = AudioMatch.decode(report.replyMulaw());
            PcmAudio other = said.get(i) == utterance ? otherUtterance : utterance;
            double own = AudioMatch.bestCorrelation(wordsOf(said.get(i)), heard);
            double foreign = AudioMatch.bestCorrelation(wordsOf(other), heard);
            assertThat(own).as("call %d hears its own words", i).isGreaterThan(0.8);
            assertThat(foreign).as("call %d does not hear the other utterance", i).isLessThan(0.5);
            JsonNode record = mapper.readTree(get("/calls/" + report.callId()).body());
            assertThat(record.at("/stats/frames_in").asLong()).as("call %d lost no frame", i)
                    .isEqualTo(report.framesSent());
        }
    }
}
