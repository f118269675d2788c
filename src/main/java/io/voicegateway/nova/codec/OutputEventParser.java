package io.voicegateway.nova.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.Map;

/**
 * Parses the JSON of one output chunk ({@code {"event":{"<name>":{...}}}}) into an {@link OutputEvent}.
 * Tolerant: unknown fields are ignored and unknown event names become {@link OutputEvent.Unknown}. Thread-safe.
 */
public final class OutputEventParser {

    private static final ObjectMapper MARKER_MAPPER = new ObjectMapper();

    private final ObjectMapper mapper;

    public OutputEventParser(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public OutputEventParser() {
        this(new ObjectMapper());
    }

    /** The event in {@code json}; throws {@link NovaCodecException} if it is not an event object. */
    public OutputEvent parse(String json) {
        JsonNode event = readTree(json).path("event");
        Iterator<Map.Entry<String, JsonNode>> fields = event.fields();
        if (!event.isObject() || !fields.hasNext()) {
            throw new NovaCodecException("output chunk has no event: " + abbreviate(json));
        }
        Map.Entry<String, JsonNode> entry = fields.next();
        return parse(entry.getKey(), entry.getValue());
    }

    private OutputEvent parse(String name, JsonNode body) {
        return switch (name) {
            case "completionStart" -> new OutputEvent.CompletionStart(
                    text(body, "sessionId"), text(body, "promptName"), text(body, "completionId"));
            case "contentStart" -> new OutputEvent.ContentStart(text(body, "contentId"), text(body, "type"),
                    text(body, "role"), generationStage(text(body, "additionalModelFields")));
            case "textOutput" -> new OutputEvent.TextOutput(
                    text(body, "contentId"), text(body, "role"), text(body, "content"));
            case "audioOutput" -> new OutputEvent.AudioOutput(
                    text(body, "contentId"), Pcm16.fromBase64(nonNull(text(body, "content"))));
            case "toolUse" -> new OutputEvent.ToolUse(text(body, "contentId"), text(body, "toolName"),
                    text(body, "toolUseId"), text(body, "content"));
            case "contentEnd" -> new OutputEvent.ContentEnd(
                    text(body, "contentId"), text(body, "type"), text(body, "stopReason"));
            case "usageEvent" -> new OutputEvent.UsageEvent(body.path("totalInputTokens").asLong(),
                    body.path("totalOutputTokens").asLong(), tokens(body.path("details").path("delta")));
            case "completionEnd" -> new OutputEvent.CompletionEnd(text(body, "stopReason"));
            default -> new OutputEvent.Unknown(name);
        };
    }

    /**
     * {@code additionalModelFields} is a JSON document inside a string, e.g. {@code "{\"generationStage\":\"FINAL\"}"}.
     * Null or unparseable gives null: the stage is advisory and must not fail a call.
     */
    static String generationStage(String additionalModelFields) {
        if (additionalModelFields == null || additionalModelFields.isBlank()) {
            return null;
        }
        try {
            JsonNode stage = MARKER_MAPPER.readTree(additionalModelFields).path("generationStage");
            return stage.isTextual() ? stage.asText() : null;
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /**
     * {@code details.delta} of a usageEvent: {@code {"input":{"speechTokens":n,"textTokens":n},"output":{...}}}
     * (shape as logged from Nova 2 Sonic; missing parts count as zero).
     */
    static OutputEvent.Tokens tokens(JsonNode delta) {
        return new OutputEvent.Tokens(delta.path("input").path("speechTokens").asLong(),
                delta.path("input").path("textTokens").asLong(), delta.path("output").path("speechTokens").asLong(),
                delta.path("output").path("textTokens").asLong());
    }

    /** Nova's interruption marker is a textOutput content of {@code { "interrupted" : true }}, spacing varies. */
    static boolean isInterruptionMarker(String content) {
        if (content == null || !content.contains("interrupted")) {
            return false;
        }
        try {
            return MARKER_MAPPER.readTree(content).path("interrupted").asBoolean(false);
        } catch (JsonProcessingException e) {
            return false;
        }
    }

    private JsonNode readTree(String json) {
        try {
            return mapper.readTree(json);
        } catch (JsonProcessingException e) {
            throw new NovaCodecException("output chunk is not JSON: " + abbreviate(json), e);
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        return node == null || node.isNull() ? null : node.asText();
    }

    private static String nonNull(String value) {
        return value == null ? "" : value;
    }

    private static String abbreviate(String json) {
        return json.length() <= 120 ? json : json.substring(0, 120) + "...";
    }
}
