package io.voicegateway.vad;

/**
 * One call's voice activity: its {@link VadStream} feeding its {@link TurnDetector}. Feed it the call's 20 ms
 * frames in order; it reports the probability of the latest 32 ms window and any turn event. Not thread-safe.
 */
public final class VoiceActivity implements VadStream.WindowListener, AutoCloseable {

    private final VadStream stream;
    private final TurnDetector turns;
    private VadEvent pendingEvent;

    public VoiceActivity(VadStream stream, TurnDetector turns) {
        this.stream = stream;
        this.turns = turns;
    }

    /**
     * Adds one frame of 8 kHz PCM16.
     *
     * @return the event the frame completed, or null. A frame of up to 256 samples completes at most one window
     *         and so at most one event; with longer frames only the last event is returned.
     */
    public VadEvent feed(short[] pcm, int off, int len) {
        pendingEvent = null;
        stream.feed(pcm, off, len, this);
        VadEvent event = pendingEvent;
        pendingEvent = null;
        return event;
    }

    @Override
    public void onWindow(long index, float probability) {
        VadEvent event = turns.onWindow(index * SileroVadModel.WINDOW_MS, SileroVadModel.WINDOW_MS, probability);
        if (event != null) {
            pendingEvent = event;
        }
    }

    /** Speech probability of the latest window (0 before the first). */
    public float lastProbability() {
        return stream.lastProbability();
    }

    /** Windows evaluated so far (a feed that raised it ran the model). */
    public long windows() {
        return stream.windows();
    }

    /** True between SpeechStarted and SpeechEnded. */
    public boolean speaking() {
        return turns.speaking();
    }

    /** Frees the stream's model resources when the call ends; any thread. */
    @Override
    public void close() {
        stream.close();
    }
}
