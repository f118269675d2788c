package io.voicegateway.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.voicegateway.call.CallRegistry;
import org.apache.camel.Processor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Prometheus registry (also used by camel-micrometer for route metrics), JVM and process meters, the
 * active-calls gauge, and the {@code GET /metrics} processor. No Spring actuator: one server, one port.
 */
@Configuration(proxyBeanMethods = false)
public class MetricsConfiguration {

    @Bean(destroyMethod = "close")
    public PrometheusMeterRegistry prometheusMeterRegistry(CallRegistry calls) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ClassLoaderMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        // gateway_calls_active: calls on this instance that have not ended
        Gauge.builder("gateway.calls.active", calls, CallRegistry::activeCount).description("Active calls")
                .register(registry);
        return registry;
    }

    @Bean("metricsHandler")
    public Processor metricsHandler(PrometheusMeterRegistry registry) {
        return exchange -> {
            exchange.getMessage().removeHeaders("*");
            exchange.getMessage().setHeader("Content-Type", "text/plain; version=0.0.4; charset=utf-8");
            exchange.getMessage().setBody(registry.scrape());
        };
    }
}
