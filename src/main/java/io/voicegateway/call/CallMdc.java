package io.voicegateway.call;

import org.apache.camel.Exchange;
import org.apache.camel.NamedNode;
import org.apache.camel.Route;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;
import org.apache.camel.support.RoutePolicySupport;
import org.slf4j.MDC;
import org.springframework.stereotype.Component;

/**
 * Puts the call id (and stream sid, when the call has a media stream) in the logging MDC for every exchange
 * that carries one, on whatever thread runs it — Vert.x workers, model event threads — and takes them out when
 * the exchange is done, so every log line about a call names it (logback pattern {@code %X{callId}}).
 * A route policy for every route: camel-spring-boot picks up {@link RoutePolicyFactory} beans.
 */
@Component
public class CallMdc implements RoutePolicyFactory {

    public static final String CALL_ID = "callId";
    public static final String STREAM_SID = "streamSid";
    /** Headers that carry a call id: the path parameter of our routes, and the per-frame/model header. */
    private static final String[] CALL_ID_HEADERS = {"CallId", "callId"};

    private final CallRegistry calls;
    private final RoutePolicy policy = new Policy();

    public CallMdc(CallRegistry calls) {
        this.calls = calls;
    }

    @Override
    public RoutePolicy createRoutePolicy(org.apache.camel.CamelContext camelContext, String routeId, NamedNode route) {
        return policy;
    }

    /** Runs {@code action} with the call's ids in the MDC (for work outside routes, e.g. timers). */
    public static void with(String callId, String streamSid, Runnable action) {
        try (MDC.MDCCloseable c = MDC.putCloseable(CALL_ID, callId);
             MDC.MDCCloseable s = MDC.putCloseable(STREAM_SID, streamSid == null ? "" : streamSid)) {
            action.run();
        }
    }

    private final class Policy extends RoutePolicySupport {
        @Override
        public void onExchangeBegin(Route route, Exchange exchange) {
            String callId = null;
            for (String header : CALL_ID_HEADERS) {
                callId = exchange.getIn().getHeader(header, String.class);
                if (callId != null) {
                    break;
                }
            }
            if (callId != null) {
                MDC.put(CALL_ID, callId);
                calls.find(callId).flatMap(Call::streamSid).ifPresent(sid -> MDC.put(STREAM_SID, sid));
            }
        }

        @Override
        public void onExchangeDone(Route route, Exchange exchange) {
            MDC.remove(CALL_ID);
            MDC.remove(STREAM_SID);
        }
    }
}
