package io.voicegateway.vad;

/**
 * Turns per-window speech probabilities into {@link VadEvent}s. A pure state machine: no model, no clock, one
 * instance per call, not thread-safe.
 *
 * <pre>
 * QUIET ──speech──▶ STARTING ──speech lasted min-speech──▶ SPEAKING (SpeechStarted at the first speech window)
 *   ▲                  │ silence                               │ not speech
 *   └──────────────────┘                                       ▼
 *   └──── not speech lasted turn-silence (SpeechEnded) ──── STOPPING ──speech──▶ SPEAKING
 * </pre>
 *
 * <p>Hysteresis as in Silero's own {@code get_speech_timestamps}
 * (https://github.com/snakers4/silero-vad/blob/master/src/silero_vad/utils_vad.py): a window is speech at
 * {@code p >= threshold} and silence at {@code p < threshold - 0.15}; in between it keeps the current state while
 * starting, and counts as not-speech while stopping.
 */
public final class TurnDetector {

    /** Where the caller is in a turn. */
    public enum State { QUIET, STARTING, SPEAKING, STOPPING }

    private static final float HYSTERESIS = 0.15f;

    private final float threshold;
    private final float silenceThreshold;
    private final long minSpeechMs;
    private final long turnSilenceMs;

    private State state = State.QUIET;
    private long speechStartMs;
    private long silenceStartMs;

    /**
     * @param threshold     probability at or above which a window is speech (Silero's default 0.5)
     * @param minSpeechMs   speech must last this long before {@link VadEvent.SpeechStarted} (filters coughs, clicks)
     * @param turnSilenceMs silence this long ends the turn with {@link VadEvent.SpeechEnded}
     */
    public TurnDetector(float threshold, long minSpeechMs, long turnSilenceMs) {
        if (threshold <= 0 || threshold >= 1) {
            throw new IllegalArgumentException("vad.threshold must be between 0 and 1, got " + threshold);
        }
        this.threshold = threshold;
        this.silenceThreshold = Math.max(threshold - HYSTERESIS, 0.01f);
        this.minSpeechMs = minSpeechMs;
        this.turnSilenceMs = turnSilenceMs;
    }

    /**
     * Feeds one window's probability.
     *
     * @param startMs     audio time of the window's first sample
     * @param durationMs  window length (32 ms for Silero at 8 kHz)
     * @return the event this window completes, or null
     */
    public VadEvent onWindow(long startMs, long durationMs, float probability) {
        boolean speech = probability >= threshold;
        long endMs = startMs + durationMs;
        switch (state) {
            case QUIET -> {
                if (speech) {
                    state = State.STARTING;
                    speechStartMs = startMs;
                    return confirmStart(endMs);
                }
            }
            case STARTING -> {
                if (speech) {
                    return confirmStart(endMs);
                }
                if (probability < silenceThreshold) {
                    state = State.QUIET;
                }
            }
            case SPEAKING -> {
                if (!speech) {
                    state = State.STOPPING;
                    silenceStartMs = startMs;
                    return confirmEnd(endMs);
                }
            }
            case STOPPING -> {
                if (speech) {
                    state = State.SPEAKING;
                    return null;
                }
                return confirmEnd(endMs);
            }
        }
        return null;
    }

    /** Ends an open turn at {@code atMs} (end of input); null when the caller was not speaking. */
    public VadEvent finish(long atMs) {
        State was = state;
        state = State.QUIET;
        if (was == State.SPEAKING) {
            return new VadEvent.SpeechEnded(atMs, speechStartMs);
        }
        if (was == State.STOPPING) {
            return new VadEvent.SpeechEnded(silenceStartMs, speechStartMs);
        }
        return null;
    }

    /** True between SpeechStarted and SpeechEnded. */
    public boolean speaking() {
        return state == State.SPEAKING || state == State.STOPPING;
    }

    public State state() {
        return state;
    }

    private VadEvent confirmStart(long endMs) {
        if (endMs - speechStartMs >= minSpeechMs) {
            state = State.SPEAKING;
            return new VadEvent.SpeechStarted(speechStartMs);
        }
        return null;
    }

    private VadEvent confirmEnd(long endMs) {
        if (endMs - silenceStartMs >= turnSilenceMs) {
            state = State.QUIET;
            return new VadEvent.SpeechEnded(silenceStartMs, speechStartMs);
        }
        return null;
    }
}
