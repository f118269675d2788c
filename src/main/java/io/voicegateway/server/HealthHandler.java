package io.voicegateway.server;

import io.voicegateway.call.CallRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.stereotype.Component;

/** {@code GET /health}: 200 UP; 503 DOWN naming the failing required check; 503 DRAINING while draining. */
@Component("healthHandler")
public class HealthHandler implements Processor {

    private final GatewayProperties gateway;
    private final CallRegistry calls;
    private final List<HealthCheck> checks;
    private final ApiJson json;
    private final String version;
    private final Instant started = Instant.now();
    private final DrainState drain;

    public HealthHandler(GatewayProperties gateway, CallRegistry calls, List<HealthCheck> checks, ApiJson json,
                         ObjectProvider<BuildProperties> build, DrainState drain) {
        this.drain = drain;
        this.gateway = gateway;
        this.calls = calls;
        this.checks = checks;
        this.json = json;
        BuildProperties props = build.getIfAvailable();
        this.version = props != null ? props.getVersion() : "dev";
    }

    @Override
    public void process(Exchange exchange) {
        Map<String, Object> results = new LinkedHashMap<>();
        boolean up = true;
        for (HealthCheck check : checks) {
            HealthCheck.Result r = check.check();
            results.put(check.name(), Map.of("status", r.up() ? "UP" : "DOWN", "detail", r.detail()));
            up &= r.up() || !check.required();
        }
        Map<String, Object> body = new LinkedHashMap<>();
        String status = !up ? "DOWN" : drain.isDraining() ? "DRAINING" : "UP";
        body.put("status", status);
        body.put("mode", gateway.mode().label());
        body.put("version", version);
        body.put("uptime_s", Duration.between(started, Instant.now()).toSeconds());
        body.put("active_calls", calls.activeCount());
        body.put("checks", results);
        json.respond(exchange, status.equals("UP") ? 200 : 503, body);
    }
}
