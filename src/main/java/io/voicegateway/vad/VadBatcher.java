package io.voicegateway.vad;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs Silero for all calls at once: one daemon thread that, every {@code vad.batch-tick-ms}, gathers the window
 * each stream completed since the last tick and runs them as one batch ({@link WindowBatch}; more than
 * {@code maxBatch} due windows make several runs). A stream's windows depend on its previous state, so a run takes
 * at most one window per stream; a stream's second waiting window goes into the next run, straight after.
 *
 * <p>A batched {@link VadStream} copies each completed window into its {@link WindowHandoff}. With a result wait
 * (the gateway's setting), the frame thread then parks until the run that has its window is done and goes on
 * with the result: the price is up to one tick (plus the run) per window-completing frame, and a parked thread
 * per such frame meanwhile. Without one, the frame goes on at once and picks up the probabilities on its next
 * frames (a result up to one tick plus one frame late). The batcher never waits for a frame thread.
 */
public final class VadBatcher implements AutoCloseable {

    /** Told about every batch run (the gateway's metrics). */
    @FunctionalInterface
    public interface Observer {
        /**
         * @param windows windows in the run, 1..maxBatch
         * @param nanos   time the model took for them
         */
        void onBatch(int windows, long nanos);
    }

    /** Largest batch: beyond ~64 windows the cost per window stops falling (docs/benchmarks.md). */
    public static final int DEFAULT_MAX_BATCH = 128;
    /** The model is loaded on a bigger stack (see SileroVadModel); inference ran fine on 256 KiB. */
    private static final long STACK_BYTES = 4L << 20;
    private static final Logger LOG = LoggerFactory.getLogger(VadBatcher.class);

    private final long tickNanos;
    private final long resultWaitNanos;
    private final Observer observer;
    private final SileroVadModel model;
    private final WindowBatch batch;
    private final WindowHandoff[] chosen;
    /** New streams, from any thread, taken into {@link #streams} by the batcher thread at its next tick. */
    private final ConcurrentLinkedQueue<WindowHandoff> joining = new ConcurrentLinkedQueue<>();
    /** Every open stream; batcher thread only. */
    private final List<WindowHandoff> streams = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running;

    /**
     * A batcher whose thread starts with {@link #start}; until then {@link #runDue} runs batches on demand.
     *
     * @param tickMs   how often due windows are run, ms (> 0)
     * @param maxBatch most windows in one run
     */
    public VadBatcher(SileroVadModel model, long tickMs, int maxBatch, Observer observer) {
        this(model, tickMs, maxBatch, 0, observer);
    }

    /**
     * A batcher whose streams wait for their windows' results (see {@link #newStream}).
     *
     * @param resultWaitMs how long a frame that completed a window waits for its result; 0 = it does not wait
     */
    public VadBatcher(SileroVadModel model, long tickMs, int maxBatch, long resultWaitMs, Observer observer) {
        if (tickMs <= 0 || maxBatch <= 0 || resultWaitMs < 0) {
            throw new IllegalArgumentException("vad.batch-tick-ms and the batch size must be positive and the result"
                    + " wait not negative, got " + tickMs + ", " + maxBatch + " and " + resultWaitMs);
        }
        this.model = model;
        this.tickNanos = TimeUnit.MILLISECONDS.toNanos(tickMs);
        this.resultWaitNanos = TimeUnit.MILLISECONDS.toNanos(resultWaitMs);
        this.observer = observer;
        this.batch = new WindowBatch(model, maxBatch);
        this.chosen = new WindowHandoff[maxBatch];
        this.thread = new Thread(null, this::loop, "silero-vad-batcher", STACK_BYTES);
        thread.setDaemon(true);
    }

    /**
     * A stream whose windows this batcher runs. With a result wait, a feed that completes a window parks until
     * the batcher has run it (at most that long), so the call hears of each window in the frame that completed
     * it, a tick later, instead of a frame (20 ms) later. Close it when the call ends.
     */
    public VadStream newStream() {
        WindowHandoff handoff = new WindowHandoff();
        joining.add(handoff);
        LockSupport.unpark(thread); // it parks without a tick while no stream is open
        return new VadStream(handoff, resultWaitNanos);
    }

    public VadBatcher start() {
        running = true;
        thread.start();
        return this;
    }

    /**
     * Runs every waiting window, in as many runs as it takes (one window per stream per run); batcher thread only,
     * or a test's thread before {@link #start}.
     *
     * @return the number of runs
     */
    int runDue() {
        int runs = 0;
        while (runOnce() > 0) {
            runs++;
        }
        return runs;
    }

    /** One run over at most one waiting window of each stream, up to the batch capacity; returns its size. */
    int runOnce() {
        for (WindowHandoff joined; (joined = joining.poll()) != null; ) {
            streams.add(joined);
        }
        streams.removeIf(WindowHandoff::closed); // a closed stream's waiting windows are dropped with it
        int size = 0;
        for (int i = 0; i < streams.size() && size < chosen.length; i++) {
            WindowHandoff stream = streams.get(i);
            if (stream.due()) {
                chosen[size++] = stream;
            }
        }
        if (size == 0) {
            return 0;
        }
        for (int b = 0; b < size; b++) {
            chosen[b].putInto(batch, b, size);
        }
        long started = System.nanoTime();
        batch.run(size);
        observer.onBatch(size, System.nanoTime() - started);
        for (int b = 0; b < size; b++) {
            chosen[b].takeFrom(batch, b, size);
            chosen[b] = null;
        }
        return size;
    }

    /** Streams the batcher knows (joined and not yet seen closed); batcher thread or tests. */
    int streams() {
        return streams.size();
    }

    private void loop() {
        long next = System.nanoTime();
        while (running) {
            try {
                runDue();
            } catch (RuntimeException e) {
                // The windows stay queued and are retried at the next tick; one bad run must not stop every call's VAD.
                LOG.error("Silero VAD batch failed ({}); retrying at the next tick", model.source(), e);
            }
            if (streams.isEmpty() && joining.isEmpty()) {
                LockSupport.park(this); // no call: no ticks until newStream (or close) unparks us
                next = System.nanoTime();
                continue;
            }
            next += tickNanos;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(this, wait);
            } else {
                next = System.nanoTime(); // fell behind: no catch-up burst
            }
        }
    }

    /** Stops the thread, then frees the batch tensors (before the model is closed). */
    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
        try {
            if (thread.isAlive()) {
                thread.join(TimeUnit.SECONDS.toMillis(5));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        batch.close();
    }
}
