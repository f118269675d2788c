package io.voicegateway.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.json.JsonObject;
import io.voicegateway.GatewayTestSupport;
import io.voicegateway.emulator.NovaEmulator;
import io.voicegateway.emulator.StreamRecord;
import io.voicegateway.media.TwilioStreamClient;
import io.voicegateway.nova.session.NovaSessions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Whole calls in local mode with tools: a Twilio-like caller (real Media Streams JSON) → gateway → emulated Nova
 * through the real SDK. The caller's keypad entry reaches the model as text; the emulator calls the tool it names
 * (here by position: "caller pressed 1" = current_time); the gateway runs the tool's route (lookup_order over
 * real HTTP against a local fake order service) and the result is spoken. Usage lands on the call record.
 */
class ToolRoutesTest extends GatewayTestSupport {

    private static final int ORDERS_PORT = freePort();
    private static Vertx vertx;
    private static HttpServer orders;
    private static final List<String> orderRequests = new CopyOnWriteArrayList<>();
    private final ObjectMapper mapper = new ObjectMapper();

    @Autowired
    private NovaSessions sessions;
    @Autowired
    private NovaEmulator emulator;
    @Autowired
    private org.apache.camel.CamelContext camel;

    @DynamicPropertySource
    static void tools(DynamicPropertyRegistry registry) {
        registry.add("ORDER_LOOKUP_ENABLED", () -> "true");
        registry.add("tools.order-api-url", () -> "http://127.0.0.1:" + ORDERS_PORT);
        registry.add("tools.timeout", () -> "1s");
        registry.add("tools.end-call-delay", () -> "200ms");
        registry.add("dtmf.pause", () -> "300ms");
        registry.add("GREETING", () -> "Greet the caller.");
    }

    /** The order service: 42 is shipped, "slow" answers after 3 s, "broken" is a 500. */
    @BeforeAll
    static void startOrders() throws Exception {
        vertx = Vertx.vertx();
        orders = vertx.createHttpServer().requestHandler(req -> req.body().onSuccess(body -> {
            orderRequests.add(req.method() + " " + req.path() + " " + body);
            String id = new JsonObject(body.toString()).getString("order_id", "");
            switch (id) {
                case "slow" -> vertx.setTimer(3000, t -> req.response().end("{\"status\":\"late\"}"));
                case "broken" -> req.response().setStatusCode(500).end("database down");
                default -> req.response().putHeader("Content-Type", "application/json")
                        .end(new JsonObject().put("order_id", id).put("status", "shipped").encode());
            }
        })).listen(ORDERS_PORT, "127.0.0.1").toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }

    @AfterAll
    static void stopOrders() {
        orders.close();
        vertx.close();
    }

    private record Live(String callId, TwilioStreamClient twilio, StreamRecord model) {
    }

    private Live connect() throws Exception {
        JsonNode call = mapper.readTree(postJson("/local/calls", "{}").body());
        String callId = call.get("call_id").asText();
        int before = emulator.streams().size();
        TwilioStreamClient twilio = new TwilioStreamClient(vertx, PORT, callId);
        twilio.start(call.get("token").asText());
        await().atMost(Duration.ofSeconds(10)).until(() -> emulator.streams().size() > before
                && sessions.callIds().contains(callId));
        StreamRecord model = emulator.streams().get(emulator.streams().size() - 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> !model.tools().isEmpty()); // promptStart has arrived
        return new Live(callId, twilio, model);
    }

    private JsonNode record(String callId) throws Exception {
        return mapper.readTree(get("/calls/" + callId).body());
    }

    /** The model's FINAL sentences on the call record. */
    private List<String> said(String callId) throws Exception {
        List<String> lines = new java.util.ArrayList<>();
        for (JsonNode entry : record(callId).get("transcript")) {
            if ("ASSISTANT".equals(entry.get("role").asText())) {
                lines.add(entry.get("text").asText());
            }
        }
        return lines;
    }

    private void awaitSaid(String callId, String prefix) {
        await().atMost(Duration.ofSeconds(15)).until(() -> said(callId).stream().anyMatch(s -> s.startsWith(prefix)));
    }

