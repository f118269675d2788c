package io.voicegateway.tools;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.voicegateway.call.Call;
import io.voicegateway.call.CallLifecycle;
import io.voicegateway.call.CallRegistry;
import io.voicegateway.metrics.GatewayMetrics;
import io.voicegateway.server.ApiException;
import io.voicegateway.server.ApiJson;
import io.voicegateway.twilio.OutboundCallPlacer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Processors acting on a call: {@code POST /calls/{callId}/transfer} ({@code transferHandler}), and the
 * {@code transferTool} and {@code endCallTool} the example tool routes call (header CallId, body the model's
 * input; they answer JSON the model can speak about, errors included).
 */
@Configuration(proxyBeanMethods = false)
public class CallToolHandlers {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Bean
    public CallTransfer callTransfer(OutboundCallPlacer twilio, CallLifecycle lifecycle, GatewayMetrics metrics) {
        return new CallTransfer(twilio, lifecycle, metrics);
    }

    /** 200 with the call's transfer record; 400/404/409/502/503 with the API's error body saying why not. */
    @Bean("transferHandler")
    public Processor transferHandler(CallRegistry calls, CallTransfer transfer, ApiJson json) {
        return exchange -> {
            String callId = exchange.getIn().getHeader("callId", String.class);
            Call call = calls.find(callId).orElseThrow(() ->
                    ApiException.notFound("unknown_call", "No call with id '" + callId + "'"));
            String to = json.readObject(exchange.getIn().getBody(String.class), false).path("to").asText(null);
            try {
                transfer.transfer(call, to);
            } catch (CallTransfer.Refused e) {
                throw new ApiException(e.status(), e.code(), e.getMessage(), Map.of("call_id", callId));
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("call_id", callId);
            body.put("transfer", call.record().transfer());
            json.respond(exchange, 200, body);
        };
    }

    /** Transfers the caller to tools.transfer-number (never to a number the model makes up). */
    @Bean("transferTool")
    public Processor transferTool(CallRegistry calls, CallTransfer transfer, ToolsProperties tools) {
        return exchange -> {
            Call call = call(exchange, calls);
            String target = tools.transferNumber();
            if (target == null || target.isBlank()) {
                reply(exchange, ToolCalls.error("not_configured", "No transfer number is configured"));
                return;
            }
            try {
                transfer.transfer(call, target);
                reply(exchange, MAPPER.createObjectNode().put("status", "transferred").toString());
            } catch (CallTransfer.Refused e) {
                reply(exchange, ToolCalls.error(e.code(), e.getMessage()));
            }
        };
    }

    /** Ends the call after tools.end-call-delay, so the model's goodbye is heard first. */
    @Bean("endCallTool")
    public Processor endCallTool(CallRegistry calls, CallLifecycle lifecycle, ToolsProperties tools) {
        return exchange -> {
            Call call = call(exchange, calls);
            long delay = tools.endCallDelay().toMillis();
            CompletableFuture.delayedExecutor(delay, TimeUnit.MILLISECONDS)
                    .execute(() -> lifecycle.end(call, "ended_by_model"));
            reply(exchange, MAPPER.createObjectNode().put("status", "ending")
                    .put("message", "The call ends in " + Math.max(1, delay / 1000) + " seconds; say goodbye now.")
                    .toString());
        };
    }

    private static Call call(Exchange exchange, CallRegistry calls) {
        String callId = exchange.getIn().getHeader(ToolHeaders.CALL_ID, String.class);
        return calls.find(callId).orElseThrow(() -> new IllegalStateException("no call " + callId));
    }

    private static void reply(Exchange exchange, String json) {
        exchange.getMessage().setBody(json);
    }
}
