package io.voicegateway.call;

import io.voicegateway.server.ApiException;
import io.voicegateway.server.ApiJson;
import io.voicegateway.server.GatewayProperties;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.apache.camel.Processor;

/**
 * {@code GET /calls} (active; {@code ?all=true} adds ended ones, newest first) and {@code GET /calls/{callId}}
 * (both behind an API key), and {@code GET /local/calls/{callId}}: local mode only, one call's record for
 * whoever holds that call's stream token ({@code X-Call-Token}), which is how the softphone follows its call
 * without an API key.
 */
@Configuration(proxyBeanMethods = false)
public class CallQueryHandlers {

    @Bean("listCallsHandler")
    public Processor listCalls(CallRegistry calls, ApiJson json) {
        return exchange -> {
            boolean all = Boolean.parseBoolean(exchange.getIn().getHeader("all", "false", String.class));
            List<CallRecord> records = (all ? calls.all() : calls.active()).stream().map(Call::record).toList();
            json.respond(exchange, 200, Map.of("calls", records, "count", records.size()));
        };
    }

    @Bean("getCallHandler")
    public Processor getCall(CallRegistry calls, ApiJson json) {
        return exchange -> {
            String callId = exchange.getIn().getHeader("callId", String.class);
            Call call = calls.find(callId).orElseThrow(() ->
                    ApiException.notFound("unknown_call", "No call with id '" + callId + "'"));
            json.respond(exchange, 200, call.record());
        };
    }

    /** Header carrying the call's stream token on {@code GET /local/calls/{callId}}. */
    static final String CALL_TOKEN = "X-Call-Token";

    @Bean("localCallRecordHandler")
    public Processor localCallRecord(CallRegistry calls, ApiJson json, GatewayProperties gateway) {
        return exchange -> {
            String callId = exchange.getIn().getHeader("callId", String.class);
            String token = exchange.getIn().getHeader(CALL_TOKEN, "", String.class);
            if (!gateway.isLocal()) {
                throw ApiException.notFound("not_found", "GET /local/calls/{callId} exists only in local mode");
            }
            // an unknown call and a wrong token answer alike, so the endpoint tells nothing to a guesser
            Call call = calls.find(callId).filter(c -> c.hasStreamToken(token))
                    .orElseThrow(() -> ApiException.notFound("unknown_call",
                            "No call with id '" + callId + "' and that " + CALL_TOKEN));
            json.respond(exchange, 200, call.record());
        };
    }
}
