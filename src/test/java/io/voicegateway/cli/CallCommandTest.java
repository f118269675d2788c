package io.voicegateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.voicegateway.GatewayTestSupport;
import io.voicegateway.audio.AudioFiles;
import io.voicegateway.audio.PcmAudio;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code call} command as a user runs it, against the running gateway. */
class CallCommandTest extends GatewayTestSupport {

    @TempDir
    Path dir;

    private static int run(StringWriter out, StringWriter err, String... args) {
        return Commands.run(new PrintWriter(out), new PrintWriter(err), args);
    }

    @Test
    void aCallWithTheBuiltInUtteranceWritesTheReplyAndPrintsItsLatency() throws Exception {
        Path reply = dir.resolve("reply.wav");
        StringWriter out = new StringWriter();

        int exit = run(out, new StringWriter(), "call", "--base-url", baseUrl(), "--out", reply.toString(), "--json");

        assertThat(exit).isZero();
        JsonNode result = new ObjectMapper().readTree(out.toString());
        assertThat(result.get("ok").asBoolean()).isTrue();
        assertThat(result.get("reply_latency_ms").asDouble()).isPositive();
        assertThat(result.get("frames_received").asInt()).isPositive();
        PcmAudio heard = AudioFiles.read(reply);
        assertThat(heard.sampleRateHz()).isEqualTo(8000);
        assertThat(heard.durationMs()).isEqualTo(result.get("reply_audio_ms").asLong());
        assertThat(heard.durationMs()).isGreaterThan(1000);
    }

    @Test
    void anUnreadableWavIsAOneLineErrorWithExitCode2() throws Exception {
        Path notAudio = dir.resolve("notes.wav");
        Files.writeString(notAudio, "not audio");
        StringWriter err = new StringWriter();

        int exit = run(new StringWriter(), err, "call", "--base-url", baseUrl(), "--wav", notAudio.toString());

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString().trim()).startsWith("call: ").doesNotContain("\n");
    }
}
