package io.voicegateway.media;

import io.vertx.core.Vertx;
import io.voicegateway.call.Call;
import io.voicegateway.call.CallLifecycle;
import io.voicegateway.call.CallMdc;
import io.voicegateway.server.GatewayProperties;
import io.voicegateway.twilio.OutboundCallPlacer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Ends a conversation after {@code MAX_CONVO_SECS}: in production the call is hung up through Twilio's REST
 * API (off the event loop); in every mode the stream is closed and the reason {@code max_duration} recorded.
 */
@Component
public class ConversationLimit {

    private static final Logger LOG = LoggerFactory.getLogger(ConversationLimit.class);
    static final String REASON = "max_duration";

    private final Vertx vertx;
    private final GatewayProperties gateway;
    private final CallLifecycle lifecycle;
    private final OutboundCallPlacer twilio;

    public ConversationLimit(Vertx vertx, GatewayProperties gateway, CallLifecycle lifecycle, OutboundCallPlacer twilio) {
        this.vertx = vertx;
        this.gateway = gateway;
        this.lifecycle = lifecycle;
        this.twilio = twilio;
    }

    /** Starts the call's clock. */
    void start(MediaCall media) {
        media.timerId(vertx.setTimer(gateway.maxConvoSecs() * 1000L,
                id -> CallMdc.with(media.callId(), media.streamSid(), () -> expire(media))));
    }

    private void expire(MediaCall media) {
        LOG.info("Call {} (stream {}): MAX_CONVO_SECS={} reached, ending the conversation", media.callId(),
                media.streamSid(), gateway.maxConvoSecs());
        endCall(media.call(), REASON);
    }

    /** Ends a call on our side with {@code reason}; in production also hangs it up through Twilio (off the loop). */
    void endCall(Call call, String reason) {
        String callSid = call.twilioCallSid().orElse(null);
        if (!gateway.isLocal() && callSid != null) {
            // on Twilio's own REST threads: a slow Twilio must not hold a worker that media frames need
            twilio.hangUpAsync(callSid).exceptionally(e -> {
                LOG.warn("Call {}: hanging up CallSid {} through Twilio failed: {}", call.callId(), callSid,
                        e.getMessage());
                return null;
            });
        }
        lifecycle.end(call, reason);
    }
}
