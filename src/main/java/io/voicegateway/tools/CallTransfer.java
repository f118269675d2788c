package io.voicegateway.tools;

import io.voicegateway.call.Call;
import io.voicegateway.call.CallLifecycle;
import io.voicegateway.metrics.GatewayMetrics;
import io.voicegateway.security.PhoneNumbers;
import io.voicegateway.twilio.OutboundCallPlacer;
import io.voicegateway.twilio.TwilioRestExecutor;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands a caller to a person: checks the call can be transferred (live, a Twilio call, an E.164 number), asks
 * Twilio to dial the number instead of our stream, records the attempt and its outcome on the call, and ends our
 * side of the call once Twilio took it over. Numbers are masked in logs. Used by the REST endpoint and the tool.
 */
public final class CallTransfer {

    private static final Logger LOG = LoggerFactory.getLogger(CallTransfer.class);
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    /** Why a transfer was not done: an HTTP status, a stable code and a sentence for people (and the model). */
    public static final class Refused extends RuntimeException {
        private final int status;
        private final String code;

        Refused(int status, String code, String message) {
            super(message);
            this.status = status;
            this.code = code;
        }

        public int status() {
            return status;
        }

        public String code() {
            return code;
        }
    }

    private final OutboundCallPlacer twilio;
    private final CallLifecycle lifecycle;
    private final GatewayMetrics metrics;

    public CallTransfer(OutboundCallPlacer twilio, CallLifecycle lifecycle, GatewayMetrics metrics) {
        this.twilio = twilio;
        this.lifecycle = lifecycle;
        this.metrics = metrics;
    }

    /** Transfers {@code call} to {@code to}; throws {@link Refused} saying why when it cannot. */
    public void transfer(Call call, String to) {
        if (to == null || !E164.matcher(to.trim()).matches()) {
            throw new Refused(400, "invalid_number", "The transfer target must be an E.164 number like +15551234567");
        }
        String target = to.trim();
        if (call.isEnded()) {
            throw new Refused(409, "call_ended", "Call " + call.callId() + " has already ended");
        }
        String callSid = call.twilioCallSid().orElseThrow(() -> new Refused(409, "not_a_twilio_call",
                "Call " + call.callId() + " is not a Twilio call (local softphone calls cannot be transferred)"));
        List<String> missing = twilio.missingSettings();
        if (!missing.isEmpty()) {
            throw new Refused(503, "twilio_not_configured",
                    "Transfers need Twilio settings; missing: " + String.join(", ", missing));
        }
        try {
            twilio.transfer(callSid, target);
        } catch (TwilioRestExecutor.Busy e) {
            throw new Refused(503, "twilio_busy", "Too many Twilio requests in flight: " + e.getMessage());
        } catch (OutboundCallPlacer.TwilioCallException e) {
            call.recordTransfer(target, false, (e.code() == null ? "" : "Twilio " + e.code() + ": ") + e.getMessage());
            metrics.transfer("failed");
            LOG.warn("Call {}: transfer to {} failed: {}", call.callId(), PhoneNumbers.mask(target), e.getMessage());
            throw new Refused(502, "twilio_error", "Twilio refused the transfer: " + e.getMessage());
        }
        call.recordTransfer(target, true, null);
        metrics.transfer("ok");
        LOG.info("Call {}: transferred to {}", call.callId(), PhoneNumbers.mask(target));
        lifecycle.end(call, "transferred");
    }
}
