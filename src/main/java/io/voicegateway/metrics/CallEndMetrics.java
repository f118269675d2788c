package io.voicegateway.metrics;

import io.voicegateway.call.CallLifecycle;
import org.springframework.stereotype.Component;

/** Counts ended calls by their final status ({@code gateway_calls_ended_total{status}}). */
@Component
public class CallEndMetrics {

    public CallEndMetrics(CallLifecycle lifecycle, GatewayMetrics metrics) {
        lifecycle.onEnd((call, reason) -> metrics.callEnded(call.status().word()));
    }
}
