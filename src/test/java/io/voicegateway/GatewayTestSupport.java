package io.voicegateway;

import io.vertx.core.Vertx;
import io.voicegateway.audio.AudioFiles;
import io.voicegateway.cli.CallReport;
import io.voicegateway.cli.CallerAudio;
import io.voicegateway.cli.SimulatedCaller;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.DisableJmx;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

/**
 * Starts the whole gateway (real routes from routes/*.camel.yaml, real Vert.x server) on a free port and
 * talks to it over HTTP like Twilio or a user would. Subclasses add properties with @SpringBootTest.
 * {@link #get}, {@link #postJson} and {@link #send} carry {@link #ADMIN_KEY} as a Bearer API key, as an operator's
 * scripts would; {@link #sendWithKey} sends another key or none. Webhook posts ({@link #postForm}) carry no key,
 * as Twilio's don't.
 */
@CamelSpringBootTest
@DisableJmx(false) // as in production: Camel's MBeans back GET /ops/routes
@SpringBootTest(classes = VoiceGatewayApplication.class)
// Many tests share one context and place calls: only a test about the rate limit runs into it (a subclass's own
// @TestPropertySource overrides these; @DynamicPropertySource could not, the superclass's would win).
@TestPropertySource(properties = {
        "security.make-calls-per-key-per-minute=10000",
        "security.make-calls-per-address-per-minute=10000"})
public abstract class GatewayTestSupport {

    protected static final int PORT = freePort();
    /** Auth token the gateway checks webhook signatures against in tests. */
    public static final String AUTH_TOKEN = "test-auth-token-0123456789abcdef";
    /** API key with the admin role (everything, /ops/* included): what the helpers send by default. */
    public static final String ADMIN_KEY = "test-admin-key-0123456789abcdef";
    /** API key without the admin role: the call API only. */
    public static final String USER_KEY = "test-user-key-0123456789abcdef";

    protected final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @DynamicPropertySource
    static void gatewayPort(DynamicPropertyRegistry registry) {
        registry.add("gateway.port", () -> PORT);
        registry.add("twilio.auth-token", () -> AUTH_TOKEN);
        registry.add("metrics.summary-interval", () -> "1s"); // tests see summary lines within a short call
        registry.add("gateway.shutdown-grace-period", () -> "1s"); // tests leave idle calls behind
        // A build machine shared with other builds stalls for hundreds of ms at times: tests that are not about
        // overload must not see their calls declined or their frames dropped as stale (CallAdmissionTest,
        // QueueingDelayTest and OverloadAdmissionTest cover those).
        registry.add("overload.queue-delay-ms", () -> 0);
        registry.add("overload.model-lag-ms", () -> 0);
        registry.add("overload.stale-audio-ms", () -> 0);
        registry.add("security.api-keys", () -> USER_KEY);
        registry.add("security.admin-api-keys", () -> ADMIN_KEY);
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    protected String baseUrl() {
        return "http://localhost:" + PORT;
    }

    protected HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET());
    }

    /** GET with {@code key} as the Bearer API key; null sends no Authorization header. */
    protected HttpResponse<String> getWithKey(String path, String key) {
        return sendWithKey(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET(), key);
    }

    protected HttpResponse<String> postJson(String path, String json) {
        return postJsonWithKey(path, json, ADMIN_KEY);
    }

    /** POSTs JSON with {@code key} as the Bearer API key; null sends no Authorization header. */
    protected HttpResponse<String> postJsonWithKey(String path, String json, String key) {
        return sendWithKey(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)), key);
    }

    /** POSTs a form like Twilio does; {@code signature} null sends no X-Twilio-Signature header. */
    protected HttpResponse<String> postForm(String path, Map<String, String> params, String signature) {
        String body = params.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (signature != null) {
            request.header("X-Twilio-Signature", signature);
        }
        return sendWithKey(request, null);
    }

    /** Sends with the admin API key unless the request already has an Authorization header. */
    protected HttpResponse<String> send(HttpRequest.Builder request) {
        return sendWithKey(request, ADMIN_KEY);
    }

    /**
     * Sends with {@code key} as {@code Authorization: Bearer} (null: no key), unless the request already has an
     * Authorization header of its own.
     */
    protected HttpResponse<String> sendWithKey(HttpRequest.Builder request, String key) {
        HttpRequest built = request.timeout(Duration.ofSeconds(20)).build();
        if (key != null && built.headers().firstValue("Authorization").isEmpty()) {
            built = HttpRequest.newBuilder(built, (name, value) -> true).header("Authorization", "Bearer " + key).build();
        }
        try {
            return http.send(built, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /**
     * One whole simulated call against this gateway, as the {@code load} tool's caller makes it: the recording from
     * src/test/resources/audio, with the options' barge-in; waits up to 60 s for its report.
     */
    protected CallReport simulatedCall(String fixture, SimulatedCaller.Options options) throws Exception {
        Vertx vertx = Vertx.vertx();
        try {
            return new SimulatedCaller(vertx, URI.create(baseUrl()),
                    new CallerAudio(AudioFiles.read(Path.of("src/test/resources/audio", fixture))), options).run()
                    .toCompletionStage().toCompletableFuture().get(60, TimeUnit.SECONDS);
        } finally {
            vertx.close();
        }
    }

    /** One series' value in Prometheus text (the whole line's name and labels), or -1 when it is not there. */
    protected static double metricValue(String metrics, String series) {
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(series) + " ([0-9.Ee+-]+)$").matcher(metrics);
        return m.find() ? Double.parseDouble(m.group(1)) : -1;
    }
}
