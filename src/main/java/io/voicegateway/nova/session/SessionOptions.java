package io.voicegateway.nova.session;

import io.voicegateway.nova.codec.ToolSpec;
import java.util.List;

/**
 * Per-call choices: the voice (a {@code NovaVoices} id), the system prompt, the tools offered to the model, and a
 * greeting sent as the caller's first text so the model speaks first (null or blank: the model waits).
 */
public record SessionOptions(String voiceId, String systemPrompt, List<ToolSpec> tools, String greeting) {

    public static final String DEFAULT_VOICE = "matthew";
    public static final String DEFAULT_SYSTEM_PROMPT =
            "You are a friendly assistant on a phone call. Keep answers short and conversational.";

    public SessionOptions {
        voiceId = voiceId == null || voiceId.isBlank() ? DEFAULT_VOICE : voiceId;
        systemPrompt = systemPrompt == null || systemPrompt.isBlank() ? DEFAULT_SYSTEM_PROMPT : systemPrompt;
        tools = tools == null ? List.of() : List.copyOf(tools);
        greeting = greeting == null || greeting.isBlank() ? null : greeting;
    }

    public SessionOptions(String voiceId, String systemPrompt) {
        this(voiceId, systemPrompt, List.of(), null);
    }
}
