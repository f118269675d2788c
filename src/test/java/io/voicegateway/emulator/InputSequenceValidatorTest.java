package io.voicegateway.emulator;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** Rule: the emulator rejects, with a message naming the event and field, what the service would reject. */
class InputSequenceValidatorTest {

    private final InputSequenceValidator validator = new InputSequenceValidator();
    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void theDocumentedSequenceIsAccepted() {
        assertThatCode(() -> {
            accept("sessionStart", "{\"inferenceConfiguration\":{\"maxTokens\":256}}");
            accept("promptStart", "{\"promptName\":\"p\",\"audioOutputConfiguration\":{\"sampleRateHertz\":8000,"
                    + "\"voiceId\":\"matthew\"}}");
            accept("contentStart", "{\"promptName\":\"p\",\"contentName\":\"s\",\"type\":\"TEXT\",\"role\":\"SYSTEM\"}");
            accept("textInput", "{\"promptName\":\"p\",\"contentName\":\"s\",\"content\":\"Be brief.\"}");
            accept("contentEnd", "{\"promptName\":\"p\",\"contentName\":\"s\"}");
            accept("contentStart", "{\"promptName\":\"p\",\"contentName\":\"a\",\"type\":\"AUDIO\",\"role\":\"USER\","
                    + "\"interactive\":true,\"audioInputConfiguration\":{\"sampleRateHertz\":16000}}");
            accept("audioInput", "{\"promptName\":\"p\",\"contentName\":\"a\",\"content\":\"AAA=\"}");
            accept("contentEnd", "{\"promptName\":\"p\",\"contentName\":\"a\"}");
            accept("promptEnd", "{\"promptName\":\"p\"}");
            accept("sessionEnd", "{}");
        }).doesNotThrowAnyException();
    }

    @Test
    void promptStartBeforeSessionStartIsOutOfOrder() {
        assertThatThrownBy(() -> accept("promptStart", "{\"promptName\":\"p\"}"))
                .isInstanceOf(EmulatorValidationException.class).hasMessageContaining("promptStart is out of order");
    }

    @Test
    void anUnsupportedOutputRateIsNamed() {
        accept("sessionStart", "{\"inferenceConfiguration\":{}}");
        assertThatThrownBy(() -> accept("promptStart", "{\"promptName\":\"p\",\"audioOutputConfiguration\":"
                + "{\"sampleRateHertz\":44100,\"voiceId\":\"amy\"}}"))
                .hasMessageContaining("promptStart.audioOutputConfiguration.sampleRateHertz");
    }

    @Test
    void audioForAContentThatIsNotOpenIsRejected() {
        accept("sessionStart", "{\"inferenceConfiguration\":{}}");
        accept("promptStart", "{\"promptName\":\"p\",\"audioOutputConfiguration\":{\"sampleRateHertz\":8000,"
                + "\"voiceId\":\"amy\"}}");
        assertThatThrownBy(() -> accept("audioInput", "{\"promptName\":\"p\",\"contentName\":\"x\",\"content\":\"\"}"))
                .hasMessageContaining("audioInput: content 'x' is not an open AUDIO content");
    }

    @Test
    void aWrongPromptNameIsRejected() {
        accept("sessionStart", "{\"inferenceConfiguration\":{}}");
        accept("promptStart", "{\"promptName\":\"p\",\"audioOutputConfiguration\":{\"sampleRateHertz\":8000,"
                + "\"voiceId\":\"amy\"}}");
        assertThatThrownBy(() -> accept("promptEnd", "{\"promptName\":\"q\"}"))
                .hasMessageContaining("promptEnd.promptName 'q' does not match");
    }

    private void accept(String name, String body) {
        try {
            JsonNode node = mapper.readTree(body);
            validator.accept(name, node);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void promptWithTools(String tools) {
        accept("sessionStart", "{\"inferenceConfiguration\":{}}");
        accept("promptStart", "{\"promptName\":\"p\",\"audioOutputConfiguration\":{\"sampleRateHertz\":8000,"
                + "\"voiceId\":\"amy\"},\"toolConfiguration\":{\"tools\":" + tools + "}}");
    }

    private static String tool(String name, String schemaJsonString) {
        return "{\"toolSpec\":{\"name\":\"" + name + "\",\"description\":\"d\",\"inputSchema\":{\"json\":"
                + schemaJsonString + "}}}";
    }

    @Test
    void offeredToolsAreAcceptedAndRemembered() {
        promptWithTools("[" + tool("a", "\"{\\\"type\\\":\\\"object\\\"}\"") + ","
                + tool("b", "\"{}\"") + "]");
        org.assertj.core.api.Assertions.assertThat(validator.toolNames()).containsExactly("a", "b");
    }

    @Test
    void twoToolsWithOneNameAreRejected() {
        assertThatThrownBy(() -> promptWithTools("[" + tool("a", "\"{}\"") + "," + tool("a", "\"{}\"") + "]"))
                .hasMessageContaining("tools[1].toolSpec.name 'a' is not unique");
    }

    @Test
    void aSchemaThatIsNotJsonInsideAStringIsRejected() {
        assertThatThrownBy(() -> promptWithTools("[" + tool("a", "\"{not json\"") + "]"))
                .hasMessageContaining("tools[0].toolSpec.inputSchema.json is not valid JSON");
        InputSequenceValidator fresh = new InputSequenceValidator();
        assertThatThrownBy(() -> {
            fresh.accept("sessionStart", mapper.readTree("{\"inferenceConfiguration\":{}}"));
            fresh.accept("promptStart", mapper.readTree("{\"promptName\":\"p\",\"audioOutputConfiguration\":"
                    + "{\"sampleRateHertz\":8000,\"voiceId\":\"amy\"},\"toolConfiguration\":{\"tools\":["
                    + tool("a", "{\"type\":\"object\"}") + "]}}"));
        }).hasMessageContaining("inputSchema.json must be a string holding JSON");
    }

    @Test
    void aToolResultOnlyAnswersAToolUseThatIsWaiting() {
        promptWithTools("[" + tool("a", "\"{}\"") + "]");
        String start = "{\"promptName\":\"p\",\"contentName\":\"t1\",\"type\":\"TOOL\",\"role\":\"TOOL\","
                + "\"interactive\":false,\"toolResultInputConfiguration\":{\"toolUseId\":\"u1\",\"type\":\"TEXT\"}}";
        assertThatThrownBy(() -> accept("contentStart", start))
                .hasMessageContaining("toolUseId 'u1' is not a tool use waiting for its result");

        validator.toolUseIssued("u1");
        assertThatCode(() -> {
            accept("contentStart", start);
            accept("toolResult", "{\"promptName\":\"p\",\"contentName\":\"t1\",\"content\":\"{}\"}");
            accept("contentEnd", "{\"promptName\":\"p\",\"contentName\":\"t1\"}");
        }).doesNotThrowAnyException();
        assertThatThrownBy(() -> accept("contentStart", start.replace("t1", "t2")))
                .hasMessageContaining("is not a tool use waiting");
    }
}
