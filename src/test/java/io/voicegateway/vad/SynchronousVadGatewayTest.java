package io.voicegateway.vad;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The same call as {@link BatchedVadGatewayTest} with {@code vad.batch-tick-ms=0}: each call runs Silero on its own
 * frame thread, one timed inference per window and no batch at all.
 */
@SpringBootTest(properties = "vad.batch-tick-ms=0")
class SynchronousVadGatewayTest extends VadGatewayCall {

    @Test
    void anUnbatchedCallReportsSpeechStartAndEndAndBargesIn() throws Exception {
        String metrics = callReportsSpeechAndBargesIn();
        assertThat(metricValue(metrics, "gateway_vad_batch_size_count")).isZero();
        // 20 ms frames complete a 32 ms window five times in eight: one timed inference each
        assertThat(metricValue(metrics, "gateway_vad_inference_seconds_count")).isGreaterThan(
                metricValue(metrics, "gateway_frames_inbound_total") / 2);
    }
}
