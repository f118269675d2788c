package io.voicegateway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** What the load tool reads from the gateway under test: {@code /metrics} and {@code GET /calls/{id}}. Blocking. */
final class GatewayProbe {

    private final URI baseUrl;
    private final String apiKey;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();

    /** @param apiKey sent as {@code Authorization: Bearer}; null or blank sends none */
    GatewayProbe(URI baseUrl, String apiKey) {
        this.baseUrl = baseUrl;
        this.apiKey = apiKey;
    }

    /** One scrape of /metrics; empty when the gateway does not answer (the run goes on without its figures). */
    PrometheusText scrape() {
        try {
            return PrometheusText.parse(get("/metrics"));
        } catch (IOException e) {
            return PrometheusText.empty();
        }
    }

    /** The gateway's count of inbound frames for one call ({@code stats.frames_in}); -1 when unknown. */
    long framesIn(String callId) {
        try {
            JsonNode stats = json.readTree(get("/calls/" + callId)).path("stats").path("frames_in");
            return stats.isNumber() ? stats.asLong() : -1;
        } catch (IOException e) {
            return -1;
        }
    }

    private String get(String path) throws IOException {
        HttpRequest.Builder builder = HttpRequest.newBuilder(baseUrl.resolve(path)).timeout(Duration.ofSeconds(10)).GET();
        if (apiKey != null && !apiKey.isBlank()) {
            builder.header("Authorization", "Bearer " + apiKey.trim());
        }
        HttpRequest request = builder.build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IOException("GET " + path + " answered " + response.statusCode()
                        + (response.statusCode() == 401 ? " (pass --api-key or set API_KEY)" : ""));
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
