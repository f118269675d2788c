package io.voicegateway.vad;

/**
 * What the {@link TurnDetector} reports about the caller's speech. Timestamps are audio time in ms since the
 * start of the call's inbound stream (window index x window length), not wall-clock time.
 */
public sealed interface VadEvent {

    /** Audio time of the event, in ms. */
    long atMs();

    /** The caller started speaking; {@code atMs} is the start of the first speech window (the onset). */
    record SpeechStarted(long atMs) implements VadEvent {
    }

    /**
     * The caller's turn ended; {@code atMs} is where speech stopped (the start of the silence that ended the turn,
     * so detection happened {@code turn-silence-ms} later), {@code startedAtMs} the onset of that speech.
     */
    record SpeechEnded(long atMs, long startedAtMs) implements VadEvent {

        /** Length of the speech segment in ms. */
        public long durationMs() {
            return atMs - startedAtMs;
        }
    }
}
