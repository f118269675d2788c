package io.voicegateway.softphone;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.voicegateway.GatewayTestSupport;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The softphone over real HTTP in local mode (routes/softphone.camel.yaml): files, types, and 404s. */
class SoftphoneHttpTest extends GatewayTestSupport {

    private final ObjectMapper mapper = new ObjectMapper();

    private static String type(HttpResponse<String> response) {
        return response.headers().firstValue("Content-Type").orElse("");
    }

    @Test
    void theRootIsTheSoftphonePage() {
        HttpResponse<String> page = get("/");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(type(page)).isEqualTo("text/html; charset=utf-8");
        assertThat(page.body()).contains("/static/app.js", "/static/softphone.css");
    }

    @Test
    void scriptsAndStylesheetAreServedWithTheirContentTypes() {
        HttpResponse<String> script = get("/static/app.js");
        assertThat(script.statusCode()).isEqualTo(200);
        assertThat(type(script)).isEqualTo("text/javascript; charset=utf-8");
        assertThat(script.body()).contains("import");
        HttpResponse<String> css = get("/static/softphone.css");
        assertThat(css.statusCode()).isEqualTo(200);
        assertThat(type(css)).isEqualTo("text/css; charset=utf-8");
    }

    @Test
    void anUnknownFileIsA404JsonError() throws Exception {
        HttpResponse<String> missing = get("/static/missing.js");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(type(missing)).isEqualTo("application/json");
        assertThat(mapper.readTree(missing.body()).get("error").asText()).isEqualTo("not_found");
    }

    @Test
    void traversalNeverLeavesStatic() {
        // Encoded slashes reach the handler as one decoded name; it refuses any '..'.
        for (String path : new String[] {"/static/..%2Fapplication.yaml", "/static/..%2F..%2Fpom.xml",
                "/static/%2E%2E%2Froutes%2Fsoftphone.camel.yaml", "/static/application.yaml"}) {
            HttpResponse<String> response = rawGet(path);
            assertThat(response.statusCode()).as(path).isEqualTo(404);
            assertThat(response.body()).as(path).doesNotContain("gateway:", "<project", "softphoneHandler");
        }
        // Plain '../' segments are normalised away by the server before routing: never outside static/.
        HttpResponse<String> dotted = rawGet("/static/../static/../application.yaml");
        assertThat(dotted.statusCode()).isEqualTo(404);
        assertThat(dotted.body()).doesNotContain("gateway:");
        HttpResponse<String> up = rawGet("/static/..");
        assertThat(up.body()).as("/static/.. is / after normalisation").contains("/static/app.js");
    }

    /** java.net.http keeps the path exactly as written (URI.create does not normalise). */
    private HttpResponse<String> rawGet(String path) {
        return send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET());
    }
}
