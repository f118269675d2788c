package io.voicegateway.media;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs its tasks one at a time, in submission order, on threads borrowed from a shared pool. Many serial
 * executors share one pool, so different connections run in parallel while each connection stays in order.
 * Lock-free: submitting from an event loop never blocks.
 */
final class SerialExecutor implements Executor {

    /** Tasks run per turn before the executor gives its pool thread back, so one busy call can't starve others. */
    static final int BATCH = 32;

    private final Queue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean draining = new AtomicBoolean();
    private final Executor pool;

    SerialExecutor(Executor pool) {
        this.pool = pool;
    }

    @Override
    public void execute(Runnable task) {
        tasks.offer(task);
        drainIfIdle();
    }

    private void drainIfIdle() {
        if (!tasks.isEmpty() && draining.compareAndSet(false, true)) {
            pool.execute(this::drain);
        }
    }

    private void drain() {
        try {
            Runnable task;
            for (int i = 0; i < BATCH && (task = tasks.poll()) != null; i++) {
                task.run();
            }
        } finally {
            draining.set(false);
            // A task offered after our last poll saw draining == true and left the work to us.
            drainIfIdle();
        }
    }
}
