package io.voicegateway.vad;

import java.nio.FloatBuffer;
import java.util.concurrent.locks.LockSupport;

/**
 * The hand-off between one batched stream's frame thread and the {@link VadBatcher} thread: windows go one way,
 * probabilities the other. A single-producer/single-consumer ring of {@link #CAPACITY} slots, each holding one
 * window (context + 256 samples) and, later, its probability. The batcher never waits for the frame thread; the
 * frame thread may park until its windows' results are there ({@link #awaitResults}, bounded by a deadline), and
 * the batcher wakes it when it publishes the result.
 *
 * <p>Happens-before, through two volatile counters, each written by one side only:
 * <ul>
 *   <li>{@code submitted} (frame thread): the samples of window k are written into its slot before
 *       {@code submitted} becomes k + 1; the batcher reads {@code submitted} before reading the slot.</li>
 *   <li>{@code completed} (batcher): the probability of window k is written before {@code completed} becomes
 *       k + 1; the frame thread reads {@code completed} before reading the probability.</li>
 * </ul>
 * The frame thread refills a slot only after it has drained that slot's probability, so after the batcher has
 * finished with it. The recurrent state is touched by the batcher thread only (it is zero when the hand-off is
 * registered, through a concurrent queue). Windows complete in order, one at a time: the batcher takes window
 * k + 1 only after k's state came back, so a stream never has two windows in one run.
 */
final class WindowHandoff {

    /** 16 windows = 512 ms of audio the batcher may fall behind before windows are dropped. */
    static final int CAPACITY = 16;

    private final float[] samples = new float[CAPACITY * WindowBatch.INPUT_SIZE];
    private final float[] probabilities = new float[CAPACITY];
    /** Silero's h then c ({@code [2, 1, 128]}); batcher thread only. */
    private final float[] state = new float[SileroVadModel.STATE_SIZE];
    private volatile long submitted;
    private volatile long completed;
    private volatile boolean closed;
    /** The frame thread while it waits in {@link #awaitResults}; woken by the batcher when a result is published. */
    private volatile Thread waiter;
    /** Windows whose probability the frame thread has taken; frame thread only. */
    private long drained;
    /** The stream's window index (audio time / 32 ms) of each slot's window; frame thread only. */
    private final long[] indices = new long[CAPACITY];

    // ---- frame thread ----

    /**
     * Queues a completed window ({@code WindowBatch.INPUT_SIZE} floats read from {@code window}), the stream's
     * window number {@code index}.
     *
     * @return false when {@link #CAPACITY} windows are still waiting for the batcher: the window is dropped
     */
    boolean submit(FloatBuffer window, long index) {
        long next = submitted;
        if (next - drained == CAPACITY) {
            return false;
        }
        window.get(0, samples, slot(next) * WindowBatch.INPUT_SIZE, WindowBatch.INPUT_SIZE);
        indices[slot(next)] = index;
        submitted = next + 1;
        return true;
    }

    /**
     * Waits until the batcher has finished every window submitted so far, the stream is closed, or
     * {@code deadlineNanos} ({@link System#nanoTime}) has passed; parks, never spins. Frame thread.
     *
     * @return true when every submitted window's result is there
     */
    boolean awaitResults(long deadlineNanos) {
        long wanted = submitted;
        if (completed >= wanted) {
            return true;
        }
        waiter = Thread.currentThread();
        try {
            long left;
            // completed is re-read after waiter was published: a result published in between is never missed
            while (completed < wanted && !closed && (left = deadlineNanos - System.nanoTime()) > 0) {
                LockSupport.parkNanos(this, left);
            }
        } finally {
            waiter = null;
        }
        return completed >= wanted;
    }

    /** True when the batcher has finished a window the frame thread has not taken yet. */
    boolean hasResult() {
        return drained < completed;
    }

    /** The stream's index of the window {@link #takeResult} returns next; call only after {@link #hasResult}. */
    long resultIndex() {
        return indices[slot(drained)];
    }

    /** The probability of the oldest finished window not taken yet; call only after {@link #hasResult}. */
    float takeResult() {
        return probabilities[slot(drained++)];
    }

    /** The call ended: the batcher drops this stream, pending windows included. Any thread. */
    void close() {
        closed = true;
        Thread waiting = waiter;
        if (waiting != null) {
            LockSupport.unpark(waiting);
        }
    }

    // ---- batcher thread ----

    boolean closed() {
        return closed;
    }

    /** True when a window waits for the model. */
    boolean due() {
        return completed < submitted;
    }

    /** Puts the oldest waiting window and the stream's state into {@code batch} as stream {@code b} of {@code size}. */
    void putInto(WindowBatch batch, int b, int size) {
        batch.putWindow(b, samples, slot(completed) * WindowBatch.INPUT_SIZE);
        batch.putState(b, size, state);
    }

    /** Takes stream {@code b}'s probability and new state from the batch just run and publishes the result. */
    void takeFrom(WindowBatch batch, int b, int size) {
        long window = completed;
        probabilities[slot(window)] = batch.probability(b);
        batch.takeState(b, size, state);
        completed = window + 1;
        Thread waiting = waiter;
        if (waiting != null) {
            LockSupport.unpark(waiting);
        }
    }

    private static int slot(long window) {
        return (int) (window % CAPACITY);
    }
}
