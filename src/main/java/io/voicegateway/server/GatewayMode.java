package io.voicegateway.server;

/** How the gateway runs: {@code local} needs no accounts, {@code production} talks to real Twilio and Bedrock. */
public enum GatewayMode {
    LOCAL, PRODUCTION;

    public String label() {
        return name().toLowerCase();
    }
}
