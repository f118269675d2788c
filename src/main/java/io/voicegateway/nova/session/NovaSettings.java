package io.voicegateway.nova.session;

import java.time.Duration;

/**
 * Settings shared by every session (from {@code nova.*}): model, inference, turn detection, audio rates, and the
 * session's lifetime rules (renewal before Bedrock's 8-minute cap, open retries, how long closing may take).
 */
public record NovaSettings(String modelId, int maxTokens, double topP, double temperature,
        String endpointingSensitivity, int inputSampleRate, int outputSampleRate, Duration renewAfter,
        int openAttempts, Duration openBackoff, Duration closeTimeout) {

    public static final String DEFAULT_MODEL_ID = "amazon.nova-2-sonic-v1:0";

    public NovaSettings {
        if (inputSampleRate != 8000 && inputSampleRate != 16000) {
            throw new IllegalArgumentException("nova.input-sample-rate must be 8000 or 16000, got " + inputSampleRate);
        }
        if (outputSampleRate != 8000 && outputSampleRate != 16000 && outputSampleRate != 24000) {
            throw new IllegalArgumentException(
                    "nova.output-sample-rate must be 8000, 16000 or 24000, got " + outputSampleRate);
        }
    }

    /** DESIGN §4 defaults: Nova 2, 256 tokens, topP 0.9, temperature 0.7, 8 kHz both ways, renewal after 6 min. */
    public static NovaSettings defaults() {
        return new NovaSettings(DEFAULT_MODEL_ID, 256, 0.9, 0.7, "MEDIUM", 8000, 8000, Duration.ofMinutes(6), 3,
                Duration.ofMillis(200), Duration.ofSeconds(5));
    }

    /**
     * True when the model takes caller text mid-session (an interactive USER text block while the audio block is
     * open): Nova 2 Sonic's cross-modal input. Nova Sonic v1 took text only as system prompt and history.
     */
    public boolean acceptsTextInput() {
        return modelId == null || !modelId.startsWith("amazon.nova-sonic-v1");
    }

    public NovaSettings withRates(int input, int output) {
        return new NovaSettings(modelId, maxTokens, topP, temperature, endpointingSensitivity, input, output,
                renewAfter, openAttempts, openBackoff, closeTimeout);
    }

    public NovaSettings withRenewAfter(Duration value) {
        return new NovaSettings(modelId, maxTokens, topP, temperature, endpointingSensitivity, inputSampleRate,
                outputSampleRate, value, openAttempts, openBackoff, closeTimeout);
    }

    public NovaSettings withModelId(String value) {
        return new NovaSettings(value, maxTokens, topP, temperature, endpointingSensitivity, inputSampleRate,
                outputSampleRate, renewAfter, openAttempts, openBackoff, closeTimeout);
    }
}
