package io.voicegateway.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voicegateway.VoiceGatewayApplication;
import io.voicegateway.security.SecurityProperties;
import io.voicegateway.twilio.TwilioProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Production refuses to start without its settings, naming each missing one; local mode needs none. */
class SettingsValidatorTest {

    private static GatewayProperties gateway(GatewayMode mode, String publicHost) {
        return new GatewayProperties(mode, 7860, publicHost, null, 600, "memory", 500, "matthew", "prompt");
    }

    @Test
    void localModeNeedsNoAccountsAtAll() {
        SettingsValidator validator = new SettingsValidator(gateway(GatewayMode.LOCAL, null),
                new TwilioProperties(null, null, null, "https://api.twilio.com", true), "us-east-1");
        assertThat(validator.problems()).isEmpty();
    }

    @Test
    void productionNamesEveryMissingSetting() {
        SettingsValidator validator = new SettingsValidator(gateway(GatewayMode.PRODUCTION, ""),
                new TwilioProperties("", null, " ", "https://api.twilio.com", true), "eu-west-3");
        assertThat(String.join("\n", validator.problems())).contains("TWILIO_ACCOUNT_SID", "TWILIO_AUTH_TOKEN",
                "TWILIO_PHONE_NUMBER", "PUBLIC_HOST", "AWS_REGION 'eu-west-3'");
    }

    @Test
    void productionRejectsAPublicHostWithSchemeAndDisabledSignatures() {
        SettingsValidator validator = new SettingsValidator(gateway(GatewayMode.PRODUCTION, "https://x.example.com/"),
                new TwilioProperties("AC1", "t", "+15550001111", "https://api.twilio.com", false), "us-east-1");
        assertThat(String.join("\n", validator.problems())).contains("PUBLIC_HOST must be a host",
                "TWILIO_VALIDATE_SIGNATURES=false");
    }

    @Test
    void theGatewayFailsFastAtStartupInProductionWithoutSettings() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(VoiceGatewayApplication.class)
                .run("--gateway.mode=production", "--twilio.account-sid=", "--twilio.auth-token=",
                        "--twilio.phone-number=", "--gateway.public-host=", "--camel.main.run-controller=false",
                        "--gateway.port=" + io.voicegateway.GatewayTestSupport.freePort())
                .close())
                .hasStackTraceContaining("GATEWAY_MODE=production")
                .hasStackTraceContaining("TWILIO_ACCOUNT_SID is required in production");
    }

    @Test
    void publicUrlsFollowModeUnlessUseHttpsIsSet() {
        assertThat(gateway(GatewayMode.LOCAL, null).publicWebSocketUrl("/media-stream/x"))
                .isEqualTo("ws://localhost:7860/media-stream/x");
        assertThat(gateway(GatewayMode.PRODUCTION, "voice.example.com").publicHttpUrl("/webhooks/status"))
                .isEqualTo("https://voice.example.com/webhooks/status");
        GatewayProperties forcedHttps = new GatewayProperties(GatewayMode.LOCAL, 7860, "tunnel.example.com", true,
                600, "memory", 500, "matthew", "p");
        assertThat(forcedHttps.publicWebSocketUrl("/m")).isEqualTo("wss://tunnel.example.com/m");
    }

    private static SettingsValidator production(String apiBaseUrl, SecurityProperties security) {
        return new SettingsValidator(gateway(GatewayMode.PRODUCTION, "voice.example.com"),
                new TwilioProperties("AC1", "t", "+15550001111", apiBaseUrl, true), "us-east-1", security);
    }

    private static SecurityProperties keys(String apiKeys, String adminKeys) {
        return new SecurityProperties(apiKeys, adminKeys, true, 10, 20, null);
    }

    @Test
    void productionNeedsApiKeysAndNamesTheSetting() {
        assertThat(String.join("\n", production("https://api.twilio.com", keys(null, " ")).problems()))
                .contains("API_KEYS (and ADMIN_API_KEYS for /ops/*) is required in production");
        assertThat(production("https://api.twilio.com", keys("k1-0123456789abcdef", null)).problems()).isEmpty();
        assertThat(production("https://api.twilio.com", keys(null, "admin-0123456789abcdef")).problems()).isEmpty();
    }

    @Test
    void productionRefusesShortKeys() {
        assertThat(String.join("\n", production("https://api.twilio.com", keys("short", null)).problems()))
                .contains("at least 16 characters");
    }

    @Test
    void productionSendsTwilioCredentialsOnlyToTwilio() {
        SecurityProperties ok = keys("k1-0123456789abcdef", null);
        assertThat(production("https://api.twilio.com", ok).problems()).isEmpty();
        assertThat(production("https://api.dublin.ie1.twilio.com", ok).problems()).isEmpty();
        for (String bad : new String[] {"http://api.twilio.com", "https://twilio.com.evil.example",
                "https://eviltwilio.com", "http://127.0.0.1:8080", "not a url"}) {
            assertThat(String.join("\n", production(bad, ok).problems())).as(bad).contains("TWILIO_API_BASE_URL");
        }
    }

    @Test
    void localModeAcceptsAnyTwilioBaseUrlAndNoKeys() {
        SettingsValidator local = new SettingsValidator(gateway(GatewayMode.LOCAL, null),
                new TwilioProperties(null, null, null, "http://127.0.0.1:9999", true), "us-east-1", keys(null, null));
        assertThat(local.problems()).isEmpty();
    }

    @Test
    void theGatewayFailsFastAtStartupInProductionWithoutApiKeys() {
        assertThatThrownBy(() -> new SpringApplicationBuilder(VoiceGatewayApplication.class)
                .run("--gateway.mode=production", "--twilio.account-sid=AC1", "--twilio.auth-token=t",
                        "--twilio.phone-number=+15550001111", "--gateway.public-host=voice.example.com",
                        "--security.api-keys=", "--security.admin-api-keys=", "--camel.main.run-controller=false",
                        "--gateway.port=" + io.voicegateway.GatewayTestSupport.freePort())
                .close())
                .hasStackTraceContaining("API_KEYS (and ADMIN_API_KEYS for /ops/*) is required in production");
    }
}
