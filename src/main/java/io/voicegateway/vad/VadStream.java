package io.voicegateway.vad;

import java.nio.FloatBuffer;

/**
 * One call's view of the shared {@link SileroVadModel}: its recurrent state, the 32-sample context and the
 * samples of the window being filled. Takes 8 kHz PCM16 in any frame size (Twilio's 160-sample, 20 ms frames)
 * and runs the model every 256 samples (32 ms). Buffers and the model's tensors are made once, when the stream
 * is, and freed by {@link #close} (when the call ends). Not thread-safe, except that {@link #close} may come from
 * another thread (one call's frames arrive in order on one thread at a time; its end may be handled elsewhere).
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
    private final WindowTensors tensors;
    private volatile boolean closed;
    private int filled;
    private long windows;
    private float lastProbability;

    VadStream(SileroVadModel model) {
        this.tensors = new WindowTensors(model, input);
    }

    /** Adds {@code len} samples; runs the model once per completed window and tells {@code listener}. */
    public void feed(short[] pcm, int off, int len, WindowListener listener) {
        if (closed) {
            return; // a frame that raced the end of its call
        }
        for (int i = off; i < off + len; i++) {
            // PCM16 to [-1, 1), the scale Silero was trained on.
            input.put(SileroVadModel.CONTEXT + filled, pcm[i] / 32768f);
            if (++filled == SileroVadModel.WINDOW) {
                filled = 0;
                runWindow(listener);
            }
        }
    }

    private void runWindow(WindowListener listener) {
        // Every window goes through the model, digital silence included: on zeros Silero's LSTM cell state keeps
        // drifting for many seconds (no fixed point to skip to), and skipping or resetting it changed the first
        // speech windows after silence by up to 0.04 (VadReferenceEquivalenceTest checks plain Silero's results).
        lastProbability = tensors.run();
        // The last CONTEXT samples of this input become the context of the next one.
        for (int i = 0; i < SileroVadModel.CONTEXT; i++) {
            input.put(i, input.get(SileroVadModel.WINDOW + i));
        }
        listener.onWindow(windows++, lastProbability);
    }

    /** Probability of the last completed window (0 before the first). */
    public float lastProbability() {
        return lastProbability;
    }

    /** Windows completed so far; the model ran once on each. */
    public long windows() {
        return windows;
    }

    /** Back to the state of a new stream. */
    public void reset() {
        for (int i = 0; i < INPUT_SIZE; i++) {
            input.put(i, 0f);
        }
        tensors.reset();
        filled = 0;
        windows = 0;
        lastProbability = 0;
    }

    /** Frees the model tensors; later frames are ignored. Idempotent; any thread. */
    @Override
    public void close() {
        closed = true;
        tensors.close();
    }
}
