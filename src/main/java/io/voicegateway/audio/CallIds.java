package io.voicegateway.audio;

import org.apache.camel.Exchange;

/** Reads the {@link AudioHeaders#CALL_ID} header every per-call processor needs. */
final class CallIds {

    private CallIds() {
    }

    static String of(Exchange exchange) {
        String callId = exchange.getMessage().getHeader(AudioHeaders.CALL_ID, String.class);
        if (callId == null || callId.isEmpty()) {
            throw new IllegalArgumentException("Audio frame without a " + AudioHeaders.CALL_ID
                    + " header; the media-stream route must set it (exchange " + exchange.getExchangeId() + ")");
        }
        return callId;
    }
}
