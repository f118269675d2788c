package io.voicegateway.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.voicegateway.GatewayTestSupport;
import io.voicegateway.cli.CallReport;
import io.voicegateway.cli.CallerAudio;
import io.voicegateway.cli.CallerAudioSamples;
import io.voicegateway.cli.SimulatedCaller;
import io.voicegateway.twilio.TwilioSignature;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The Grafana dashboard (config/grafana/dashboards/voice-gateway.json) against the real gateway: after one
 * call with a barge-in, a signed and a forged webhook, a refused stream and a malformed frame (so every tagged
 * counter exists), every series a panel or variable queries is in {@code GET /metrics}; and every panel reads
 * the datasource Grafana is provisioned with.
 */
class DashboardMetricsTest extends GatewayTestSupport {

    private static final Path DASHBOARD = Path.of("config/grafana/dashboards/voice-gateway.json");
    private static final Path DATASOURCES = Path.of("config/grafana/provisioning/datasources/prometheus.yml");
    private static Vertx vertx;
    private final ObjectMapper mapper = new ObjectMapper();

    @BeforeAll
    static void vertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void close() {
        vertx.close();
    }

    @Test
    void everySeriesTheDashboardQueriesIsExposedOnMetrics() throws Exception {
        Set<String> queried = queriedSeries(mapper.readTree(DASHBOARD.toFile()));
        assertThat(queried).as("the extraction found the dashboard's queries")
                .contains("gateway_frame_processing_seconds_bucket", "gateway_bargeins_total", "camel_exchanges_total",
                        "jvm_memory_used_bytes")
                .doesNotContain("instance", "le", "rate", "sum");

        callWithBargeIn();
        webhooks();
        refusedStreamAndMalformedFrame();

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500)).untilAsserted(() ->
                assertThat(exposedSeries(get("/metrics").body())).containsAll(queried));
    }

    @Test
    void everyPanelReadsTheProvisionedPrometheusDatasource() throws Exception {
        String uid = provisionedDatasourceUid();
        JsonNode dashboard = mapper.readTree(DASHBOARD.toFile());
        List<JsonNode> references = dashboard.findValues("datasource");

        assertThat(uid).isNotBlank();
        assertThat(references).hasSizeGreaterThan(20);
        assertThat(references).allSatisfy(ds -> {
            assertThat(ds.path("uid").asText()).isEqualTo(uid);
            assertThat(ds.path("type").asText()).isEqualTo("prometheus");
        });
    }

    @Test
    void everyPanelHasATitleAndEveryQueryAnExpression() throws Exception {
        JsonNode panels = mapper.readTree(DASHBOARD.toFile()).get("panels");

        assertThat(panels).isNotEmpty();
        for (JsonNode panel : panels) {
            assertThat(panel.path("title").asText()).as("panel %s", panel.get("id")).isNotBlank();
            if (!"row".equals(panel.path("type").asText())) {
                assertThat(panel.path("targets")).as(panel.path("title").asText()).isNotEmpty();
                panel.path("targets").forEach(t -> assertThat(t.path("expr").asText()).isNotBlank());
            }
        }
    }

    static Set<String> queriedSeries(JsonNode dashboard) {
        Set<String> names = new TreeSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            panel.path("targets").forEach(t -> names.addAll(PromQlNames.of(t.path("expr").asText())));
        }
        for (JsonNode variable : dashboard.path("templating").path("list")) {
            JsonNode query = variable.path("query");
            names.addAll(PromQlNames.ofVariableQuery(query.isObject() ? query.path("query").asText() : query.asText()));
        }
        return names;
    }

    /** Series names in Prometheus text format: the name before the labels or the value, comments skipped. */
    static Set<String> exposedSeries(String metrics) {
        return metrics.lines().filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> l.split("[{ ]", 2)[0]).collect(Collectors.toCollection(TreeSet::new));
    }

    @SuppressWarnings("unchecked")
    private static String provisionedDatasourceUid() throws Exception {
        try (InputStream in = Files.newInputStream(DATASOURCES)) {
            Map<String, Object> yaml = new Yaml().load(in);
            List<Map<String, Object>> datasources = (List<Map<String, Object>>) yaml.get("datasources");
            assertThat(datasources).hasSize(1);
            return String.valueOf(datasources.get(0).get("uid"));
        }
    }

    private void callWithBargeIn() throws Exception {
        CallReport report = new SimulatedCaller(vertx, URI.create(baseUrl()),
                new CallerAudio(CallerAudioSamples.defaultUtterance()), new SimulatedCaller.Options(400, 40_000))
                .run().toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        assertThat(report.error()).isNull();
        assertThat(report.clears()).as("the barge-in cleared Twilio's buffer").isGreaterThanOrEqualTo(1);
    }

    private void webhooks() throws Exception {
        String path = "/webhooks/voice/" + localCall().get("call_id").asText();
        Map<String, String> params = Map.of("CallSid", "CA-dashboard", "CallStatus", "ringing");
        String url = baseUrl() + path;
        assertThat(postForm(path, params, TwilioSignature.sign(AUTH_TOKEN, url, params)).statusCode()).isEqualTo(200);
        assertThat(postForm(path, params, TwilioSignature.sign("forged-token", url, params)).statusCode())
                .isEqualTo(403);
    }

    private void refusedStreamAndMalformedFrame() throws Exception {
        try {
            connect("no-such-call").close();
        } catch (ExecutionException e) {
            // refused: the gateway may close the socket before the client has finished the upgrade
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> get("/metrics").body()
                .contains("gateway_websocket_refused_total{reason=\"unknown_call\"}"));

        ClientWebSocket stream = connect(localCall().get("call_id").asText());
        stream.writeTextMessage("{not json").toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(5)).until(() -> get("/metrics").body()
                .contains("gateway_frames_dropped_total{reason=\"malformed\"}"));
        stream.close();
    }

    private JsonNode localCall() throws Exception {
        return mapper.readTree(postJson("/local/calls", "{}").body());
    }

    private static ClientWebSocket connect(String callId) throws Exception {
        ClientWebSocket socket = vertx.createWebSocketClient().webSocket();
        socket.connect(new WebSocketConnectOptions().setHost("localhost").setPort(PORT).setURI("/media-stream/" + callId))
                .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        return socket;
    }
}
