package io.voicegateway.vad;

import io.voicegateway.metrics.GatewayMetrics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The process-wide Silero model, loaded at startup (a bad model path fails startup, and the first call's first
 * frame does not pay the ~200 ms load) and closed at shutdown.
 */
@Configuration(proxyBeanMethods = false)
public class VadConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(VadConfiguration.class);

    @Bean(destroyMethod = "close")
    public SileroVadModel sileroVadModel(VadProperties properties) {
        SileroVadModel model = SileroVadModel.fromSetting(properties.modelPath());
        LOG.info("Silero VAD model loaded from {}", model.source());
        return model;
    }

    /** Calls' VAD streams: synchronous, or batched across calls when {@code vad.batch-tick-ms} is above 0. */
    @Bean(destroyMethod = "close")
    public VadStreams vadStreams(SileroVadModel model, VadProperties properties, GatewayMetrics metrics) {
        VadStreams streams = VadStreams.create(model, properties.batchTickMs(), metrics::vadBatch);
        if (streams.batched()) {
            LOG.info("Silero VAD batched across calls every {} ms (vad.batch-tick-ms)", properties.batchTickMs());
        }
        return streams;
    }

    /** /health check: the model is loaded and answers one real inference with a probability. */
    @Bean
    public io.voicegateway.server.HealthCheck vadModelHealth(SileroVadModel model) {
        return new io.voicegateway.server.HealthCheck() {
            @Override
            public String name() {
                return "vad_model";
            }

            @Override
            public Result check() {
                return VadProbe.run(model);
            }
        };
    }
}
