package io.voicegateway.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.voicegateway.GatewayTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** MAX_CONVO_SECS ends the conversation: in local mode the gateway closes the stream and records why. */
@SpringBootTest(properties = "gateway.max-convo-secs=2")
class ConversationLimitTest extends GatewayTestSupport {

    @Test
    void theStreamIsClosedWhenTheConversationReachesItsLimit() throws Exception {
        ObjectMapper mapper = new ObjectMapper();
        JsonNode call = mapper.readTree(postJson("/local/calls", "{}").body());
        String callId = call.get("call_id").asText();
        Vertx vertx = Vertx.vertx();
        try (TwilioStreamClient twilio = new TwilioStreamClient(vertx, PORT, callId)) {
            twilio.start(call.get("token").asText());
            long started = System.nanoTime();
            assertThat(twilio.awaitClose(15)).isEqualTo((short) 1000);
            assertThat(System.nanoTime() - started).isGreaterThanOrEqualTo(1_900_000_000L);
        } finally {
            vertx.close();
        }
        JsonNode record = mapper.readTree(get("/calls/" + callId).body());
        assertThat(record.get("end_reason").asText()).isEqualTo("max_duration");
        assertThat(record.get("status").asText()).isEqualTo("completed");
    }
}
