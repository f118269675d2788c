package io.voicegateway.vad;

import static org.assertj.core.api.Assertions.assertThat;

import io.voicegateway.server.HealthCheck;
import org.junit.jupiter.api.Test;

/** The VAD health check runs a real inference: a working session is up, a closed one or a non-probability is down. */
class VadProbeTest {

    @Test
    void theBundledModelAnswersAProbabilityAndIsUp() {
        try (SileroVadModel model = SileroVadModel.loadBundled()) {
            assertThat(VadProbe.run(model).up()).isTrue();
        }
    }

    @Test
    void aClosedSessionIsDown() {
        SileroVadModel model = SileroVadModel.loadBundled();
        model.close();
        HealthCheck.Result result = VadProbe.run(model);
        assertThat(result.up()).isFalse();
        assertThat(result.detail()).contains("inference failed");
    }

    @Test
    void anAnswerThatIsNotAProbabilityIsDown() {
        assertThat(VadProbe.judge(Float.NaN, "m").up()).isFalse();
        assertThat(VadProbe.judge(Float.POSITIVE_INFINITY, "m").up()).isFalse();
        assertThat(VadProbe.judge(1.5f, "m").up()).isFalse();
        assertThat(VadProbe.judge(0.02f, "m").up()).isTrue();
    }
}
