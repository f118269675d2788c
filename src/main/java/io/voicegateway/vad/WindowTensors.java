package io.voicegateway.vad;

import ai.onnxruntime.OnnxTensor;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Map;

/**
 * One synchronous stream's tensors, made once and reused for every window. They wrap direct, native-order
 * buffers, which ORT reads (inputs) and writes (pinned outputs) in place at each run, so refilling the input
 * buffer is all a new window needs (checked in WindowTensorsTest against tensors made per run). This saves the
 * four tensors, two maps and their native handles that every window used to create and free.
 *
 * <p>The recurrent state lives in two buffers that take turns as input and output: ORT must not read and write
 * the same state in one run. Runs and {@link #close} are synchronised on this object because a call can end
 * (and close its stream) on another thread while its last frame is still in the model; the lock is per stream,
 * so it is never contended across calls.
 */
final class WindowTensors implements AutoCloseable {

    private final SileroVadModel model;
    private final FloatBuffer stateA = directFloats(SileroVadModel.STATE_SIZE);
    private final FloatBuffer stateB = directFloats(SileroVadModel.STATE_SIZE);
    private final FloatBuffer probability = directFloats(1);
    private final OnnxTensor[] tensors;
    private final Map<String, OnnxTensor> inputsFromA;
    private final Map<String, OnnxTensor> outputsToB;
    private final Map<String, OnnxTensor> inputsFromB;
    private final Map<String, OnnxTensor> outputsToA;
    /** Which buffer holds the current state: A before the first window. */
    private boolean stateInA = true;
    private boolean closed;

    /** @param input the stream's model input, {@code CONTEXT + WINDOW} floats, direct and in native order */
    WindowTensors(SileroVadModel model, FloatBuffer input) {
        this.model = model;
        OnnxTensor in = model.tensor(input, SileroVadModel.INPUT_SHAPE);
        OnnxTensor a = model.tensor(stateA, SileroVadModel.STATE_SHAPE);
        OnnxTensor b = model.tensor(stateB, SileroVadModel.STATE_SHAPE);
        OnnxTensor p = model.tensor(probability, SileroVadModel.OUTPUT_SHAPE);
        tensors = new OnnxTensor[] {in, a, b, p};
        inputsFromA = model.inputs(in, a);
        outputsToB = SileroVadModel.outputs(p, b);
        inputsFromB = model.inputs(in, b);
        outputsToA = SileroVadModel.outputs(p, a);
    }

    /**
     * Runs the model on the input buffer's current contents and keeps the new state.
     *
     * @return the speech probability, 0..1; 0 when the stream was closed meanwhile (the call has ended)
     */
    synchronized float run() {
        if (closed) {
            return 0f;
        }
        if (stateInA) {
            model.run(inputsFromA, outputsToB);
        } else {
            model.run(inputsFromB, outputsToA);
        }
        stateInA = !stateInA;
        return probability.get(0);
    }

    /** Back to the zero state of a new stream. */
    synchronized void reset() {
        for (int i = 0; i < SileroVadModel.STATE_SIZE; i++) {
            stateA.put(i, 0f);
            stateB.put(i, 0f);
        }
        stateInA = true;
    }

    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            for (OnnxTensor tensor : tensors) {
                tensor.close();
            }
        }
    }

    static FloatBuffer directFloats(int count) {
        return ByteBuffer.allocateDirect(count * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }
}
