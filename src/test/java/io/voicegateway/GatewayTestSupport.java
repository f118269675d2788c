package io.voicegateway;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.camel.test.spring.junit5.CamelSpringBootTest;
import org.apache.camel.test.spring.junit5.DisableJmx;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Starts the whole gateway (real routes from routes/*.camel.yaml, real Vert.x server) on a free port and
 * talks to it over HTTP like Twilio or a user would. Subclasses add properties with @SpringBootTest.
 */
@CamelSpringBootTest
@DisableJmx(false) // as in production: Camel's MBeans back GET /ops/routes
@SpringBootTest(classes = VoiceGatewayApplication.class)
public abstract class GatewayTestSupport {

    protected static final int PORT = freePort();
    /** Auth token the gateway checks webhook signatures against in tests. */
    public static final String AUTH_TOKEN = "test-auth-token-0123456789abcdef";

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
        registry.add("overload.stale-audio-ms", () -> 0);
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

    protected HttpResponse<String> postJson(String path, String json) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
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
        return send(request);
    }

    protected HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.ofString());
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
}
