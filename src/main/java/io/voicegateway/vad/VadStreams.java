package io.voicegateway.vad;

/**
 * Where calls get their VAD streams: synchronous streams on the shared model ({@code vad.batch-tick-ms: 0}, the
 * default), or batched streams evaluated by one {@link VadBatcher} thread for all calls. Only the gateway's calls
 * come through here; the {@code vad} command, the emulator and the reference tests use synchronous streams.
 */
public final class VadStreams implements AutoCloseable {

    private final SileroVadModel model;
    private final VadBatcher batcher;

    private VadStreams(SileroVadModel model, VadBatcher batcher) {
        this.model = model;
        this.batcher = batcher;
    }

    /**
     * @param tickMs   {@code vad.batch-tick-ms}: 0 = synchronous; above 0 a started batcher running every tickMs
     * @param observer told about each batch run (unused when synchronous)
     */
    public static VadStreams create(SileroVadModel model, long tickMs, VadBatcher.Observer observer) {
        if (tickMs < 0) {
            throw new IllegalArgumentException("vad.batch-tick-ms must be 0 (off) or positive, got " + tickMs);
        }
        return new VadStreams(model, tickMs == 0 ? null
                : new VadBatcher(model, tickMs, VadBatcher.DEFAULT_MAX_BATCH, observer).start());
    }

    /** A new call's stream; close it when the call ends. */
    public VadStream newStream() {
        return batcher == null ? model.newStream() : batcher.newStream();
    }

    public boolean batched() {
        return batcher != null;
    }

    /** Stops the batcher thread, if any; the model itself is closed by its owner. */
    @Override
    public void close() {
        if (batcher != null) {
            batcher.close();
        }
    }
}
