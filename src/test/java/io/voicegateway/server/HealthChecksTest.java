package io.voicegateway.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.voicegateway.GatewayTestSupport;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/** The running gateway's /health reports the real checks: the model endpoint answers, the VAD session infers. */
class HealthChecksTest extends GatewayTestSupport {

    @Test
    void healthReportsTheModelAndTheVadSessionUp() throws Exception {
        HttpResponse<String> response = get("/health");
        JsonNode body = new ObjectMapper().readTree(response.body());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(body.at("/checks/model/status").asText()).isEqualTo("UP");
        assertThat(body.at("/checks/model/detail").asText()).contains("accepts connections");
        assertThat(body.at("/checks/vad_model/status").asText()).isEqualTo("UP");
    }
}
