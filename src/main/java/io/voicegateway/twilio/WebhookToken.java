package io.voicegateway.twilio;

import io.voicegateway.server.GatewayProperties;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The auth token webhook signatures are checked against: {@code TWILIO_AUTH_TOKEN}, or in local mode without
 * one, a random token generated at startup and logged once so a person can sign test requests
 * ({@code java -jar voice-gateway.jar sign --token ...}). It is never logged when it is the real one.
 */
@Component
public class WebhookToken {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookToken.class);

    private final String token;

    public WebhookToken(TwilioProperties twilio, GatewayProperties gateway) {
        if (!TwilioProperties.isBlank(twilio.authToken())) {
            token = twilio.authToken().trim();
        } else {
            byte[] bytes = new byte[16];
            new SecureRandom().nextBytes(bytes);
            token = HexFormat.of().formatHex(bytes);
            LOG.info("No TWILIO_AUTH_TOKEN set: webhooks are checked against this local token: {} "
                    + "(sign a request with: java -jar target/voice-gateway.jar sign --token {} URL Name=Value...)",
                    token, token);
        }
        if (!twilio.validateSignatures()) {
            LOG.warn("Twilio webhook signature validation is OFF (twilio.validate-signatures=false): "
                    + "anyone who can reach {} can post webhooks", gateway.effectivePublicHost());
        }
    }

    public String value() {
        return token;
    }
}
