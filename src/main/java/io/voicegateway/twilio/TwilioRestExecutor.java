package io.voicegateway.twilio;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

/**
 * The only threads Twilio REST requests (blocking HTTP) run on: a small fixed pool with a bounded queue, so a
 * slow Twilio never occupies the Vert.x worker pool that carries media frames, and a burst beyond
 * {@code threads + queue} is refused at once ({@link Busy}) instead of piling up.
 */
@Component
public class TwilioRestExecutor implements DisposableBean {

    private final ThreadPoolExecutor pool;

    public TwilioRestExecutor(TwilioRestProperties rest) {
        AtomicInteger n = new AtomicInteger();
        pool = new ThreadPoolExecutor(rest.threads(), rest.threads(), 60, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(rest.queue()), r -> {
                    Thread t = new Thread(r, "twilio-rest-" + n.incrementAndGet());
                    t.setDaemon(true);
                    return t;
                }, new ThreadPoolExecutor.AbortPolicy());
        pool.allowCoreThreadTimeOut(true);
    }

    /**
     * Runs {@code request} on the pool.
     *
     * @throws Busy when every thread is busy and the queue is full
     */
    public <T> CompletableFuture<T> submit(Callable<T> request) {
        CompletableFuture<T> result = new CompletableFuture<>();
        try {
            pool.execute(() -> {
                try {
                    result.complete(request.call());
                } catch (Throwable e) {
                    result.completeExceptionally(e);
                }
            });
        } catch (RejectedExecutionException e) {
            throw new Busy(pool.getMaximumPoolSize(), pool.getQueue().remainingCapacity() + pool.getQueue().size());
        }
        return result;
    }

    @Override
    public void destroy() {
        pool.shutdownNow();
    }

    /** Every REST thread is busy and the queue is full. */
    public static final class Busy extends RuntimeException {
        Busy(int threads, int queue) {
            super("all " + threads + " Twilio REST threads are busy and " + queue
                    + " requests are waiting (TWILIO_REST_THREADS, TWILIO_REST_QUEUE)");
        }
    }
}
