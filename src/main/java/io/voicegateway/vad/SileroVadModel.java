package io.voicegateway.vad;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.io.InputStream;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * The Silero VAD v6 ONNX model (https://github.com/snakers4/silero-vad), 8 kHz mode. One instance, and so one
 * {@link OrtSession}, per process: {@code OrtSession.run} is thread-safe, and every call keeps its own recurrent
 * state in a {@link VadStream}. One intra-op thread per run: a 32 ms window costs tens of µs, and calls already
 * run in parallel.
 *
 * <p>Model I/O (checked against the bundled file's metadata): {@code input} float[1, 288] = 32 samples of context
 * (the end of the previous window) + 256 new samples scaled to [-1, 1]; {@code state} float[2, 1, 128];
 * {@code sr} int64 scalar 8000. Outputs {@code output} float[1, 1] (speech probability) and {@code stateN}.
 */
public final class SileroVadModel implements AutoCloseable {

    public static final int SAMPLE_RATE = 8000;
    /** New samples per window: 256 at 8 kHz = 32 ms. */
    public static final int WINDOW = 256;
    /** Samples of the previous window prepended to each input; without them the probabilities are badly wrong. */
    public static final int CONTEXT = 32;
    public static final int STATE_SIZE = 2 * 128;
    public static final long WINDOW_MS = WINDOW * 1000L / SAMPLE_RATE;

    static final String BUNDLED_RESOURCE = "/models/silero_vad.onnx";
    static final String BUNDLED_SHA256 = "1a153a22f4509e292a94e67d6f9b85e8deb25b4988682b7e174c65279d8788e3";
    /**
     * onnxruntime 1.29.0 can crash the JVM (SIGSEGV, no hs_err file) while loading its native library and creating
     * the environment/session on a small thread stack (DESIGN §10). Measured here: with only the ORT jar on the
     * classpath even 256 KiB was enough, but with the gateway's full test/JMH classpath (~240 jars) it crashed on
     * 1 MiB and 4 MiB stacks and worked from 6 MiB up. So the model is loaded on a thread of our own with 16 MiB
     * (virtual; only touched pages are committed), whatever -Xss the JVM got. Inference afterwards ran fine on
     * 256 KiB and 1 MiB threads, so {@link #run} stays on the caller's thread.
     */
    static final long INIT_STACK_BYTES = 16L << 20;

    static final long[] INPUT_SHAPE = {1, CONTEXT + WINDOW};
    static final long[] STATE_SHAPE = {2, 1, 128};
    static final long[] OUTPUT_SHAPE = {1, 1};

    private final OrtEnvironment env;
    private final OrtSession session;
    private final OnnxTensor sampleRate;
    private final String source;

    private SileroVadModel(OrtEnvironment env, OrtSession session, String source) throws OrtException {
        this.env = env;
        this.session = session;
        this.source = source;
        this.sampleRate = OnnxTensor.createTensor(env, (long) SAMPLE_RATE);
    }

    /** The model named by {@code vad.model-path}, or the bundled one when it is empty. */
    public static SileroVadModel fromSetting(String modelPath) {
        return modelPath == null || modelPath.isBlank() ? loadBundled() : load(Path.of(modelPath));
    }

    /** The model shipped in the jar, after checking its SHA-256. */
    public static SileroVadModel loadBundled() {
        byte[] bytes;
        try (InputStream in = SileroVadModel.class.getResourceAsStream(BUNDLED_RESOURCE)) {
            if (in == null) {
                throw new VadModelException("The bundled VAD model " + BUNDLED_RESOURCE + " is missing from the classpath");
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new VadModelException("Cannot read the bundled VAD model " + BUNDLED_RESOURCE, e);
        }
        String actual = sha256(bytes);
        if (!actual.equals(BUNDLED_SHA256)) {
            throw new VadModelException("The bundled VAD model is corrupt: sha256 " + actual + ", expected " + BUNDLED_SHA256);
        }
        return create(bytes, "bundled " + BUNDLED_RESOURCE);
    }

    /** A user-supplied Silero VAD ONNX file ({@code vad.model-path}); not checksummed, but its I/O is checked. */
    public static SileroVadModel load(Path path) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException e) {
            throw new VadModelException("vad.model-path: cannot read " + path + " (" + e.getMessage() + ")", e);
        }
        return create(bytes, path.toString());
    }

    private static SileroVadModel create(byte[] bytes, String source) {
        return onInitThread(() -> {
            OrtEnvironment env = OrtEnvironment.getEnvironment();
            OrtSession session;
            try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
                options.setIntraOpNumThreads(1);
                options.setInterOpNumThreads(1);
                session = env.createSession(bytes, options);
            } catch (OrtException e) {
                throw new VadModelException("vad.model-path: " + source + " is not a valid ONNX model: " + e.getMessage(), e);
            }
            try {
                checkSignature(session, source);
                return new SileroVadModel(env, session, source);
            } catch (OrtException | RuntimeException e) {
                session.close();
                throw e instanceof VadModelException v ? v : new VadModelException("Cannot use " + source, e);
            }
        });
    }

    private static void checkSignature(OrtSession session, String source) throws OrtException {
        Set<String> inputs = session.getInputNames();
        Set<String> outputs = session.getOutputNames();
        if (!inputs.equals(Set.of("input", "state", "sr")) || !outputs.containsAll(Set.of("output", "stateN"))) {
            throw new VadModelException("vad.model-path: " + source + " is not a Silero VAD v5/v6 model: inputs "
                    + inputs + ", outputs " + outputs + " (expected input, state, sr -> output, stateN)");
        }
    }

    /**
     * Runs one window on tensors made for this run only (the plain way, kept as the reference the reused tensors
     * of {@link WindowTensors} are tested against). All buffers are direct and in native order, so ORT reads and
     * writes them in place.
     *
     * @param input       {@code CONTEXT + WINDOW} samples in [-1, 1]
     * @param state       the recurrent state from the previous window (zeros at the start)
     * @param nextState   receives the new state; must not be {@code state}
     * @param probability receives the speech probability
     * @return the speech probability, 0..1
     */
    float run(FloatBuffer input, FloatBuffer state, FloatBuffer nextState, FloatBuffer probability) {
        try (OnnxTensor inputTensor = tensor(input, INPUT_SHAPE);
             OnnxTensor stateTensor = tensor(state, STATE_SHAPE);
             OnnxTensor nextStateTensor = tensor(nextState, STATE_SHAPE);
             OnnxTensor probabilityTensor = tensor(probability, OUTPUT_SHAPE)) {
            run(inputs(inputTensor, stateTensor), outputs(probabilityTensor, nextStateTensor));
            return probability.get(0);
        }
    }

    /**
     * One run over ready-made tensors: the outputs are pinned (ORT writes into their buffers), so the
     * {@link OrtSession.Result} owns nothing and closing it frees no tensor.
     */
    void run(Map<String, OnnxTensor> inputs, Map<String, OnnxTensor> outputs) {
        try (OrtSession.Result ignored = session.run(inputs, outputs)) {
            // the outputs are in the pinned buffers
        } catch (OrtException e) {
            throw new VadModelException("Silero VAD inference failed (" + source + "): " + e.getMessage(), e);
        }
    }

    /** The model's inputs: samples {@code [B, 288]}, state {@code [2, B, 128]} and the shared sample-rate scalar. */
    Map<String, OnnxTensor> inputs(OnnxTensor input, OnnxTensor state) {
        return Map.of("input", input, "state", state, "sr", sampleRate);
    }

    /** The model's outputs: probabilities {@code [B, 1]} and the next state {@code [2, B, 128]}. */
    static Map<String, OnnxTensor> outputs(OnnxTensor probability, OnnxTensor nextState) {
        return Map.of("output", probability, "stateN", nextState);
    }

    /** A tensor over a direct, native-order buffer: no copy, ORT reads and writes that memory. */
    OnnxTensor tensor(FloatBuffer buffer, long[] shape) {
        try {
            return OnnxTensor.createTensor(env, buffer, shape);
        } catch (OrtException e) {
            throw new VadModelException("Cannot make a VAD tensor of shape " + Arrays.toString(shape), e);
        }
    }

    /** A fresh per-call stream over this model. */
    public VadStream newStream() {
        return new VadStream(this);
    }

    /** Where the model came from, for logs. */
    public String source() {
        return source;
    }

    @Override
    public void close() {
        sampleRate.close();
        try {
            session.close();
        } catch (OrtException e) {
            throw new VadModelException("Cannot close the VAD session", e);
        }
    }

    private static <T> T onInitThread(Callable<T> task) {
        FutureTask<T> future = new FutureTask<>(task);
        Thread thread = new Thread(null, future, "silero-vad-init", INIT_STACK_BYTES);
        thread.start();
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VadModelException("Interrupted while loading the VAD model", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new VadModelException("Cannot load the VAD model", e.getCause());
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
