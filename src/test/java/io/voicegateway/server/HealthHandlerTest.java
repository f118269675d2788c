package io.voicegateway.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.voicegateway.call.InMemoryCallRegistry;
import java.time.Clock;
import java.util.List;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.StaticListableBeanFactory;

/** /health is 503 DOWN naming the failing required check; an optional check that fails does not take it down. */
class HealthHandlerTest {

    private static HealthCheck check(String name, boolean up, boolean required) {
        return new HealthCheck() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public boolean required() {
                return required;
            }

            @Override
            public Result check() {
                return up ? Result.up("fine") : Result.down("connection refused");
            }
        };
    }

    private JsonNode health(List<HealthCheck> checks, DrainState drain, Exchange exchange) throws Exception {
        ApiJson json = new ApiJson();
        GatewayProperties gateway = new GatewayProperties(GatewayMode.LOCAL, 7860, null, null, 600, "memory", 10,
                "matthew", "p");
        new HealthHandler(gateway, new InMemoryCallRegistry(10, Clock.systemUTC()), checks, json,
                new StaticListableBeanFactory().getBeanProvider(org.springframework.boot.info.BuildProperties.class),
                drain).process(exchange);
        return json.mapper().readTree(exchange.getMessage().getBody(String.class));
    }

    @Test
    void aFailingRequiredCheckMakesHealth503DownNamingIt() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            Exchange exchange = new DefaultExchange(camel);
            JsonNode body = health(List.of(check("call_store", false, true), check("vad_model", true, true)),
                    new DrainState(), exchange);

            assertThat(exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(503);
            assertThat(body.get("status").asText()).isEqualTo("DOWN");
            assertThat(body.at("/checks/call_store/status").asText()).isEqualTo("DOWN");
            assertThat(body.at("/checks/call_store/detail").asText()).isEqualTo("connection refused");
            assertThat(body.at("/checks/vad_model/status").asText()).isEqualTo("UP");
        }
    }

    @Test
    void aFailingOptionalCheckIsReportedButHealthStaysUp() throws Exception {
        try (DefaultCamelContext camel = new DefaultCamelContext()) {
            Exchange exchange = new DefaultExchange(camel);
            JsonNode body = health(List.of(check("metrics_push", false, false)), new DrainState(), exchange);

            assertThat(exchange.getMessage().getHeader(Exchange.HTTP_RESPONSE_CODE)).isEqualTo(200);
            assertThat(body.get("status").asText()).isEqualTo("UP");
            assertThat(body.at("/checks/metrics_push/status").asText()).isEqualTo("DOWN");
        }
    }
}
