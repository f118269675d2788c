package io.voicegateway.call;

/** Who started the call: we dialled out (REST), Twilio brought it in, or a local softphone/simulator made it. */
public enum CallDirection {
    OUTBOUND, INBOUND, LOCAL;

    public String label() {
        return name().toLowerCase();
    }
}
