package io.voicegateway.audio;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code audio:} section of config/application.yaml.
 *
 * @param noiseGateThresholdDbfs frames quieter than this (RMS, dBFS) are zeroed once the hold time has passed
 * @param noiseGateHoldMs        how long (ms) the gate stays open after the level falls below the threshold
 */
@ConfigurationProperties(prefix = "audio")
public record AudioProperties(
        @DefaultValue("-55") double noiseGateThresholdDbfs,
        @DefaultValue("200") int noiseGateHoldMs) {

    /** A fresh per-call noise gate for phone audio (8 kHz). */
    public NoiseGate newNoiseGate() {
        return new NoiseGate(noiseGateThresholdDbfs, noiseGateHoldMs, AudioHeaders.PHONE_RATE_HZ);
    }
}
