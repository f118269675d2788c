package io.voicegateway.nova.session;

/** Per-call choices: the voice (a {@code NovaVoices} id) and the system prompt. */
public record SessionOptions(String voiceId, String systemPrompt) {

    public static final String DEFAULT_VOICE = "matthew";
    public static final String DEFAULT_SYSTEM_PROMPT =
            "You are a friendly assistant on a phone call. Keep answers short and conversational.";

    public SessionOptions {
        voiceId = voiceId == null || voiceId.isBlank() ? DEFAULT_VOICE : voiceId;
        systemPrompt = systemPrompt == null || systemPrompt.isBlank() ? DEFAULT_SYSTEM_PROMPT : systemPrompt;
    }
}
