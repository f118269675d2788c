package io.voicegateway.media;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;

/**
 * One {@link SerialExecutor} per WebSocket connection key over one shared pool: a connection's events run in
 * the order they arrived, different connections run in parallel. A connection's queue is dropped once its
 * last task (the close) has run, so the map holds only open connections.
 */
final class ConnectionQueues {

    private final Map<String, SerialExecutor> queues = new ConcurrentHashMap<>();
    private final Executor pool;

    ConnectionQueues(Executor pool) {
        this.pool = pool;
    }

    /** Queues a task behind the connection's earlier ones. */
    void submit(String connectionKey, Runnable task) {
        queueOf(connectionKey).execute(task);
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
