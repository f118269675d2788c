package io.voicegateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.voicegateway.GatewayTestSupport;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.TestPropertySource;

/**
 * The stricter settings an operator can choose, over real HTTP: /metrics behind a key (METRICS_PUBLIC=false)
 * and small /make-call rate limits per key and per source address (every request here comes from 127.0.0.1).
 */
@TestPropertySource(properties = {
        "security.metrics-public=false",
        "security.make-calls-per-key-per-minute=3",
        "security.make-calls-per-address-per-minute=5"})
class ApiLimitsTest extends GatewayTestSupport {

    private static final String CALL = "{\"to\":\"+14155550100\"}";
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void metricsNeedAKeyWhenNotPublic() {
        assertThat(getWithKey("/metrics", null).statusCode()).isEqualTo(401);
        assertThat(getWithKey("/metrics", "wrong-key-0000000000000000").statusCode()).isEqualTo(401);
        HttpResponse<String> scraped = getWithKey("/metrics", USER_KEY);
        assertThat(scraped.statusCode()).isEqualTo(200);
        assertThat(scraped.body()).contains("# TYPE");
    }

    @Test
    void makeCallIsLimitedPerKeyThenPerAddressWith429AndRetryAfter() throws Exception {
        for (int i = 0; i < 10; i++) {
            // refused before the limiter: guessing keys does not use up the address's calls
            assertThat(postJsonWithKey("/make-call", CALL, "wrong-key-0000000000000000").statusCode()).isEqualTo(401);
        }
        for (int i = 0; i < 3; i++) {
            // allowed through the limit; local mode without Twilio then answers 503
            assertThat(postJsonWithKey("/make-call", CALL, USER_KEY).statusCode()).isEqualTo(503);
        }
        HttpResponse<String> perKey = postJsonWithKey("/make-call", CALL, USER_KEY);
        assertThat(perKey.statusCode()).isEqualTo(429);
        long retryAfter = Long.parseLong(perKey.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 20L); // 3 a minute: a token is back within 20 s
        JsonNode body = mapper.readTree(perKey.body());
        assertThat(body.get("error").asText()).isEqualTo("rate_limited");
        assertThat(body.get("message").asText()).contains("API key", "MAKE_CALL_RATE_PER_KEY");
        assertThat(body.get("retry_after_s").asLong()).isEqualTo(retryAfter);

        // another key from the same address: the address has 2 of its 5 left
        assertThat(postJsonWithKey("/make-call", CALL, ADMIN_KEY).statusCode()).isEqualTo(503);
        assertThat(postJsonWithKey("/make-call", CALL, ADMIN_KEY).statusCode()).isEqualTo(503);
        HttpResponse<String> perAddress = postJsonWithKey("/make-call", CALL, ADMIN_KEY);
        assertThat(perAddress.statusCode()).isEqualTo(429);
        assertThat(perAddress.headers().firstValue("Retry-After")).isPresent();
        assertThat(mapper.readTree(perAddress.body()).get("message").asText())
                .contains("source address", "MAKE_CALL_RATE_PER_ADDRESS");
    }

}
