package io.voicegateway.media;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * One {@link SerialExecutor} per WebSocket connection key over one shared pool: a connection's events run in
 * the order they arrived, different connections run in parallel. A connection's queue is dropped once its
 * last task (the close) has run, so the map holds only open connections. A connection's queue may be bounded:
 * a call that is seconds behind (its frames go stale and are dropped anyway) must not hold unbounded memory.
 */
final class ConnectionQueues {

    private final Map<String, SerialExecutor> queues = new ConcurrentHashMap<>();
    private final Executor pool;
    private final int limit;

    ConnectionQueues(Executor pool) {
        this(pool, 0);
    }

    /** @param limit tasks one connection may have waiting (0 = no bound); {@link #submitLast} is never refused */
    ConnectionQueues(Executor pool, int limit) {
        this.pool = pool;
        this.limit = limit;
    }

    /** Queues a task behind the connection's earlier ones; false (task not queued) when its queue is full. */
    boolean submit(String connectionKey, Runnable task) {
        return queueOf(connectionKey).offer(task, limit);
    }

    /** Queues the connection's last task; the connection's state is released once it has run. */
    void submitLast(String connectionKey, Runnable task) {
        SerialExecutor queue = queueOf(connectionKey);
        queue.execute(() -> {
            try {
                task.run();
            } finally {
                // Tasks already queued behind this one still drain: they hold the executor, not the map entry.
                queues.remove(connectionKey, queue);
            }
        });
    }

    /** Number of connections with state held: open ones, and closed ones whose close has not yet run. */
    int size() {
        return queues.size();
    }

    void clear() {
        queues.clear();
    }

    private SerialExecutor queueOf(String connectionKey) {
        return queues.computeIfAbsent(connectionKey, key -> new SerialExecutor(pool));
    }
}
