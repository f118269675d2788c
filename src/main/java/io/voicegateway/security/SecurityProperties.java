package io.voicegateway.security;

import java.util.Arrays;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code security.*} settings (config/application.yaml documents each key).
 *
 * @param apiKeys                     comma-separated keys for {@code /make-call}, {@code /calls*} (and
 *                                    {@code /metrics} when not public)
 * @param adminApiKeys                comma-separated keys that may also use {@code /ops/*}
 * @param metricsPublic               false puts {@code /metrics} behind a key too
 * @param makeCallsPerKeyPerMinute    {@code /make-call} attempts one key may make per minute
 * @param makeCallsPerAddressPerMinute {@code /make-call} attempts one source address may make per minute
 * @param makeCallAllowedPrefixes     comma-separated E.164 prefixes {@code /make-call} may dial; empty: any
 */
@ConfigurationProperties(prefix = "security")
public record SecurityProperties(
        String apiKeys,
        String adminApiKeys,
        @DefaultValue("true") boolean metricsPublic,
        @DefaultValue("10") int makeCallsPerKeyPerMinute,
        @DefaultValue("20") int makeCallsPerAddressPerMinute,
        String makeCallAllowedPrefixes) {

    public List<String> apiKeyList() {
        return split(apiKeys);
    }

    public List<String> adminApiKeyList() {
        return split(adminApiKeys);
    }

    public List<String> allowedPrefixList() {
        return split(makeCallAllowedPrefixes);
    }

    static List<String> split(String commaSeparated) {
        if (commaSeparated == null) {
            return List.of();
        }
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }
}
