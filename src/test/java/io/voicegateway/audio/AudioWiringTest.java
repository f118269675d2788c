package io.voicegateway.audio;

import static org.assertj.core.api.Assertions.assertThat;

import io.voicegateway.vad.SileroVadModel;
import io.voicegateway.vad.VadConfiguration;
import io.voicegateway.vad.VadProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Rules: the processors are beans named as the routes refer to them; settings bind from the {@code audio:} and
 * {@code vad:} keys; the Silero model is one lazily created bean.
 */
class AudioWiringTest {

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties({AudioProperties.class, VadProperties.class})
    @Import({VadConfiguration.class, CallAudioStates.class, MuLawDecodeProcessor.class, NoiseGateProcessor.class,
            VadProcessor.class})
    static class Wiring {
        @org.springframework.context.annotation.Bean
        io.voicegateway.metrics.GatewayMetrics gatewayMetrics() {
            return new io.voicegateway.metrics.GatewayMetrics(new io.micrometer.core.instrument.simple.SimpleMeterRegistry());
        }
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner().withUserConfiguration(Wiring.class);

    @Test
    void processorsAreBeansNamedMuLawDecodeNoiseGateAndVad() {
        runner.run(context -> {
            assertThat(context.getBean("muLawDecode")).isInstanceOf(MuLawDecodeProcessor.class);
            assertThat(context.getBean("noiseGate")).isInstanceOf(NoiseGateProcessor.class);
            assertThat(context.getBean("vad")).isInstanceOf(VadProcessor.class);
        });
    }

    @Test
    void settingsBindFromTheAudioAndVadKeys() {
        runner.withPropertyValues("audio.noise-gate-threshold-dbfs=-48", "audio.noise-gate-hold-ms=150",
                "vad.threshold=0.6", "vad.min-speech-ms=200", "vad.turn-silence-ms=900").run(context -> {
                    assertThat(context.getBean(AudioProperties.class)).isEqualTo(new AudioProperties(-48, 150, 60));
                    assertThat(context.getBean(VadProperties.class)).isEqualTo(new VadProperties(0.6f, 200, 900, "", 4));
                });
    }

    @Test
    void withoutSettingsTheDefaultsMatchConfigApplicationYaml() {
        runner.run(context -> {
            assertThat(context.getBean(AudioProperties.class)).isEqualTo(new AudioProperties(-55, 200, 60));
            assertThat(context.getBean(VadProperties.class)).isEqualTo(new VadProperties(0.5f, 250, 700, "", 4));
        });
    }

    @Test
    void theModelIsCreatedOnFirstUseAndIsASingleton() {
        runner.run(context -> {
            SileroVadModel model = context.getBean(SileroVadModel.class);
            assertThat(context.getBean(SileroVadModel.class)).isSameAs(model);
            CallAudioStates states = context.getBean(CallAudioStates.class);
            assertThat(states.get("call").voiceActivity()).isNotNull();
        });
    }
}
