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
                : new VadBatcher(model, tickMs, VadBatcher.DEFAULT_MAX_BATCH, resultWaitMs(tickMs), observer).start());
    }

    /**
     * How long a call's frame waits for its window's batched result: the next tick, and a backlog of a few runs
     * (128 windows take ≈ 4 ms). A batcher further behind than that no longer holds frames up; its results then
     * come with later frames.
     */
    static long resultWaitMs(long tickMs) {
        return 2 * tickMs + 20;
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
