package io.voicegateway.emulator;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What the emulator saw on one stream, for tests and the emulator's log: the settings the client sent, the
 * history it replayed and how the stream ended. Written on the stream's event loop, read from any thread.
 */
public final class StreamRecord {

    private final String modelId;
    private volatile String voiceId;
    private volatile int inputRate;
    private volatile int outputRate;
    private volatile String systemPrompt;
    private final List<String> history = new CopyOnWriteArrayList<>();
    private final List<String> userTexts = new CopyOnWriteArrayList<>();
    private final List<String> tools = new CopyOnWriteArrayList<>();
    private final List<String> toolResults = new CopyOnWriteArrayList<>();
    private volatile int audioFrames;
    private volatile String endReason;

    StreamRecord(String modelId) {
        this.modelId = modelId;
    }

    public String modelId() {
        return modelId;
    }

    public String voiceId() {
        return voiceId;
    }

    public int inputRate() {
        return inputRate;
    }

    public int outputRate() {
        return outputRate;
    }

    public String systemPrompt() {
        return systemPrompt;
    }

    /** History messages sent before the audio, as {@code ROLE: text}. */
    public List<String> history() {
        return List.copyOf(history);
    }

    /** Interactive USER texts sent during the call. */
    public List<String> userTexts() {
        return List.copyOf(userTexts);
    }

    /** Names of the tools promptStart offered. */
    public List<String> tools() {
        return List.copyOf(tools);
    }

    /** Contents of the tool results the client sent, in order. */
    public List<String> toolResults() {
        return List.copyOf(toolResults);
    }

    void tools(List<String> names) {
        tools.clear();
        tools.addAll(names);
    }

    void toolResult(String content) {
        toolResults.add(content);
    }

    public int audioFrames() {
        return audioFrames;
    }

    /** Null while open; then e.g. {@code sessionEnd}, {@code validationException: ...}, {@code reset}. */
    public String endReason() {
        return endReason;
    }

    void voiceId(String value) {
        voiceId = value;
    }

    void inputRate(int value) {
        inputRate = value;
    }

    void outputRate(int value) {
        outputRate = value;
    }

    void text(String role, boolean interactive, String text) {
        if ("SYSTEM".equals(role)) {
            systemPrompt = text;
        } else if (interactive) {
            userTexts.add(text);
        } else {
            history.add(role + ": " + text);
        }
    }

    void audioFrame() {
        audioFrames++;
    }

    void ended(String reason) {
        if (endReason == null) {
            endReason = reason;
        }
    }
}
