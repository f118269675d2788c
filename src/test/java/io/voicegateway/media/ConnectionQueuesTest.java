package io.voicegateway.media;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Rule: per key, tasks run one at a time in submission order; a key's queue is released after its last task. */
class ConnectionQueuesTest {

    private final ExecutorService pool = Executors.newFixedThreadPool(8);
    private final ConnectionQueues queues = new ConnectionQueues(pool);

    @AfterEach
    void stop() {
        pool.shutdownNow();
    }

    @Test
    void eachKeysTasksRunInSubmissionOrderAndNeverTwoAtOnce() throws Exception {
        int keys = 10;
        int tasksPerKey = 1_000;
        Map<String, Queue<Integer>> ran = new ConcurrentHashMap<>();
        Map<String, AtomicInteger> running = new ConcurrentHashMap<>();
        AtomicInteger overlaps = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(keys);

        for (int i = 0; i < tasksPerKey; i++) {
            for (int k = 0; k < keys; k++) {
                String key = "k" + k;
                int sequence = i;
                Runnable task = () -> {
                    if (running.computeIfAbsent(key, x -> new AtomicInteger()).incrementAndGet() > 1) {
                        overlaps.incrementAndGet();
                    }
                    ran.computeIfAbsent(key, x -> new ConcurrentLinkedQueue<>()).add(sequence);
                    running.get(key).decrementAndGet();
                };
                if (sequence == tasksPerKey - 1) {
                    queues.submitLast(key, () -> { task.run(); done.countDown(); });
                } else {
                    queues.submit(key, task);
                }
            }
        }

        assertThat(done.await(30, SECONDS)).isTrue();
        List<Integer> expected = IntStream.range(0, tasksPerKey).boxed().toList();
        ran.values().forEach(sequence -> assertThat(List.copyOf(sequence)).isEqualTo(expected));
        assertThat(ran).hasSize(keys);
        assertThat(overlaps).hasValue(0);
    }

    @Test
    void aKeysQueueIsReleasedOnceItsLastTaskHasRun() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch lastRan = new CountDownLatch(1);
        queues.submit("call", () -> awaitQuietly(release));
        queues.submitLast("call", lastRan::countDown);

        assertThat(queues.size()).as("held while tasks are pending").isEqualTo(1);
        release.countDown();
        assertThat(lastRan.await(10, SECONDS)).isTrue();
        pool.shutdown();
        assertThat(pool.awaitTermination(10, SECONDS)).isTrue();
        assertThat(queues.size()).isZero();
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void aFullQueueRefusesFurtherTasksButNeverTheLastOne() throws Exception {
        ConnectionQueues bounded = new ConnectionQueues(pool, 3);
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        AtomicInteger ran = new AtomicInteger();
        CountDownLatch blocking = new CountDownLatch(1);
        assertThat(bounded.submit("k", () -> {
            blocking.countDown();
            awaitQuietly(release);
        })).isTrue();
        assertThat(blocking.await(5, SECONDS)).isTrue(); // the first task is running, no longer waiting

        List<Boolean> accepted = IntStream.range(0, 5).mapToObj(i -> bounded.submit("k", ran::incrementAndGet)).toList();
        bounded.submitLast("k", closed::countDown);
        release.countDown();

        assertThat(accepted).containsExactly(true, true, true, false, false);
        assertThat(closed.await(5, SECONDS)).isTrue();
        assertThat(ran.get()).isEqualTo(3);
    }
}
