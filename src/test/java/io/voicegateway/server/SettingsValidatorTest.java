package io.voicegateway.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voicegateway.VoiceGatewayApplication;
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
}
