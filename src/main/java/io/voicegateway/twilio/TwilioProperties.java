package io.voicegateway.twilio;

import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** The {@code twilio.*} settings (config/application.yaml documents each key). */
@ConfigurationProperties(prefix = "twilio")
public record TwilioProperties(
        String accountSid,
        String authToken,
        String phoneNumber,
        @DefaultValue("https://api.twilio.com") String apiBaseUrl,
        @DefaultValue("true") boolean validateSignatures) {

    /** Environment variable names of the settings outbound calls need and lack; empty when complete. */
    public List<String> missingForOutboundCalls() {
        List<String> missing = new ArrayList<>();
        if (isBlank(accountSid)) {
            missing.add("TWILIO_ACCOUNT_SID");
        }
        if (isBlank(authToken)) {
            missing.add("TWILIO_AUTH_TOKEN");
        }
        if (isBlank(phoneNumber)) {
            missing.add("TWILIO_PHONE_NUMBER");
        }
        return missing;
    }

    static boolean isBlank(String s) {
        return s == null || s.isBlank();
    }
}
