package io.voicegateway.nova.codec;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Events the gateway sends to Nova Sonic, in the order of DESIGN §7
 * (https://docs.aws.amazon.com/nova/latest/userguide/input-events.html). {@link InputEventWriter} turns them into
 * the JSON each {@code chunk} carries: {@code {"event":{"<name>":{...}}}}.
 */
public sealed interface InputEvent {

    /** The key under {@code event}, e.g. {@code sessionStart}. */
    String name();

    /** Writes the fields of the event into {@code body} (the object under the name). */
    void writeTo(ObjectNode body);

    /** Opens the session: inference settings and, when not null, how eagerly Nova ends a turn (HIGH|MEDIUM|LOW). */
    record SessionStart(int maxTokens, double topP, double temperature, String endpointingSensitivity)
            implements InputEvent {
        public String name() {
            return "sessionStart";
        }

        public void writeTo(ObjectNode body) {
            ObjectNode inference = body.putObject("inferenceConfiguration");
            inference.put("maxTokens", maxTokens).put("topP", topP).put("temperature", temperature);
            if (endpointingSensitivity != null && !endpointingSensitivity.isBlank()) {
                body.putObject("turnDetectionConfiguration").put("endpointingSensitivity", endpointingSensitivity);
            }
        }
    }

    /**
     * Starts the prompt: text output, spoken output at {@code outputSampleRate} Hz in {@code voiceId}, tool use as
     * JSON, and the tools the model may call ({@code toolConfiguration}, left out when there are none).
     */
    record PromptStart(String promptName, int outputSampleRate, String voiceId, java.util.List<ToolSpec> tools)
            implements InputEvent {
        public PromptStart(String promptName, int outputSampleRate, String voiceId) {
            this(promptName, outputSampleRate, voiceId, java.util.List.of());
        }

        public PromptStart {
            tools = tools == null ? java.util.List.of() : java.util.List.copyOf(tools);
        }

        public String name() {
            return "promptStart";
        }

        public void writeTo(ObjectNode body) {
            body.put("promptName", promptName);
            body.putObject("textOutputConfiguration").put("mediaType", "text/plain");
            ObjectNode audio = body.putObject("audioOutputConfiguration");
            audio.put("mediaType", "audio/lpcm").put("sampleRateHertz", outputSampleRate).put("sampleSizeBits", 16)
                    .put("channelCount", 1).put("voiceId", voiceId).put("encoding", "base64").put("audioType", "SPEECH");
            body.putObject("toolUseOutputConfiguration").put("mediaType", "application/json");
            if (!tools.isEmpty()) {
                com.fasterxml.jackson.databind.node.ArrayNode list = body.putObject("toolConfiguration").putArray("tools");
                for (ToolSpec tool : tools) {
                    ObjectNode spec = list.addObject().putObject("toolSpec");
                    spec.put("name", tool.name()).put("description", tool.description());
                    spec.putObject("inputSchema").put("json", tool.inputSchemaJson());
                }
            }
        }
    }

    /**
     * Starts the result block of one tool call: type and role TOOL, not interactive, tied to the model's
     * {@code toolUseId}; the result is text (JSON as a string).
     */
    record ToolResultContentStart(String promptName, String contentName, String toolUseId) implements InputEvent {
        public String name() {
            return "contentStart";
        }

        public void writeTo(ObjectNode body) {
            body.put("promptName", promptName).put("contentName", contentName).put("interactive", false)
                    .put("type", "TOOL").put("role", "TOOL");
            ObjectNode result = body.putObject("toolResultInputConfiguration");
            result.put("toolUseId", toolUseId).put("type", "TEXT");
            result.putObject("textInputConfiguration").put("mediaType", "text/plain");
        }
    }

    /** The result of a tool call, usually a JSON document as a string. */
    record ToolResult(String promptName, String contentName, String content) implements InputEvent {
        public String name() {
            return "toolResult";
        }

        public void writeTo(ObjectNode body) {
            body.put("promptName", promptName).put("contentName", contentName).put("content", content);
        }
    }

    /**
     * Starts a text block: the SYSTEM prompt or a history message (USER|ASSISTANT), not interactive; or a USER text
     * typed mid-call (Nova 2 cross-modal input), interactive.
     */
    record TextContentStart(String promptName, String contentName, String role, boolean interactive)
            implements InputEvent {
        public String name() {
            return "contentStart";
        }

        public void writeTo(ObjectNode body) {
            body.put("promptName", promptName).put("contentName", contentName).put("type", "TEXT")
                    .put("interactive", interactive).put("role", role);
            body.putObject("textInputConfiguration").put("mediaType", "text/plain");
        }
    }

    /** Starts the caller's audio block, open for the whole session: PCM16 mono at {@code sampleRate} Hz. */
    record AudioContentStart(String promptName, String contentName, int sampleRate) implements InputEvent {
        public String name() {
            return "contentStart";
        }

        public void writeTo(ObjectNode body) {
            body.put("promptName", promptName).put("contentName", contentName).put("type", "AUDIO")
                    .put("interactive", true).put("role", "USER");
            body.putObject("audioInputConfiguration").put("mediaType", "audio/lpcm").put("sampleRateHertz", sampleRate)
                    .put("sampleSizeBits", 16).put("channelCount", 1).put("audioType", "SPEECH")
                    .put("encoding", "base64");
        }
    }

    /** Text of the current text block. */
    record TextInput(String promptName, String contentName, String content) implements InputEvent {
        public String name() {
            return "textInput";
        }

        public void writeTo(ObjectNode body) {
            body.put("promptName", promptName).put("contentName", contentName).put("content", content);
        }
    }

    /** One frame of caller audio; {@code base64} is PCM16 little-endian (see {@link Pcm16}). */
    record AudioInput(String promptName, String contentName, String base64) implements InputEvent {
        public String name() {
            return "audioInput";
        }

        public void writeTo(ObjectNode body) {
            body.put("promptName", promptName).put("contentName", contentName).put("content", base64);
        }

        @Override
        public String toString() {
            return "AudioInput[" + contentName + ", " + base64.length() + " base64 chars]";
        }
    }

    /** Ends a content block. */
    record ContentEnd(String promptName, String contentName) implements InputEvent {
        public String name() {
            return "contentEnd";
        }

        public void writeTo(ObjectNode body) {
            body.put("promptName", promptName).put("contentName", contentName);
        }
    }

    /** Ends the prompt. */
    record PromptEnd(String promptName) implements InputEvent {
        public String name() {
            return "promptEnd";
        }

        public void writeTo(ObjectNode body) {
            body.put("promptName", promptName);
        }
    }

    /** Ends the session; Nova then completes the response stream. */
    record SessionEnd() implements InputEvent {
        public String name() {
            return "sessionEnd";
        }

        public void writeTo(ObjectNode body) {
            // no fields: {"event":{"sessionEnd":{}}}
        }
    }
}
