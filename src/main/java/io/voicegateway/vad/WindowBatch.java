package io.voicegateway.vad;

import ai.onnxruntime.OnnxTensor;
import java.nio.FloatBuffer;
import java.util.Map;

/**
 * Buffers and tensors for running the model on windows of up to {@code capacity} streams at once: input
 * {@code [B, 288]}, state in and out {@code [2, B, 128]}, probabilities {@code [B, 1]}. The model takes a batch
 * dimension (snakers4/silero-vad's own {@code OnnxWrapper} feeds {@code [batch, samples]} and a
 * {@code [2, batch, 128]} state); a batch of B costs far less than B single runs from about B = 32 (docs/benchmarks.md).
 *
 * <p>One set of direct buffers sized for {@code capacity}; the tensors for a batch of B wrap the first elements of
 * them and are made the first time a batch of that size runs, then reused (ORT reads and writes the buffers in
 * place, as in {@link WindowTensors}). The state layout is {@code [2][B][128]}: stream b's h is at
 * {@code b * 128} and its c at {@code (B + b) * 128}, so where c starts depends on B. Used by one thread only.
 */
final class WindowBatch implements AutoCloseable {

    static final int INPUT_SIZE = SileroVadModel.CONTEXT + SileroVadModel.WINDOW;
    /** Floats in one of h or c for one stream. */
    static final int HALF_STATE = SileroVadModel.STATE_SIZE / 2;

    private final SileroVadModel model;
    private final int capacity;
    private final FloatBuffer input;
    private final FloatBuffer state;
    private final FloatBuffer nextState;
    private final FloatBuffer probability;
    /** By batch size: {inputs, outputs} maps over tensors of that size; made on first use. */
    private final Sized[] sized;

    private record Sized(OnnxTensor[] tensors, Map<String, OnnxTensor> inputs, Map<String, OnnxTensor> outputs) {
    }

    WindowBatch(SileroVadModel model, int capacity) {
        this.model = model;
        this.capacity = capacity;
        input = WindowTensors.directFloats(capacity * INPUT_SIZE);
        state = WindowTensors.directFloats(capacity * SileroVadModel.STATE_SIZE);
        nextState = WindowTensors.directFloats(capacity * SileroVadModel.STATE_SIZE);
        probability = WindowTensors.directFloats(capacity);
        sized = new Sized[capacity + 1];
    }

    int capacity() {
        return capacity;
    }

    /** Puts stream {@code b}'s window (context + samples, {@code INPUT_SIZE} floats) into a batch of {@code size}. */
    void putWindow(int b, float[] samples, int offset) {
        input.put(b * INPUT_SIZE, samples, offset, INPUT_SIZE);
    }

    /** Puts stream {@code b}'s state ({@code [2, 1, 128]}: h then c) into a batch of {@code size}. */
    void putState(int b, int size, float[] streamState) {
        state.put(b * HALF_STATE, streamState, 0, HALF_STATE);
        state.put((size + b) * HALF_STATE, streamState, HALF_STATE, HALF_STATE);
    }

    /** Runs the model on the first {@code size} windows and states put in. */
    void run(int size) {
        Sized tensors = sized[size];
        if (tensors == null) {
            tensors = sized[size] = tensorsFor(size);
        }
        model.run(tensors.inputs(), tensors.outputs());
    }

    /** Stream {@code b}'s speech probability from the last run. */
    float probability(int b) {
        return probability.get(b);
    }

    /** Copies stream {@code b}'s new state out of the last run of {@code size} (h then c, as the stream keeps it). */
    void takeState(int b, int size, float[] streamState) {
        nextState.get(b * HALF_STATE, streamState, 0, HALF_STATE);
        nextState.get((size + b) * HALF_STATE, streamState, HALF_STATE, HALF_STATE);
    }

    private Sized tensorsFor(int size) {
        OnnxTensor in = model.tensor(input.slice(0, size * INPUT_SIZE), new long[] {size, INPUT_SIZE});
        long[] stateShape = {2, size, HALF_STATE};
        OnnxTensor stateIn = model.tensor(state.slice(0, size * SileroVadModel.STATE_SIZE), stateShape);
        OnnxTensor stateOut = model.tensor(nextState.slice(0, size * SileroVadModel.STATE_SIZE), stateShape);
        OnnxTensor p = model.tensor(probability.slice(0, size), new long[] {size, 1});
        return new Sized(new OnnxTensor[] {in, stateIn, stateOut, p}, model.inputs(in, stateIn),
                SileroVadModel.outputs(p, stateOut));
    }

    @Override
    public void close() {
        for (Sized s : sized) {
            if (s != null) {
                for (OnnxTensor tensor : s.tensors()) {
                    tensor.close();
                }
            }
        }
    }
}
