package io.voicegateway.vad;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;

/** The process-wide Silero model, created on first use (the first call's first frame) and closed at shutdown. */
@Configuration(proxyBeanMethods = false)
public class VadConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(VadConfiguration.class);

    @Bean(destroyMethod = "close")
    @Lazy
    public SileroVadModel sileroVadModel(VadProperties properties) {
        SileroVadModel model = SileroVadModel.fromSetting(properties.modelPath());
        LOG.info("Silero VAD model loaded from {}", model.source());
        return model;
    }
}
