package io.voicegateway.twilio;

import io.voicegateway.call.Call;
import io.voicegateway.call.CallLifecycle;
import io.voicegateway.call.CallRegistry;
import io.voicegateway.call.CallStatus;
import io.voicegateway.metrics.GatewayMetrics;
import io.voicegateway.server.ApiException;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Records Twilio status callbacks ({@code POST /webhooks/status}) on the call found by CallSid. Idempotent:
 * Twilio's retries and out-of-order callbacks never move a call backwards (see {@link CallStatus}).
 */
@Component("statusWebhook")
public class StatusWebhookHandler implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(StatusWebhookHandler.class);

    private final CallRegistry calls;
    private final CallLifecycle lifecycle;
    private final GatewayMetrics metrics;

    public StatusWebhookHandler(CallRegistry calls, CallLifecycle lifecycle, GatewayMetrics metrics) {
        this.calls = calls;
        this.lifecycle = lifecycle;
        this.metrics = metrics;
    }

    @Override
    @SuppressWarnings("unchecked")
    public void process(Exchange exchange) {
        Map<String, String> params = exchange.getProperty(TwilioHeaders.PARAMS, Map.of(), Map.class);
        String callSid = params.get("CallSid");
        if (callSid == null || callSid.isBlank()) {
            metrics.webhook("invalid");
            throw ApiException.badRequest("missing_parameter", "Status callback without CallSid");
        }
        CallStatus status = CallStatus.fromTwilio(params.get("CallStatus")).orElseThrow(() -> {
            metrics.webhook("invalid");
            return ApiException.badRequest("invalid_parameter", "Unknown CallStatus '" + params.get("CallStatus") + "'");
        });
        Call call = calls.findByTwilioCallSid(callSid).orElseThrow(() ->
                ApiException.notFound("unknown_call", "No call with CallSid " + callSid));
        metrics.webhook("ok");
        boolean recorded = call.advanceStatus(status, parseDuration(params.get("CallDuration")));
        LOG.info("Call {} (CallSid {}): status {}{}", call.callId(), callSid, status.word(),
                recorded ? "" : " ignored (repeat or older than " + call.status().word() + ")");
        if (status.isFinal()) {
            lifecycle.ended(call, status.word());
        }
        exchange.getMessage().removeHeaders("*");
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, 204);
        exchange.getMessage().setBody(null);
    }

    private static Integer parseDuration(String value) {
        try {
            return value == null ? null : Integer.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
