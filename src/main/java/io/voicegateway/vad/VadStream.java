package io.voicegateway.vad;

import java.nio.FloatBuffer;

/**
 * One call's view of the shared {@link SileroVadModel}: its recurrent state, the 32-sample context and the
 * samples of the window being filled. Takes 8 kHz PCM16 in any frame size (Twilio's 160-sample, 20 ms frames)
 * and evaluates every 256 samples (32 ms) in one of two ways:
 * <ul>
 *   <li><b>synchronous</b> ({@link SileroVadModel#newStream}): the model runs inside {@link #feed}, and the
 *       listener hears each window as soon as it completes;</li>
 *   <li><b>batched</b> ({@link VadBatcher#newStream}): {@link #feed} queues the completed window, which the
 *       batcher runs with other calls' windows at its next tick; the feed either waits for that result (a
 *       stream with a result wait: the listener hears of the window in the same feed, a tick later) or returns
 *       at once, and a later {@link #feed} hands the listener the probabilities that have arrived since, in
 *       window order. Window indices (audio time) are the same
 *       as in the synchronous stream; only when the listener hears of a window changes.</li>
 * </ul>
 * Buffers and tensors are made once, when the stream is, and freed by {@link #close} (when the call ends). Not
 * thread-safe, except that {@link #close} may come from another thread (one call's frames arrive in order on one
 * thread at a time; its end may be handled elsewhere).
 */
public final class VadStream implements AutoCloseable {

    /** Receives each completed window's speech probability. */
    @FunctionalInterface
    public interface WindowListener {
        /**
         * @param index       0 for the stream's first window; the window starts at {@code index * WINDOW_MS}
         * @param probability speech probability, 0..1
         */
        void onWindow(long index, float probability);
    }

    private static final int INPUT_SIZE = SileroVadModel.CONTEXT + SileroVadModel.WINDOW;

    /** Model input: context (end of the previous input) then the new window; direct so ORT reads it in place. */
    private final FloatBuffer input = WindowTensors.directFloats(INPUT_SIZE);
    /** Synchronous: the model tensors over {@link #input}; null when batched. */
    private final WindowTensors tensors;
    /** Batched: the queue to and from the batcher thread; null when synchronous. */
    private final WindowHandoff handoff;
    /** Batched: how long a feed that completed a window waits for the batcher's result (0 = not at all). */
    private final long resultWaitNanos;
    private volatile boolean closed;
    private int filled;
    /** Windows completed from the audio fed, evaluated or not. */
    private long completed;
    /** Windows whose probability the listener has heard. */
    private long windows;
    private long dropped;
    private long late;
    private float lastProbability;

    VadStream(SileroVadModel model) {
        this.tensors = new WindowTensors(model, input);
        this.handoff = null;
        this.resultWaitNanos = 0;
    }

    VadStream(WindowHandoff handoff, long resultWaitNanos) {
        this.tensors = null;
        this.handoff = handoff;
        this.resultWaitNanos = resultWaitNanos;
    }

    /**
     * Adds {@code len} samples. Synchronous: runs the model once per completed window and tells {@code listener}
     * at once. Batched: queues each completed window, then tells {@code listener} about every window the batcher
     * has finished since the previous call.
     */
    public void feed(short[] pcm, int off, int len, WindowListener listener) {
        if (closed) {
            return; // a frame that raced the end of its call
        }
        long before = completed;
        for (int i = off; i < off + len; i++) {
            // PCM16 to [-1, 1), the scale Silero was trained on.
            input.put(SileroVadModel.CONTEXT + filled, pcm[i] / 32768f);
            if (++filled == SileroVadModel.WINDOW) {
                filled = 0;
                completeWindow(listener);
            }
        }
        if (handoff != null) {
            if (resultWaitNanos > 0 && completed != before) {
                // Park (no CPU) until the batcher's next run has this window: the listener then hears of it in
                // this feed, as a synchronous stream's would, instead of one frame later. Past the deadline (the
                // batcher is behind) the frame goes on and the result comes with a later feed.
                if (!handoff.awaitResults(System.nanoTime() + resultWaitNanos)) {
                    late++;
                }
            }
            drain(listener);
        }
    }

    private void completeWindow(WindowListener listener) {
        // Every window goes through the model, digital silence included: on zeros Silero's LSTM cell state keeps
        // drifting for many seconds (no fixed point to skip to), and skipping or resetting it changed the first
        // speech windows after silence by up to 0.04 (VadReferenceEquivalenceTest checks plain Silero's results).
        long index = completed++;
        if (tensors != null) {
            lastProbability = tensors.run();
        } else if (!handoff.submit(input, index)) {
            drain(listener); // frees the slots of windows the batcher has finished meanwhile
            if (!handoff.submit(input, index)) {
                dropped++; // the batcher is 512 ms behind: this window gets no probability
            }
        }
        // The last CONTEXT samples of this input become the context of the next one.
        for (int i = 0; i < SileroVadModel.CONTEXT; i++) {
            input.put(i, input.get(SileroVadModel.WINDOW + i));
        }
        if (tensors != null) {
            listener.onWindow(windows++, lastProbability);
        }
    }

    private void drain(WindowListener listener) {
        while (handoff.hasResult()) {
            long index = handoff.resultIndex();
            lastProbability = handoff.takeResult();
            windows++;
            listener.onWindow(index, lastProbability);
        }
    }

    /** Probability of the newest window the listener has heard of (0 before the first). */
    public float lastProbability() {
        return lastProbability;
    }

    /** Windows evaluated and handed to the listener so far. */
    public long windows() {
        return windows;
    }

    /** Batched only: windows dropped because the batcher was {@link WindowHandoff#CAPACITY} windows behind. */
    public long droppedWindows() {
        return dropped;
    }

    /** Batched with a result wait only: feeds whose wait ran out before the batcher had run their window. */
    public long lateResults() {
        return late;
    }

    /** True when the batcher evaluates this stream's windows (not the feeding thread). */
    public boolean batched() {
        return handoff != null;
    }

    /** Back to the state of a new stream; synchronous streams only (a batched stream's state is the batcher's). */
    public void reset() {
        if (tensors == null) {
            throw new UnsupportedOperationException("A batched VAD stream cannot be reset; open a new one");
        }
        for (int i = 0; i < INPUT_SIZE; i++) {
            input.put(i, 0f);
        }
        tensors.reset();
        filled = 0;
        completed = 0;
        windows = 0;
        lastProbability = 0;
    }

    /** Frees the model tensors, or leaves the batcher (waiting windows are dropped); later frames are ignored. */
    @Override
    public void close() {
        closed = true;
        if (tensors != null) {
            tensors.close();
        } else {
            handoff.close();
        }
    }
}
