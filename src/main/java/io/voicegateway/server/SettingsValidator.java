package io.voicegateway.server;

import io.voicegateway.twilio.TwilioProperties;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Fails startup when a setting is missing or invalid, with a message naming each one (DESIGN §3). Production
 * needs Twilio credentials, a number and a public host; every mode needs sane limits.
 */
@Component
public class SettingsValidator implements InitializingBean {

    /** Regions serving Nova 2 Sonic; the bidirectional stream rejects cross-region invocation. */
    static final Set<String> NOVA_REGIONS = Set.of("us-east-1", "us-west-2", "ap-northeast-1", "eu-north-1");

    private final GatewayProperties gateway;
    private final TwilioProperties twilio;
    private final String awsRegion;

    public SettingsValidator(GatewayProperties gateway, TwilioProperties twilio,
                             @org.springframework.beans.factory.annotation.Value("${nova.region:us-east-1}") String awsRegion) {
        this.gateway = gateway;
        this.twilio = twilio;
        this.awsRegion = awsRegion;
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
        }
        return problems;
    }

    /** Startup failure listing every bad setting by its environment variable name. */
    public static final class InvalidSettingsException extends IllegalStateException {
        InvalidSettingsException(GatewayMode mode, List<String> problems) {
            super("Invalid configuration for GATEWAY_MODE=" + mode.label() + ": " + String.join("; ", problems));
        }
    }
}
