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
}
