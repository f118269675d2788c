package io.voicegateway.call;

import io.voicegateway.nova.NovaProperties;
import io.voicegateway.server.ApiException;
import io.voicegateway.server.ApiJson;
import io.voicegateway.server.CallAdmission;
import io.voicegateway.server.GatewayProperties;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

/**
 * {@code POST /local/calls} (local mode only): creates a call as Twilio's voice webhook would and returns the
 * stream URL and token, so the softphone and the simulator can play Twilio's part. 404 in production.
 */
@Component("localCallHandler")
public class LocalCallHandler implements Processor {

    private final CallRegistry calls;
    private final GatewayProperties gateway;
    private final ApiJson json;
    private final CallAdmission admission;
    private final NovaProperties nova;

    public LocalCallHandler(CallRegistry calls, GatewayProperties gateway, ApiJson json, CallAdmission admission,
                            NovaProperties nova) {
        this.nova = nova;
        this.calls = calls;
        this.gateway = gateway;
        this.json = json;
        this.admission = admission;
    }

    @Override
    public void process(Exchange exchange) {
        if (!gateway.isLocal()) {
            throw ApiException.notFound("not_found", "POST /local/calls exists only in local mode");
        }
        admission.admitNewCall();
        CallRequest request = CallRequest.local(json.readObject(exchange.getIn().getBody(String.class), true), gateway)
                .requireVoiceOf(nova.modelId());
        Call call = calls.create(new NewCall(CallDirection.LOCAL, "local", "gateway", request.voiceId(),
                request.systemPrompt()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("call_id", call.callId());
        body.put("stream_url", gateway.publicWebSocketUrl("/media-stream/" + call.callId()));
        body.put("token", call.streamToken());
        body.put("voice_id", call.voiceId());
        json.respond(exchange, 201, body);
    }
}
