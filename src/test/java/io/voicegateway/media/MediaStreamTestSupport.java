package io.voicegateway.media;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.voicegateway.GatewayTestSupport;
import io.voicegateway.audio.AudioFiles;
import io.voicegateway.audio.PcmAudio;
import io.voicegateway.cli.CallReport;
import io.voicegateway.cli.CallerAudio;
import io.voicegateway.cli.SimulatedCaller;
import java.net.URI;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The whole gateway plus what its media-stream tests share: a client-side Vert.x for Twilio-like connections and
 * simulated callers, the one-utterance fixture, local calls and their records, a frame of μ-law silence.
 */
abstract class MediaStreamTestSupport extends GatewayTestSupport {

    /** RFC 6455 close code for "policy violation": how refused streams are closed. */
    static final short POLICY_VIOLATION = 1008;

    static Vertx vertx;
    static PcmAudio utterance;
    final ObjectMapper mapper = new ObjectMapper();

    @BeforeAll
    static void startClients() throws Exception {
        vertx = Vertx.vertx();
        utterance = AudioFiles.read(Path.of("src/test/resources/audio/one-utterance.wav"));
    }

    @AfterAll
    static void stopClients() {
        vertx.close();
    }

    /** A call as the voice webhook would create it: {@code call_id}, {@code token}, {@code stream_url}. */
    JsonNode localCall() throws Exception {
        return mapper.readTree(postJson("/local/calls", "{}").body());
    }

    JsonNode record(String callId) throws Exception {
        return mapper.readTree(get("/calls/" + callId).body());
    }

    /** A simulated Twilio caller saying {@code speech}; {@code bargeAtMs} -1 never talks over a reply. */
    Future<CallReport> simulatedCall(PcmAudio speech, int bargeAtMs) {
        return new SimulatedCaller(vertx, URI.create(baseUrl()), new CallerAudio(speech),
                new SimulatedCaller.Options(bargeAtMs, 40_000)).run();
    }

    /** 20 ms of μ-law silence (0xFF). */
    static byte[] silence() {
        byte[] frame = new byte[160];
        Arrays.fill(frame, (byte) 0xFF);
        return frame;
    }
}
