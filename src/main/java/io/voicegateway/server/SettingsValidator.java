package io.voicegateway.server;

import io.voicegateway.security.SecurityProperties;
import io.voicegateway.twilio.TwilioProperties;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Fails startup when a setting is missing or invalid, with a message naming each one (DESIGN §3). Production
 * needs Twilio credentials, a number and a public host; every mode needs sane limits.
 */
@Component
public class SettingsValidator implements InitializingBean {

    /** Regions serving Nova 2 Sonic; the bidirectional stream rejects cross-region invocation. */
    static final Set<String> NOVA_REGIONS = Set.of("us-east-1", "us-west-2", "ap-northeast-1", "eu-north-1");

    /** Shortest API key production accepts: 16 characters of a random key are far beyond guessing. */
    static final int MIN_KEY_CHARS = 16;

    private final GatewayProperties gateway;
    private final TwilioProperties twilio;
    private final String awsRegion;
    private final SecurityProperties security;

    public SettingsValidator(GatewayProperties gateway, TwilioProperties twilio, String awsRegion) {
        this(gateway, twilio, awsRegion, new SecurityProperties(null, null, true, 10, 20, null));
    }

    @Autowired
    public SettingsValidator(GatewayProperties gateway, TwilioProperties twilio,
                             @org.springframework.beans.factory.annotation.Value("${nova.region:us-east-1}") String awsRegion,
                             SecurityProperties security) {
        this.gateway = gateway;
        this.twilio = twilio;
        this.awsRegion = awsRegion;
        this.security = security;
    }

    @Override
    public void afterPropertiesSet() {
        List<String> problems = problems();
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(gateway.mode(), problems);
        }
    }

    List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (gateway.port() < 1 || gateway.port() > 65535) {
            problems.add("PORT must be 1-65535, got " + gateway.port());
        }
        if (gateway.maxConvoSecs() < 1) {
            problems.add("MAX_CONVO_SECS must be positive, got " + gateway.maxConvoSecs());
        }
        if (gateway.mode() == GatewayMode.PRODUCTION) {
            twilio.missingForOutboundCalls().forEach(name -> problems.add(name + " is required in production"));
            if (gateway.effectivePublicHost().isEmpty()) {
                problems.add("PUBLIC_HOST is required in production (the host Twilio reaches, e.g. voice.example.com)");
            } else if (gateway.effectivePublicHost().contains("/")) {
                problems.add("PUBLIC_HOST must be a host[:port] without scheme or path, got '" + gateway.publicHost() + "'");
            }
            if (!twilio.validateSignatures()) {
                problems.add("TWILIO_VALIDATE_SIGNATURES=false is not allowed in production");
            }
            if (!NOVA_REGIONS.contains(awsRegion)) {
                problems.add("AWS_REGION '" + awsRegion + "' does not serve Nova Sonic; use one of " + NOVA_REGIONS);
            }
            productionSecurity(problems);
        }
        if (security.makeCallsPerKeyPerMinute() < 1 || security.makeCallsPerAddressPerMinute() < 1) {
            problems.add("MAKE_CALL_RATE_PER_KEY and MAKE_CALL_RATE_PER_ADDRESS must be at least 1");
        }
        return problems;
    }

    /** Production is on the internet: the API needs keys, and Twilio credentials may only go to Twilio. */
    private void productionSecurity(List<String> problems) {
        List<String> keys = new ArrayList<>(security.apiKeyList());
        keys.addAll(security.adminApiKeyList());
        if (keys.isEmpty()) {
            problems.add("API_KEYS (and ADMIN_API_KEYS for /ops/*) is required in production: "
                    + "without keys anyone reaching the port could place calls and read transcripts");
        } else if (keys.stream().anyMatch(k -> k.length() < MIN_KEY_CHARS)) {
            problems.add("API_KEYS / ADMIN_API_KEYS entries must be at least " + MIN_KEY_CHARS
                    + " characters (e.g. openssl rand -hex 24)");
        }
        if (!isTwilioApi(twilio.apiBaseUrl())) {
            problems.add("TWILIO_API_BASE_URL must be an https://*.twilio.com URL in production (it receives the "
                    + "account's credentials), got '" + twilio.apiBaseUrl() + "'");
        }
    }

    static boolean isTwilioApi(String baseUrl) {
        if (baseUrl == null || baseUrl.isBlank()) {
            return true; // the SDK's own default, api.twilio.com
        }
        try {
            URI uri = URI.create(baseUrl.trim());
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(java.util.Locale.ROOT);
            return "https".equalsIgnoreCase(uri.getScheme())
                    && (host.equals("twilio.com") || host.endsWith(".twilio.com"));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** Startup failure listing every bad setting by its environment variable name. */
    public static final class InvalidSettingsException extends IllegalStateException {
        InvalidSettingsException(GatewayMode mode, List<String> problems) {
            super("Invalid configuration for GATEWAY_MODE=" + mode.label() + ": " + String.join("; ", problems));
        }
    }
}
