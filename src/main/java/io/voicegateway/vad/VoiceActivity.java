package io.voicegateway.vad;

import java.util.ArrayDeque;

/**
 * One call's voice activity: its {@link VadStream} feeding its {@link TurnDetector}. Feed it the call's 20 ms
 * frames in order; it reports the probability of the latest evaluated 32 ms window and any turn event. With a
 * batched stream, windows are evaluated up to one batcher tick after they complete, so the probability and the
 * events come that much later; their audio-time timestamps do not change. Not thread-safe, except {@link #close}.
 */
public final class VoiceActivity implements VadStream.WindowListener, AutoCloseable {

    private final VadStream stream;
    private final TurnDetector turns;
    /** Events not yet returned by {@link #feed}: more than one only when one feed evaluated several windows. */
    private final ArrayDeque<VadEvent> events = new ArrayDeque<>(2);

    public VoiceActivity(VadStream stream, TurnDetector turns) {
        this.stream = stream;
        this.turns = turns;
    }

    /**
     * Adds one frame of 8 kHz PCM16.
     *
     * @return the oldest turn event not returned yet, or null. A 160-sample frame of a synchronous stream
     *         completes at most one window and so at most one event; when a feed yields several events (long
     *         frames, or a batched stream catching up), the later ones come out of the following feeds, in order,
     *         so none is lost.
     */
    public VadEvent feed(short[] pcm, int off, int len) {
        stream.feed(pcm, off, len, this);
        return events.poll();
    }

    @Override
    public void onWindow(long index, float probability) {
        VadEvent event = turns.onWindow(index * SileroVadModel.WINDOW_MS, SileroVadModel.WINDOW_MS, probability);
        if (event != null) {
            events.add(event);
        }
    }

    /** Speech probability of the latest evaluated window (0 before the first). */
    public float lastProbability() {
        return stream.lastProbability();
    }

    /** Windows evaluated so far (with a synchronous stream, a feed that raised it ran the model). */
    public long windows() {
        return stream.windows();
    }

    /** Batched only: feeds whose wait for the batcher ran out (the result came with a later feed). */
    public long lateResults() {
        return stream.lateResults();
    }

    /** Batched only: windows never evaluated because the batcher was too far behind. */
    public long droppedWindows() {
        return stream.droppedWindows();
    }

    /** True when the stream's windows are evaluated by the batcher thread, not in {@link #feed}. */
    public boolean batched() {
        return stream.batched();
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
