package io.voicegateway.nova;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.voicegateway.emulator.NovaEmulator;
import io.voicegateway.nova.session.NovaSessionObserver;
import io.voicegateway.nova.session.NovaSessions;
import io.voicegateway.tools.ToolCatalog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;

/**
 * Nova Sonic beans: {@code novaBedrockClient} (to nova.endpoint-override, else the local emulator bean
 * {@code novaEmulator} when there is one, else AWS), {@code novaSessions} over it, and the {@code nova-sonic} Camel
 * component using both, so every {@code nova-sonic:} endpoint shares one client and one session registry; its
 * sessions offer the tools of the {@link ToolCatalog}.
 */
@Configuration(proxyBeanMethods = false)
public class NovaConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(NovaConfiguration.class);

    /** The model streams' event loops, with their lag as {@code gateway_model_loop_lag_seconds}. */
    @Bean(destroyMethod = "close")
    public NovaEventLoops novaEventLoops(ObjectProvider<MeterRegistry> registry) {
        NovaEventLoops loops = new NovaEventLoops();
        registry.ifAvailable(r -> Gauge.builder("gateway.model.loop.lag", loops, l -> l.lagNanos() / 1e9)
                .description("How far the AWS SDK event loops that carry the model streams are behind their"
                        + " schedule (the most delayed loop)")
                .baseUnit("seconds").register(r));
        return loops;
    }

    @Bean(destroyMethod = "close")
    public BedrockRuntimeAsyncClient novaBedrockClient(NovaProperties properties,
            ObjectProvider<NovaEmulator> emulator, NovaEventLoops novaEventLoops) {
        String endpoint = properties.endpointOverride();
        NovaEmulator local = emulator.getIfAvailable();
        if (!properties.hasEndpointOverride() && local != null) {
            endpoint = local.endpoint().toString();
        }
        LOG.info("Nova Sonic: model {} in {} via {}", properties.modelId(), properties.region(),
                endpoint == null || endpoint.isBlank() ? "AWS Bedrock" : endpoint);
        return NovaClientFactory.create(properties.region(), endpoint, properties.maxConcurrency(),
                novaEventLoops.group());
    }

    @Bean(destroyMethod = "close")
    public NovaSessions novaSessions(BedrockRuntimeAsyncClient novaBedrockClient, NovaProperties properties,
            ObjectProvider<NovaSessionObserver> observer) {
        return new NovaSessions(novaBedrockClient, properties.toSettings(),
                observer.getIfAvailable(() -> NovaSessionObserver.NONE));
    }

    @Bean("nova-sonic")
    public NovaSonicComponent novaSonicComponent(NovaSessions novaSessions, NovaProperties properties,
            BedrockRuntimeAsyncClient novaBedrockClient, ObjectProvider<ToolCatalog> toolCatalog) {
        NovaSonicComponent component = new NovaSonicComponent();
        NovaSonicConfiguration configuration = properties.toComponentConfiguration();
        configuration.setBedrockClient(novaBedrockClient);
        toolCatalog.ifAvailable(tools -> configuration.setTools(tools.specs()));
        component.setConfiguration(configuration);
        component.setSessions(novaSessions);
        return component;
    }
}
