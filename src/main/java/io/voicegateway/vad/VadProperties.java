package io.voicegateway.vad;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code vad:} section of config/application.yaml.
 *
 * @param threshold     speech probability (0..1) at or above which a 32 ms window counts as speech
 * @param minSpeechMs   speech must last this long (ms) before "Speech started"
 * @param turnSilenceMs silence this long (ms) ends the caller's turn ("Speech ended")
 * @param modelPath     a Silero VAD ONNX file to use instead of the bundled one; empty = bundled (checksum verified)
 * @param batchTickMs   0 = run Silero on each call's frame thread as its windows complete; above 0 (the default, 4) =
 *                      run all calls' completed windows as one batch every this many ms on one thread, the frame
 *                      that completed a window waiting for its result (cheaper per window with many calls; each
 *                      window-completing frame is held up to one tick + the run)
 */
@ConfigurationProperties(prefix = "vad")
public record VadProperties(
        @DefaultValue("0.5") float threshold,
        @DefaultValue("250") long minSpeechMs,
        @DefaultValue("700") long turnSilenceMs,
        @DefaultValue("") String modelPath,
        @DefaultValue("4") long batchTickMs) {

    /** A fresh per-call turn detector with these settings. */
    public TurnDetector newTurnDetector() {
        return new TurnDetector(threshold, minSpeechMs, turnSilenceMs);
    }
}
