package io.voicegateway.vad;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;

/**
 * One call's view of the shared {@link SileroVadModel}: its recurrent state, the 32-sample context and the
 * samples of the window being filled. Takes 8 kHz PCM16 in any frame size (Twilio's 160-sample, 20 ms frames)
 * and runs the model every 256 samples (32 ms). Buffers are allocated once; not thread-safe (one call's frames
 * arrive in order on one thread at a time).
 */
public final class VadStream {

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

    private final SileroVadModel model;
    /** Model input: context (end of the previous input) then the new window; direct so ORT reads it in place. */
    private final FloatBuffer input = directFloats(INPUT_SIZE);
    private final FloatBuffer probability = directFloats(1);
    private FloatBuffer state = directFloats(SileroVadModel.STATE_SIZE);
    private FloatBuffer nextState = directFloats(SileroVadModel.STATE_SIZE);
    private int filled;
    private long windows;
    private float lastProbability;

    VadStream(SileroVadModel model) {
        this.model = model;
    }

    /** Adds {@code len} samples; runs the model once per completed window and tells {@code listener}. */
    public void feed(short[] pcm, int off, int len, WindowListener listener) {
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
        lastProbability = model.run(input, state, nextState, probability);
        FloatBuffer previous = state;
        state = nextState;
        nextState = previous;
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

    private void zeroState() {
        for (int i = 0; i < SileroVadModel.STATE_SIZE; i++) {
            state.put(i, 0f);
        }
    }

    /** Back to the state of a new stream. */
    public void reset() {
        for (int i = 0; i < INPUT_SIZE; i++) {
            input.put(i, 0f);
        }
        zeroState();
        filled = 0;
        windows = 0;
        lastProbability = 0;
    }

    private static FloatBuffer directFloats(int count) {
        return ByteBuffer.allocateDirect(count * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }
}
