package io.voicegateway.twilio;

import io.voicegateway.call.Call;
import io.voicegateway.call.CallDirection;
import io.voicegateway.call.CallRegistry;
import io.voicegateway.call.CallStatus;
import io.voicegateway.call.NewCall;
import io.voicegateway.metrics.GatewayMetrics;
import io.voicegateway.security.PhoneNumbers;
import io.voicegateway.server.CallAdmission;
import io.voicegateway.server.GatewayProperties;
import java.util.Map;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Answers Twilio's voice webhook with TwiML that connects the call to our media-stream WebSocket.
 * {@code /webhooks/voice/{callId}}: a call we placed; {@code /webhooks/voice}: an inbound call, created here.
 * Works from memory only (no network call), well inside Twilio's 15 s webhook timeout.
 */
@Component("voiceWebhook")
public class VoiceWebhookHandler implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(VoiceWebhookHandler.class);
    static final String UNKNOWN_CALL_APOLOGY = "Sorry, this call cannot be connected. Goodbye.";
    /** Said to new callers we decline (draining, at MAX_CONCURRENT_CALLS, or overloaded) before hanging up. */
    static final String DRAINING_APOLOGY = "Sorry, we cannot take your call right now. Please call again in a moment.";

    private final CallRegistry calls;
    private final GatewayProperties gateway;
    private final GatewayMetrics metrics;
    private final CallAdmission admission;

    public VoiceWebhookHandler(CallRegistry calls, GatewayProperties gateway, GatewayMetrics metrics,
                               CallAdmission admission) {
        this.calls = calls;
        this.gateway = gateway;
        this.metrics = metrics;
        this.admission = admission;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void process(Exchange exchange) {
        Map<String, String> params = exchange.getProperty(TwilioHeaders.PARAMS, Map.of(), Map.class);
        String callId = exchange.getIn().getHeader(TwilioHeaders.CALL_ID, String.class);
        String declined = callId == null ? admission.declineReason() : null; // calls we placed are already admitted
        if (declined != null) {
            LOG.info("Inbound call (CallSid {}) declined: {}", params.getOrDefault("CallSid", "-"), declined);
            respond(exchange, Twiml.sayAndHangUp(DRAINING_APOLOGY));
            return;
        }
        Optional<Call> call = callId == null ? Optional.of(createInbound(params)) : calls.find(callId);
        String twiml;
        if (call.isEmpty() || call.get().isEnded()) {
            LOG.warn("Voice webhook for unknown or ended call {} (CallSid {}): answering with an apology",
                    callId, params.getOrDefault("CallSid", "-"));
            twiml = Twiml.sayAndHangUp(UNKNOWN_CALL_APOLOGY);
        } else {
            twiml = connect(call.get(), params);
        }
        metrics.webhook("ok");
        respond(exchange, twiml);
    }

    private static void respond(Exchange exchange, String twiml) {
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "text/xml");
        exchange.getMessage().setBody(twiml);
    }

    private String connect(Call call, Map<String, String> params) {
        String callSid = params.get("CallSid");
        if (callSid != null && call.twilioCallSid().isEmpty()) {
            calls.bindTwilioCallSid(call, callSid);
        }
        CallStatus.fromTwilio(params.get("CallStatus")).ifPresent(s -> call.advanceStatus(s, null));
        String url = gateway.publicWebSocketUrl("/media-stream/" + call.callId());
        LOG.info("Call {} (CallSid {}): connecting media stream {}", call.callId(), callSid, url);
        return Twiml.connectStream(url, call.streamToken());
    }

    private Call createInbound(Map<String, String> params) {
        Call call = calls.create(new NewCall(CallDirection.INBOUND, params.get("From"), params.get("To"),
                gateway.defaultVoiceId(), gateway.defaultSystemPrompt()));
        LOG.info("Inbound call {} from {} to {}", call.callId(), PhoneNumbers.mask(params.get("From")),
                PhoneNumbers.mask(params.get("To")));
        return call;
    }
}
