package io.voicegateway.usage;

import io.voicegateway.call.CallRegistry;
import io.voicegateway.metrics.GatewayMetrics;
import io.voicegateway.nova.NovaEvent;
import io.voicegateway.nova.NovaSonicConstants;
import org.apache.camel.Processor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The {@code usage} processor the nova-events route hands Usage events to. */
@Configuration(proxyBeanMethods = false)
public class UsageConfiguration {

    @Bean
    public UsageRecorder usageRecorder(UsageProperties prices, GatewayMetrics metrics) {
        return new UsageRecorder(prices, metrics);
    }

    @Bean("usage")
    public Processor usage(UsageRecorder recorder, CallRegistry calls) {
        return exchange -> {
            String callId = exchange.getIn().getHeader(NovaSonicConstants.CALL_ID, String.class);
            NovaEvent.Usage usage = exchange.getIn().getBody(NovaEvent.Usage.class);
            if (callId != null && usage != null) {
                calls.find(callId).ifPresent(call -> recorder.record(call, usage));
            }
        };
    }
}
