package io.voicegateway.nova.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Rule: input events serialise to the field names and values of AWS's input-event reference (DESIGN §7). */
class InputEventWriterTest {

    private final InputEventWriter writer = new InputEventWriter();
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void sessionStartCarriesInferenceAndTurnDetection() throws Exception {
        JsonNode body = write(new InputEvent.SessionStart(256, 0.9, 0.7, "MEDIUM")).path("sessionStart");
        assertThat(body.path("inferenceConfiguration").path("maxTokens").asInt()).isEqualTo(256);
        assertThat(body.path("inferenceConfiguration").path("topP").asDouble()).isEqualTo(0.9);
        assertThat(body.path("inferenceConfiguration").path("temperature").asDouble()).isEqualTo(0.7);
        assertThat(body.path("turnDetectionConfiguration").path("endpointingSensitivity").asText()).isEqualTo("MEDIUM");
    }

    @Test
    void sessionStartWithoutSensitivityOmitsTurnDetection() throws Exception {
        assertThat(write(new InputEvent.SessionStart(256, 0.9, 0.7, null)).path("sessionStart")
                .has("turnDetectionConfiguration")).isFalse();
    }

    @Test
    void promptStartOffersToolsWithTheirSchemaAsAJsonString() throws Exception {
        String schema = "{\"type\":\"object\",\"properties\":{\"order_id\":{\"type\":\"string\"}}}";
        JsonNode body = write(new InputEvent.PromptStart("p", 8000, "matthew",
                java.util.List.of(new ToolSpec("lookup_order", "Looks an order up", schema)))).path("promptStart");
        assertThat(body.path("toolUseOutputConfiguration").path("mediaType").asText()).isEqualTo("application/json");
        JsonNode spec = body.path("toolConfiguration").path("tools").get(0).path("toolSpec");
        assertThat(spec.path("name").asText()).isEqualTo("lookup_order");
        assertThat(spec.path("description").asText()).isEqualTo("Looks an order up");
        assertThat(spec.path("inputSchema").path("json").isTextual()).isTrue();
        assertThat(mapper.readTree(spec.path("inputSchema").path("json").asText()).path("properties").has("order_id"))
                .isTrue();
    }

    @Test
    void promptStartWithoutToolsHasNoToolConfiguration() throws Exception {
        assertThat(write(new InputEvent.PromptStart("p", 8000, "amy")).path("promptStart").has("toolConfiguration"))
                .isFalse();
    }

    @Test
    void aToolResultBlockIsTiedToTheToolUseIdAndCarriesTheContentAsText() throws Exception {
        JsonNode start = write(new InputEvent.ToolResultContentStart("p", "c1", "tu-9")).path("contentStart");
        assertThat(start.path("type").asText()).isEqualTo("TOOL");
        assertThat(start.path("role").asText()).isEqualTo("TOOL");
        assertThat(start.path("interactive").asBoolean(true)).isFalse();
        assertThat(start.path("toolResultInputConfiguration").path("toolUseId").asText()).isEqualTo("tu-9");
        assertThat(start.path("toolResultInputConfiguration").path("type").asText()).isEqualTo("TEXT");
        assertThat(start.at("/toolResultInputConfiguration/textInputConfiguration/mediaType").asText())
                .isEqualTo("text/plain");
        JsonNode result = write(new InputEvent.ToolResult("p", "c1", "{\"ok\":true}")).path("toolResult");
        assertThat(result.path("contentName").asText()).isEqualTo("c1");
        assertThat(result.path("content").asText()).isEqualTo("{\"ok\":true}");
    }

    @Test
    void promptStartAsksForSpeechAtTheOutputRateInTheVoice() throws Exception {
        JsonNode audio = write(new InputEvent.PromptStart("p", 8000, "tiffany")).path("promptStart")
                .path("audioOutputConfiguration");
        assertThat(audio.path("sampleRateHertz").asInt()).isEqualTo(8000);
        assertThat(audio.path("voiceId").asText()).isEqualTo("tiffany");
        assertThat(audio.path("mediaType").asText()).isEqualTo("audio/lpcm");
        assertThat(audio.path("encoding").asText()).isEqualTo("base64");
        assertThat(audio.path("audioType").asText()).isEqualTo("SPEECH");
    }

    @Test
    void audioContentStartIsAnInteractiveUserBlock() throws Exception {
        JsonNode body = write(new InputEvent.AudioContentStart("p", "a", 16000)).path("contentStart");
        assertThat(body.path("interactive").asBoolean()).isTrue();
        assertThat(body.path("role").asText()).isEqualTo("USER");
        assertThat(body.path("type").asText()).isEqualTo("AUDIO");
        assertThat(body.path("audioInputConfiguration").path("sampleRateHertz").asInt()).isEqualTo(16000);
    }

    @Test
    void systemPromptBlockIsNotInteractive() throws Exception {
        JsonNode body = write(new InputEvent.TextContentStart("p", "s", "SYSTEM", false)).path("contentStart");
        assertThat(body.path("interactive").asBoolean(true)).isFalse();
        assertThat(body.path("textInputConfiguration").path("mediaType").asText()).isEqualTo("text/plain");
    }

    @Test
    void audioInputRoundTripsThroughBase64LittleEndian() throws Exception {
        short[] frame = {0, 1, -1, Short.MAX_VALUE, Short.MIN_VALUE};
        JsonNode body = write(new InputEvent.AudioInput("p", "a", Pcm16.toBase64(frame))).path("audioInput");
        assertThat(Pcm16.fromBase64(body.path("content").asText())).containsExactly(frame);
        assertThat(body.path("contentName").asText()).isEqualTo("a");
    }

    @Test
    void sessionEndIsAnEmptyObject() throws Exception {
        assertThat(writer.toJson(new InputEvent.SessionEnd())).isEqualTo("{\"event\":{\"sessionEnd\":{}}}");
    }

    private JsonNode write(InputEvent event) throws Exception {
        return mapper.readTree(writer.toJson(event)).path("event");
    }
}
