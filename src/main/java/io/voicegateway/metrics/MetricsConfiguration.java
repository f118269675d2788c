package io.voicegateway.metrics;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.voicegateway.call.CallRegistry;
import org.apache.camel.Processor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Prometheus registry (also used by camel-micrometer for route metrics and Spring Boot's JVM/process
 * meters), the active-calls gauge, and the {@code GET /metrics} processor. One server, one port.
 */
@Configuration(proxyBeanMethods = false)
public class MetricsConfiguration {

    @Bean(destroyMethod = "close")
    public PrometheusMeterRegistry prometheusMeterRegistry() {
        // JVM, process and logback meters are bound by Spring Boot's metrics auto-configuration (camel-micrometer
        // brings the actuator jars; no actuator endpoint is served).
        return new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    }

    /** gateway_calls_active: calls on this instance that have not ended (bound after Boot's meter filters). */
    @Bean
    public MeterBinder activeCallsGauge(CallRegistry calls) {
        return registry -> Gauge.builder("gateway.calls.active", calls, CallRegistry::activeCount)
                .description("Active calls").register(registry);
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