    @Test
    void aKeypadEntryReachesTheModelAsTextAndTheToolItAsksForIsRunAndSpoken() throws Exception {
        Live live = connect();
        try (TwilioStreamClient twilio = live.twilio()) {
            assertThat(live.model().tools()).containsExactly("current_time", "lookup_order", "end_call",
                    "transfer_call");
            twilio.dtmf("1");
            twilio.dtmf("#");

            awaitSaid(live.callId(), "current_time result: ");
            assertThat(live.model().userTexts()).contains("caller pressed 1");
            String result = live.model().toolResults().get(0);
            assertThat(mapper.readTree(result).get("time_zone").asText()).isEqualTo("UTC");
            assertThat(mapper.readTree(result).get("time").asText()).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d");
            assertThat(twilio.count("media")).isPositive();

            JsonNode usage = record(live.callId()).get("usage");
            assertThat(usage.get("total_tokens").asLong()).isPositive();
            assertThat(usage.get("output_speech_tokens").asLong()).isPositive();
            assertThat(usage.get("estimated_cost_usd").asDouble()).isPositive();
            String metrics = get("/metrics").body();
            assertThat(metrics).contains("gateway_tool_calls_total{outcome=\"ok\",tool=\"current_time\"}")
                    .contains("gateway_model_tokens_total{direction=\"output\",kind=\"speech\"}");
        }
    }

    @Test
    void httpToolsGiveUpLongBeforeCamelsThreeMinuteDefaults() {
        org.apache.camel.component.http.HttpComponent http =
                camel.getComponent("http", org.apache.camel.component.http.HttpComponent.class);
        assertThat(http.getConnectTimeout()).isEqualTo(2000);
        assertThat(http.getResponseTimeout()).isEqualTo(10000);
    }

    @Test
    void theGreetingMakesTheModelSpeakFirst() throws Exception {
        Live live = connect();
        try (TwilioStreamClient twilio = live.twilio()) {
            awaitSaid(live.callId(), "You said: Greet the caller.");
            assertThat(live.model().userTexts().get(0)).isEqualTo("Greet the caller.");
            await().atMost(Duration.ofSeconds(10)).until(() -> twilio.count("media") > 0);
        }
    }

    @Test
    void digitsWithoutHashAreSentAfterThePause() throws Exception {
        Live live = connect();
        try (TwilioStreamClient twilio = live.twilio()) {
            twilio.dtmf("7");
            twilio.dtmf("0");
            twilio.dtmf("4");
            await().atMost(Duration.ofSeconds(10)).until(() -> live.model().userTexts().contains("caller pressed 704"));
            assertThat(record(live.callId()).get("dtmf").asText()).isEqualTo("704");
        }
    }

    @Test
    void anOrderIsLookedUpOverHttpAndTheAnswerSpoken() throws Exception {
        Live live = connect();
        try (TwilioStreamClient twilio = live.twilio()) {
            sessions.sendText(live.callId(), "lookup_order {\"order_id\":\"42\"}");

            awaitSaid(live.callId(), "lookup_order result: ");
            assertThat(orderRequests).contains("POST /orders/lookup {\"order_id\":\"42\"}");
            assertThat(mapper.readTree(live.model().toolResults().get(0)).get("status").asText()).isEqualTo("shipped");
        }
    }

    @Test
    void aSlowServiceGivesATimeoutAndAFailingOneAnErrorTheModelSpeaksAbout() throws Exception {
        Live live = connect();
        try (TwilioStreamClient twilio = live.twilio()) {
            sessions.sendText(live.callId(), "lookup_order {\"order_id\":\"slow\"}");
            sessions.sendText(live.callId(), "lookup_order {\"order_id\":\"broken\"}");

            await().atMost(Duration.ofSeconds(15)).until(() -> live.model().toolResults().size() == 2);
            List<String> errors = live.model().toolResults().stream()
                    .map(r -> { try { return mapper.readTree(r).get("error").asText(); }
                        catch (Exception e) { throw new IllegalStateException(e); } }).toList();
            // broken answers at once, slow only after the 1 s tool timeout: both calls were open together
            assertThat(errors).containsExactly("failed", "timeout");
            awaitSaid(live.callId(), "lookup_order result: {\"error\":\"timeout\"");
            assertThat(record(live.callId()).get("ended_at").isNull()).isTrue();
        }
    }

    @Test
    void theEndCallToolHangsUpAfterTheGoodbye() throws Exception {
        Live live = connect();
        try (TwilioStreamClient twilio = live.twilio()) {
            twilio.dtmf("3");
            twilio.dtmf("#");

            await().atMost(Duration.ofSeconds(10)).until(() -> !record(live.callId()).get("ended_at").isNull());
            assertThat(record(live.callId()).get("end_reason").asText()).isEqualTo("ended_by_model");
            assertThat(live.model().toolResults().get(0)).contains("\"status\":\"ending\"");
        }
    }
}
