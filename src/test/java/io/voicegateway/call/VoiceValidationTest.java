package io.voicegateway.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.voicegateway.GatewayTestSupport;
import io.voicegateway.server.ApiException;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * A call is never created with a voice the configured model lacks (it would open no model session: a silent
 * call): the call-creating APIs answer 400 naming the voice and the model (default model here: Nova 2).
 */
class VoiceValidationTest extends GatewayTestSupport {

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void aV1OnlyVoiceWithNova2Is400OnLocalCalls() throws Exception {
        HttpResponse<String> response = postJson("/local/calls", "{\"voice_id\":\"greta\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        JsonNode body = mapper.readTree(response.body());
        assertThat(body.toString()).contains("invalid_voice").contains("greta").contains("amazon.nova-2-sonic-v1:0");
    }

    @Test
    void aV1OnlyVoiceWithNova2Is400OnMakeCall() throws Exception {
        HttpResponse<String> response = postJson("/make-call", "{\"to\":\"+14155550100\",\"voice_id\":\"greta\"}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("invalid_voice").contains("greta").contains("amazon.nova-2-sonic-v1:0");
    }

    @Test
    void aVoiceOfTheModelCreatesTheCall() {
        assertThat(postJson("/local/calls", "{\"voice_id\":\"olivia\"}").statusCode()).isEqualTo(201);
    }

    @Test
    void aNova2OnlyVoiceWithV1IsRefusedNamingBoth() {
        CallRequest request = new CallRequest(null, "olivia", "p");
        assertThatThrownBy(() -> request.requireVoiceOf("amazon.nova-sonic-v1:0"))
                .isInstanceOf(ApiException.class)
                .hasMessageContaining("olivia").hasMessageContaining("amazon.nova-sonic-v1:0");
        assertThat(new CallRequest(null, "greta", "p").requireVoiceOf("amazon.nova-sonic-v1:0").voiceId())
                .isEqualTo("greta");
    }
}
