package io.voicegateway.server;

import java.util.LinkedHashMap;
import io.voicegateway.metrics.GatewayMetrics;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Turns the exception caught by routes/error-handling.camel.yaml into the API's JSON error body. Unexpected
 * exceptions become a 500 without internals (they are logged here with the route and exchange id).
 */
@Component("apiErrorResponder")
public class ApiErrorResponder implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrorResponder.class);

    /** Refusals by the API's guards, counted in gateway_api_refused_total{reason}. */
    private final ApiJson json;
    private final GatewayMetrics metrics;

    public ApiErrorResponder(ApiJson json, GatewayMetrics metrics) {
        this.json = json;
        this.metrics = metrics;
    }

    @Override
    public void process(Exchange exchange) {
        Throwable caught = exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Throwable.class);
        Map<String, Object> body = new LinkedHashMap<>();
        int status;
        Map<String, String> headers = Map.of();
        if (caught instanceof ApiException api) {
            status = api.status();
            headers = api.headers();
            if (GatewayMetrics.API_REFUSAL_REASONS.contains(api.error())) {
                metrics.apiRefused(api.error());
            }
            body.put("error", api.error());
            body.put("message", api.getMessage());
            body.putAll(api.details());
            LOG.info("{} {} -> {} {}: {}", method(exchange), path(exchange), status, api.error(), api.getMessage());
        } else {
            status = 500;
            body.put("error", "internal_error");
            body.put("message", "Internal error; see the gateway log for exchange " + exchange.getExchangeId());
            LOG.error("{} {} failed (exchange {})", method(exchange), path(exchange), exchange.getExchangeId(), caught);
        }
        json.respond(exchange, status, body);
        headers.forEach(exchange.getMessage()::setHeader);
    }

    private static String method(Exchange exchange) {
        return exchange.getMessage().getHeader(Exchange.HTTP_METHOD, "", String.class);
    }

    private static String path(Exchange exchange) {
        return exchange.getMessage().getHeader(Exchange.HTTP_PATH, "", String.class);
    }
}
