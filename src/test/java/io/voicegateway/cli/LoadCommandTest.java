package io.voicegateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.voicegateway.GatewayTestSupport;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code load} command against the whole gateway in local mode: five callers at once, each barging in. */
class LoadCommandTest extends GatewayTestSupport {

    @TempDir
    Path dir;

    @Test
    void fiveConcurrentCallersAllSucceedWithNoFrameLostAndTheirBargeInsMeasured() throws Exception {
        Path json = dir.resolve("load.json");

        int exit = Commands.run(new String[] {"load", "--calls", "5", "--barge-at", "400", "--quiet",
            "--base-url", baseUrl(), "--api-key", USER_KEY, "--json", json.toString()});

        assertThat(exit).isZero();
        JsonNode result = new ObjectMapper().readTree(json.toFile());
        assertThat(result.get("calls_ok").asInt()).isEqualTo(5);
        assertThat(result.get("calls_failed").asInt()).isZero();
        assertThat(result.get("frames_sent").asLong()).isPositive();
        assertThat(result.get("frames_lost").asLong()).isZero();
        assertThat(result.get("gateway_frames_counted").asLong()).isEqualTo(result.get("frames_sent").asLong());
        assertThat(result.at("/barge_in_latency_ms/count").asInt()).isEqualTo(5);
        assertThat(result.at("/barge_in_latency_ms/p95").asDouble()).isPositive();
        assertThat(result.at("/reply_latency_ms/count").asInt()).isGreaterThanOrEqualTo(5);
        assertThat(result.get("gateway_frame_p99_ms").asDouble()).isPositive();
        assertThat(result.has("cpu_mean")).isTrue();
        assertThat(result.get("heap_after_mb").asDouble()).isPositive();
    }
}
