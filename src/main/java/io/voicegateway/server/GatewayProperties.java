package io.voicegateway.server;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code gateway.*} settings (config/application.yaml documents each key).
 *
 * @param publicHost host[:port] Twilio reaches us on; empty in local mode means {@code localhost:port}
 * @param useHttps   null means "by mode": true in production, false in local mode
 */
@ConfigurationProperties(prefix = "gateway")
public record GatewayProperties(
        @DefaultValue("local") GatewayMode mode,
        @DefaultValue("7860") int port,
        String publicHost,
        Boolean useHttps,
        @DefaultValue("600") int maxConvoSecs,
        @DefaultValue("memory") String callStore,
        @DefaultValue("500") int endedCallsRetained,
        @DefaultValue("matthew") String defaultVoiceId,
        @DefaultValue("You are a friendly assistant on a phone call.") String defaultSystemPrompt) {

    public boolean isLocal() {
        return mode == GatewayMode.LOCAL;
    }

    public String effectivePublicHost() {
        if (publicHost != null && !publicHost.isBlank()) {
            return publicHost.trim();
        }
        return isLocal() ? "localhost:" + port : "";
    }

    public boolean effectiveUseHttps() {
        return useHttps != null ? useHttps : !isLocal();
    }

    /** Public http(s) URL for a path such as {@code /webhooks/status}; what Twilio calls and signs. */
    public String publicHttpUrl(String pathAndQuery) {
        return (effectiveUseHttps() ? "https://" : "http://") + effectivePublicHost() + pathAndQuery;
    }

    /** Public ws(s) URL for a path such as {@code /media-stream/abc}. */
    public String publicWebSocketUrl(String path) {
        return (effectiveUseHttps() ? "wss://" : "ws://") + effectivePublicHost() + path;
    }
}
