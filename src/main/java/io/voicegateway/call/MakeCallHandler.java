package io.voicegateway.call;

import io.voicegateway.nova.NovaProperties;
import io.voicegateway.security.DestinationAllowList;
import io.voicegateway.server.ApiException;
import io.voicegateway.server.ApiJson;
import io.voicegateway.server.CallAdmission;
import io.voicegateway.server.GatewayProperties;
import io.voicegateway.twilio.OutboundCallPlacer;
import io.voicegateway.twilio.OutboundCallPlacer.TwilioCallException;
import io.voicegateway.twilio.TwilioRestExecutor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

/**
 * {@code POST /make-call}: validates, creates the call, asks Twilio to dial. 201 with the call id and Twilio's
 * CallSid; 415 unless the body is JSON; 403 for a destination outside MAKE_CALL_ALLOWED_PREFIXES; 503 naming
 * missing Twilio settings; 502 with Twilio's code when Twilio refuses. The key check and rate limit run before
 * this (routes/call-api.camel.yaml).
 */
@Component("makeCallHandler")
public class MakeCallHandler implements Processor {

    private final CallRegistry calls;
    private final CallLifecycle lifecycle;
    private final OutboundCallPlacer twilio;
    private final GatewayProperties gateway;
    private final ApiJson json;
    private final CallAdmission admission;
    private final NovaProperties nova;
    private final DestinationAllowList destinations;

    public MakeCallHandler(CallRegistry calls, CallLifecycle lifecycle, OutboundCallPlacer twilio,
                           GatewayProperties gateway, ApiJson json, CallAdmission admission, NovaProperties nova,
                           DestinationAllowList destinations) {
        this.nova = nova;
        this.calls = calls;
        this.lifecycle = lifecycle;
        this.twilio = twilio;
        this.gateway = gateway;
        this.json = json;
        this.admission = admission;
        this.destinations = destinations;
    }

    @Override
    public void process(Exchange exchange) {
        json.requireJsonContent(exchange);
        CallRequest request = CallRequest.outbound(json.readObject(exchange.getIn().getBody(String.class), false), gateway)
                .requireVoiceOf(nova.modelId());
        destinations.check(request.to());
        admission.admitNewCall();
        List<String> missing = twilio.missingSettings();
        if (!missing.isEmpty()) {
            throw new ApiException(503, "twilio_not_configured",
                    "Outbound calls need Twilio settings; missing: " + String.join(", ", missing),
                    Map.of("missing_settings", missing));
        }
        Call call = calls.create(new NewCall(CallDirection.OUTBOUND, twilio.callerId(), request.to(),
                request.voiceId(), request.systemPrompt()));
        OutboundCallPlacer.Placed placed;
        try {
            placed = twilio.place(call.callId(), request.to());
        } catch (TwilioRestExecutor.Busy e) {
            lifecycle.end(call, "twilio_busy");
            throw new ApiException(503, "twilio_busy", "Too many Twilio requests in flight: " + e.getMessage(),
                    Map.of("call_id", call.callId()), Map.of("Retry-After", "5"));
        } catch (TwilioCallException e) {
            lifecycle.end(call, "twilio_error");
            Map<String, Object> details = new LinkedHashMap<>(e.details());
            details.put("call_id", call.callId());
            throw new ApiException(502, "twilio_error", "Twilio refused the call: " + e.getMessage(), details);
        }
        calls.bindTwilioCallSid(call, placed.callSid());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("call_id", call.callId());
        body.put("twilio_call_sid", placed.callSid());
        body.put("status", placed.status());
        json.respond(exchange, 201, body);
    }
}
