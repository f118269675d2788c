package io.voicegateway.call;

import io.voicegateway.server.GatewayProperties;
import io.voicegateway.server.HealthCheck;
import org.springframework.stereotype.Component;

/** Reports whether the call store answers. */
@Component
public class CallStoreHealthCheck implements HealthCheck {

    private final CallRegistry calls;
    private final GatewayProperties gateway;

    public CallStoreHealthCheck(CallRegistry calls, GatewayProperties gateway) {
        this.calls = calls;
        this.gateway = gateway;
    }

    @Override
    public String name() {
        return "call_store";
    }

    @Override
    public Result check() {
        return calls.isHealthy() ? Result.up(gateway.callStore()) : Result.down(gateway.callStore() + " not reachable");
    }
}
