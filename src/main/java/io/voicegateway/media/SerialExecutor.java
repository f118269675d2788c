package io.voicegateway.media;

import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

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
    /** Tasks queued and not yet started (ConcurrentLinkedQueue.size() walks the queue). */
    private final AtomicInteger pending = new AtomicInteger();
    private final Executor pool;

    SerialExecutor(Executor pool) {
        this.pool = pool;
    }

    @Override
    public void execute(Runnable task) {
        pending.incrementAndGet();
        tasks.offer(task);
        drainIfIdle();
    }

    /** Queues the task unless {@code limit} (> 0) tasks are already waiting; false when refused. */
    boolean offer(Runnable task, int limit) {
        if (limit > 0 && pending.get() >= limit) {
            return false;
        }
        execute(task);
        return true;
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
                pending.decrementAndGet();
                task.run();
            }
        } finally {
            draining.set(false);
            // A task offered after our last poll saw draining == true and left the work to us.
            drainIfIdle();
        }
    }
}
