package io.voicegateway.nova;

import static org.assertj.core.api.Assertions.assertThat;

import io.voicegateway.emulator.EmulatorConfiguration;
import io.voicegateway.emulator.EmulatorProperties;
import io.voicegateway.emulator.NovaEmulator;
import io.voicegateway.nova.session.NovaSessions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;

/**
 * Rule: in local mode without nova.endpoint-override the emulator runs as a bean and the client points at it; with
 * an override, or in production, there is no emulator. The nova-sonic component shares the client and sessions.
 */
class NovaConfigurationTest {

    @Configuration
    @EnableConfigurationProperties({NovaProperties.class, EmulatorProperties.class})
    static class Properties {
    }

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(Properties.class, EmulatorConfiguration.class, NovaConfiguration.class);

    @Test
    void localModeStartsTheEmulatorAndWiresTheComponentToIt() {
        runner.withPropertyValues("gateway.mode=local", "nova.renew-after=2m", "emulator.session-cap=30s")
                .run(context -> {
                    assertThat(context).hasSingleBean(NovaEmulator.class).hasBean("novaBedrockClient")
                            .hasBean("novaSessions").hasBean("nova-sonic");
                    NovaSonicComponent component = context.getBean("nova-sonic", NovaSonicComponent.class);
                    assertThat(component.getSessions()).isSameAs(context.getBean(NovaSessions.class));
                    assertThat(component.getConfiguration().getBedrockClient())
                            .isSameAs(context.getBean(BedrockRuntimeAsyncClient.class));
                    assertThat(context.getBean(NovaSessions.class).settings().renewAfter())
                            .isEqualTo(Duration.ofMinutes(2));
                    assertThat(context.getBean(NovaEmulator.class).port()).isPositive();
                });
    }

    @Test
    void anEndpointOverrideMeansNoEmulator() {
        runner.withPropertyValues("gateway.mode=local", "nova.endpoint-override=http://127.0.0.1:9")
                .run(context -> assertThat(context).doesNotHaveBean(NovaEmulator.class).hasBean("novaSessions"));
    }

    @Test
    void productionModeHasNoEmulator() {
        runner.withPropertyValues("gateway.mode=production")
                .run(context -> assertThat(context).doesNotHaveBean(NovaEmulator.class).hasBean("nova-sonic"));
    }

    @Test
    void anUnsupportedInputRateFailsStartupNamingTheSetting() {
        runner.withPropertyValues("nova.input-sample-rate=44100", "nova.endpoint-override=http://127.0.0.1:9")
                .run(context -> assertThat(context).hasFailed().getFailure().rootCause()
                        .hasMessageContaining("nova.input-sample-rate"));
    }
}
