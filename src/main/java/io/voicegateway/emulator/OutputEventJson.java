package io.voicegateway.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.voicegateway.nova.codec.Pcm16;

/**
 * Builds the output event JSON the emulator streams back, with the identifiers the service puts on every event
 * (https://docs.aws.amazon.com/nova/latest/userguide/output-events.html). One per stream; not thread-safe.
 */
final class OutputEventJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String sessionId;
    private final String promptName;
    private final String completionId;
    private int contentCounter;

    OutputEventJson(String sessionId, String promptName, String completionId) {
        this.sessionId = sessionId;
        this.promptName = promptName;
        this.completionId = completionId;
    }

    /** A fresh content id for the next block. */
    String nextContentId() {
        return completionId + "-c" + (++contentCounter);
    }

    String completionStart() {
        return wrap("completionStart", ids());
    }

    String textStart(String contentId, String role, String generationStage) {
        ObjectNode body = ids().put("contentId", contentId).put("type", "TEXT").put("role", role)
                .put("additionalModelFields", "{\"generationStage\":\"" + generationStage + "\"}");
        body.putObject("textOutputConfiguration").put("mediaType", "text/plain");
        return wrap("contentStart", body);
    }

    String audioStart(String contentId, int sampleRate) {
        ObjectNode body = ids().put("contentId", contentId).put("type", "AUDIO").put("role", "ASSISTANT");
        body.putObject("audioOutputConfiguration").put("mediaType", "audio/lpcm").put("sampleRateHertz", sampleRate)
                .put("sampleSizeBits", 16).put("channelCount", 1).put("encoding", "base64");
        return wrap("contentStart", body);
    }

    String textOutput(String contentId, String role, String content) {
        return wrap("textOutput", ids().put("contentId", contentId).put("role", role).put("content", content));
    }

    String audioOutput(String contentId, short[] pcm) {
        return wrap("audioOutput", ids().put("contentId", contentId).put("content", Pcm16.toBase64(pcm)));
    }

    String contentEnd(String contentId, String type, String stopReason) {
        return wrap("contentEnd", ids().put("contentId", contentId).put("type", type).put("stopReason", stopReason));
    }

    /** A tool call block opens (type and role TOOL, JSON tool use), as Nova sends it before toolUse. */
    String toolStart(String contentId) {
        ObjectNode body = ids().put("contentId", contentId).put("type", "TOOL").put("role", "TOOL");
        body.putObject("toolUseOutputConfiguration").put("mediaType", "application/json");
        return wrap("contentStart", body);
    }

    /** The model calls {@code toolName}; {@code input} is the arguments as a JSON string. */
    String toolUse(String contentId, String toolName, String toolUseId, String input) {
        return wrap("toolUse", ids().put("contentId", contentId).put("toolName", toolName)
                .put("toolUseId", toolUseId).put("content", input));
    }

    /**
     * Running totals of the stream plus {@code details.delta} and {@code details.total} by direction and kind
     * (speechTokens, textTokens), the shape Nova 2 Sonic sends; {@code delta} and {@code total} are
     * {inputSpeech, inputText, outputSpeech, outputText}.
     */
    String usage(long[] delta, long[] total) {
        ObjectNode body = ids().put("totalInputTokens", total[0] + total[1])
                .put("totalOutputTokens", total[2] + total[3]).put("totalTokens", total[0] + total[1] + total[2] + total[3]);
        ObjectNode details = body.putObject("details");
        tokens(details.putObject("delta"), delta);
        tokens(details.putObject("total"), total);
        return wrap("usageEvent", body);
    }

    private static void tokens(ObjectNode node, long[] counts) {
        node.putObject("input").put("speechTokens", counts[0]).put("textTokens", counts[1]);
        node.putObject("output").put("speechTokens", counts[2]).put("textTokens", counts[3]);
    }

    String completionEnd(String stopReason) {
        return wrap("completionEnd", ids().put("stopReason", stopReason));
    }

    private ObjectNode ids() {
        return MAPPER.createObjectNode().put("sessionId", sessionId).put("promptName", promptName)
                .put("completionId", completionId);
    }

    private static String wrap(String name, ObjectNode body) {
        ObjectNode root = MAPPER.createObjectNode();
        root.putObject("event").set(name, body);
        return root.toString();
    }
}
