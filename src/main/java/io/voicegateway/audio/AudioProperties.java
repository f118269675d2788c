package io.voicegateway.audio;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code audio:} section of config/application.yaml.
 *
 * @param noiseGateThresholdDbfs frames quieter than this (RMS, dBFS) are zeroed once the hold time has passed
 * @param noiseGateHoldMs        how long (ms) the gate stays open after the level falls below the threshold
 * @param novaChunkMs            caller audio per model input event: 20 (each frame on arrival), 40, 60 (default) … 100 ms
 */
@ConfigurationProperties(prefix = "audio")
public record AudioProperties(
        @DefaultValue("-55") double noiseGateThresholdDbfs,
        @DefaultValue("200") int noiseGateHoldMs,
        @DefaultValue("60") int novaChunkMs) {

    public AudioProperties {
        if (novaChunkMs < 20 || novaChunkMs > 100 || novaChunkMs % 20 != 0) {
            throw new IllegalArgumentException("audio.nova-chunk-ms (NOVA_INPUT_CHUNK_MS) must be 20, 40, 60, 80 or 100 "
                    + "(whole 20 ms Twilio frames), not " + novaChunkMs);
        }
    }

    /** A fresh per-call noise gate for phone audio (8 kHz). */
    public NoiseGate newNoiseGate() {
        return new NoiseGate(noiseGateThresholdDbfs, noiseGateHoldMs, AudioHeaders.PHONE_RATE_HZ);
    }
}
