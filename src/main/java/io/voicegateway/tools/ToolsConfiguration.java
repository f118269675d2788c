package io.voicegateway.tools;

import io.voicegateway.metrics.GatewayMetrics;
import io.voicegateway.nova.NovaEvent;
import io.voicegateway.nova.NovaSonicConstants;
import io.voicegateway.nova.session.NovaSessions;
import org.apache.camel.CamelContext;
import org.apache.camel.Processor;
import org.apache.camel.ProducerTemplate;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Tool beans: the validated {@code toolCatalog}, {@code toolCalls} sending each call through a Camel
 * {@link ProducerTemplate} (its asynchronous requests run on the template's own bounded pool, never on the
 * model's event thread) and answering through the call's Nova session, and the {@code toolUse} processor the
 * nova-events route hands ToolUse events to.
 */
@Configuration(proxyBeanMethods = false)
public class ToolsConfiguration {

    @Bean
    public ToolCatalog toolCatalog(ToolsProperties properties) {
        return new ToolCatalog(properties);
    }

    @Bean(destroyMethod = "stop")
    public ProducerTemplate toolProducerTemplate(CamelContext camel) {
        return camel.createProducerTemplate();
    }

    @Bean
    public ToolCalls toolCalls(ToolCatalog catalog, ProducerTemplate toolProducerTemplate, NovaSessions sessions,
            GatewayMetrics metrics) {
        ToolCalls.Invoker invoker = (endpoint, body, headers) -> toolProducerTemplate
                .asyncRequestBodyAndHeaders(endpoint, body, headers, String.class).thenApply(reply -> (Object) reply);
        return new ToolCalls(catalog, invoker, sessions::sendToolResult,
                (callId, tool, outcome, nanos) -> metrics.toolCall(tool, outcome, nanos));
    }

    /** From the nova-events route: starts the tool call and returns at once. */
    @Bean("toolUse")
    public Processor toolUse(ToolCalls toolCalls) {
        return exchange -> {
            String callId = exchange.getIn().getHeader(NovaSonicConstants.CALL_ID, String.class);
            NovaEvent.ToolUse use = exchange.getIn().getBody(NovaEvent.ToolUse.class);
            if (callId != null && use != null) {
                toolCalls.call(callId, use.toolName(), use.toolUseId(), use.input());
            }
        };
    }
}
