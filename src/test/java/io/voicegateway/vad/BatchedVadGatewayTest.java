package io.voicegateway.vad;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A gateway with the default {@code vad.batch-tick-ms} (4: Silero batched across calls on the VadBatcher thread,
 * frames waiting for their windows' results): a call reports its caller's speech and barges in, and the batch
 * meters move.
 */
@SpringBootTest
class BatchedVadGatewayTest extends VadGatewayCall {

    @Test
    void aBatchedCallReportsSpeechStartAndEndAndStillBargesIn() throws Exception {
        String metrics = callReportsSpeechAndBargesIn();
        // the meters show the batcher did the inference: one timer sample per batch run, one size per run
        assertThat(metricValue(metrics, "gateway_vad_batch_size_count")).isPositive();
        assertThat(metricValue(metrics, "gateway_vad_batch_size_sum")).isGreaterThanOrEqualTo(metricValue(metrics, "gateway_vad_batch_size_count"));
        assertThat(metricValue(metrics, "gateway_vad_inference_seconds_count")).isEqualTo(metricValue(metrics, "gateway_vad_batch_size_count"));
    }
}
