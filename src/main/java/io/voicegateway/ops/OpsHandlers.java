package io.voicegateway.ops;

import io.voicegateway.call.CallRegistry;
import io.voicegateway.server.ApiJson;
import io.voicegateway.server.DrainState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.CamelContext;
import org.apache.camel.Processor;
import org.apache.camel.Route;
import org.apache.camel.api.management.ManagedCamelContext;
import org.apache.camel.api.management.mbean.ManagedRouteMBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The ops API over Camel management: {@code GET /ops/routes} (every route's state and exchange statistics, from
 * the same managed objects JMX shows), {@code POST /ops/drain} and {@code POST /ops/resume}.
 */
@Configuration(proxyBeanMethods = false)
public class OpsHandlers {

    @Bean("opsRoutesHandler")
    public Processor routes(CamelContext camel, ApiJson json) {
        return exchange -> {
            ManagedCamelContext managed = camel.getCamelContextExtension().getContextPlugin(ManagedCamelContext.class);
            List<Map<String, Object>> routes = new ArrayList<>();
            for (Route route : camel.getRoutes()) {
                Map<String, Object> r = new LinkedHashMap<>();
                r.put("id", route.getRouteId());
                r.put("from", route.getEndpoint().getEndpointBaseUri());
                r.put("state", camel.getRouteController().getRouteStatus(route.getRouteId()).name());
                ManagedRouteMBean stats = managed == null ? null : managed.getManagedRoute(route.getRouteId());
                if (stats != null) {
                    r.put("exchanges_total", stats.getExchangesTotal());
                    r.put("exchanges_failed", stats.getExchangesFailed());
                    r.put("exchanges_inflight", stats.getExchangesInflight());
                    r.put("mean_ms", stats.getMeanProcessingTime());
                    r.put("max_ms", stats.getMaxProcessingTime());
                }
                routes.add(r);
            }
            json.respond(exchange, 200, Map.of("routes", routes, "count", routes.size()));
        };
    }

    @Bean("opsDrainHandler")
    public Processor drain(DrainState drain, CallRegistry calls, ApiJson json) {
        return exchange -> {
            drain.drain();
            json.respond(exchange, 200, Map.of("state", "DRAINING", "active_calls", calls.activeCount()));
        };
    }

    @Bean("opsResumeHandler")
    public Processor resume(DrainState drain, CallRegistry calls, ApiJson json) {
        return exchange -> {
            drain.resume();
            json.respond(exchange, 200, Map.of("state", "UP", "active_calls", calls.activeCount()));
        };
    }
}
