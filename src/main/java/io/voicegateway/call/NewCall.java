package io.voicegateway.call;

/** What is known when a call is created. {@code from}/{@code to} may be null for local calls. */
public record NewCall(CallDirection direction, String from, String to, String voiceId, String systemPrompt) {
}
