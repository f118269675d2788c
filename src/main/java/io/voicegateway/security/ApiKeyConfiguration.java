package io.voicegateway.security;

import io.voicegateway.server.GatewayProperties;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The API keys and the three checks routes wire in front of their handlers: {@code apiKeyCheck} (any key),
 * {@code adminKeyCheck} (an admin key, for {@code /ops/*}) and {@code metricsKeyCheck} (any key unless
 * METRICS_PUBLIC). Production without keys never gets here: SettingsValidator fails startup first.
 */
@Configuration(proxyBeanMethods = false)
public class ApiKeyConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(ApiKeyConfiguration.class);

    @Bean
    public ApiKeys apiKeys(SecurityProperties security, GatewayProperties gateway) {
        List<String> admin = security.adminApiKeyList();
        if (gateway.isLocal() && security.apiKeyList().isEmpty() && admin.isEmpty()) {
            // Like the webhook token: a laptop run works without setup, and the key is printed once to use.
            byte[] bytes = new byte[24];
            new SecureRandom().nextBytes(bytes);
            String generated = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
            LOG.info("No API_KEYS / ADMIN_API_KEYS set: generated this local admin API key: {} "
                    + "(curl -H 'Authorization: Bearer {}' localhost:{}/calls)", generated, generated, gateway.port());
            admin = List.of(generated);
        }
        return new ApiKeys(security.apiKeyList(), admin);
    }

    @Bean("apiKeyCheck")
    public Processor apiKeyCheck(ApiKeys keys) {
        return new ApiKeyCheck(keys, ApiKeys.Role.USER, false);
    }

    @Bean("adminKeyCheck")
    public Processor adminKeyCheck(ApiKeys keys) {
        return new ApiKeyCheck(keys, ApiKeys.Role.ADMIN, false);
    }

    @Bean("metricsKeyCheck")
    public Processor metricsKeyCheck(ApiKeys keys, SecurityProperties security) {
        return new ApiKeyCheck(keys, ApiKeys.Role.USER, security.metricsPublic());
    }
}
