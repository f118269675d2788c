package io.voicegateway.call;

import io.voicegateway.server.GatewayProperties;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Chooses the call store from {@code gateway.call-store}. */
@Configuration(proxyBeanMethods = false)
public class CallRegistryConfiguration {

    @Bean
    public CallRegistry callRegistry(GatewayProperties gateway, PrivacyProperties privacy) {
        if (!"memory".equalsIgnoreCase(gateway.callStore())) {
            throw new IllegalStateException("CALL_STORE=" + gateway.callStore()
                    + " is not supported by this build; use CALL_STORE=memory");
        }
        return new InMemoryCallRegistry(gateway.endedCallsRetained(), Clock.systemUTC(), privacy.policy());
    }
}
