package io.voicegateway.emulator;

import io.voicegateway.vad.SileroVadModel;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/** Starts the Nova Sonic emulator as bean {@code novaEmulator} in local mode without an endpoint override. */
@Configuration(proxyBeanMethods = false)
public class EmulatorConfiguration {

    @Bean(destroyMethod = "close")
    @Conditional(LocalEmulatorCondition.class)
    public NovaEmulator novaEmulator(EmulatorProperties properties, ObjectProvider<SileroVadModel> vad) {
        EmulatorSettings settings = properties.toSettings();
        SileroVadModel model = vad.getIfAvailable();
        if (properties.usesSilero() && model != null) {
            settings = settings.withDetectorFactory(SileroUtteranceDetector.factory(model));
        }
        return new NovaEmulator(settings).start();
    }
}
