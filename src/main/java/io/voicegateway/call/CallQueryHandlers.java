package io.voicegateway.call;

import io.voicegateway.server.ApiException;
import io.voicegateway.server.ApiJson;
import java.util.List;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.apache.camel.Processor;

/** {@code GET /calls} (active; {@code ?all=true} adds ended ones, newest first) and {@code GET /calls/{callId}}. */
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
}
