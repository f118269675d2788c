package io.voicegateway.twilio;

import com.twilio.security.RequestValidator;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.voicegateway.metrics.GatewayMetrics;
import io.voicegateway.server.ApiException;
import io.voicegateway.server.GatewayProperties;
import java.util.Map;
import java.util.TreeMap;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.platform.http.vertx.HttpMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * First step of every Twilio webhook route: collects the POST parameters and checks {@code X-Twilio-Signature}
 * with the Twilio SDK's {@link RequestValidator} against the PUBLIC URL (scheme from USE_HTTPS, host from
 * PUBLIC_HOST, path and query as received), so it works behind proxies that rewrite host and scheme.
 * Missing or wrong signature: 403, logged with the call id, never with the token.
 */
@Component("twilioSignatureCheck")
public class WebhookSignatureCheck implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookSignatureCheck.class);

    private final RequestValidator validator;
    private final GatewayProperties gateway;
    private final boolean enabled;
    private final GatewayMetrics metrics;

    public WebhookSignatureCheck(WebhookToken token, GatewayProperties gateway, TwilioProperties twilio,
                                 GatewayMetrics metrics) {
        this.validator = new RequestValidator(token.value());
        this.gateway = gateway;
        this.enabled = twilio.validateSignatures();
        this.metrics = metrics;
    }

    @Override
    public void process(Exchange exchange) {
        HttpServerRequest request = request(exchange);
        Map<String, String> params = formParams(request);
        exchange.setProperty(TwilioHeaders.PARAMS, params);
        if (!enabled) {
            return;
        }
        String url = gateway.publicHttpUrl(request.uri());
        String signature = request.getHeader(TwilioHeaders.SIGNATURE);
        String who = describe(exchange, params);
        if (signature == null || signature.isBlank()) {
            LOG.warn("Webhook {} refused: no X-Twilio-Signature ({})", request.path(), who);
            metrics.webhook("forged");
            throw new ApiException(403, "missing_signature", "X-Twilio-Signature header is required");
        }
        if (!validator.validate(url, params, signature)) {
            LOG.warn("Webhook {} refused: X-Twilio-Signature does not match {} ({})", request.path(), url, who);
            metrics.webhook("forged");
            throw new ApiException(403, "invalid_signature",
                    "X-Twilio-Signature does not match the request (checked against " + url + ")");
        }
    }

    static HttpServerRequest request(Exchange exchange) {
        if (exchange.getIn() instanceof HttpMessage http && http.getRequest() != null) {
            return http.getRequest();
        }
        throw new IllegalStateException("Twilio webhooks must come from the platform-http (Vert.x) endpoint");
    }

    private static Map<String, String> formParams(HttpServerRequest request) {
        MultiMap form = request.formAttributes();
        Map<String, String> params = new TreeMap<>();
        form.names().forEach(name -> params.put(name, form.get(name)));
        return params;
    }

    private static String describe(Exchange exchange, Map<String, String> params) {
        String callId = exchange.getIn().getHeader(TwilioHeaders.CALL_ID, String.class);
        return "call " + (callId != null ? callId : "-") + ", CallSid " + params.getOrDefault("CallSid", "-");
    }
}
