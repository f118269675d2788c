package io.voicegateway.cli;

import io.vertx.core.Vertx;
import java.net.URI;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Starts {@code calls} {@link SimulatedCaller}s on one shared Vert.x, evenly over the ramp (call i at
 * i × ramp / calls), and collects their reports. Nothing blocks a Vert.x thread; {@link #await} blocks the
 * command's own thread.
 */
final class LoadRun {

    private final Vertx vertx;
    private final URI baseUrl;
    private final CallerAudio audio;
    private final SimulatedCaller.Options options;
    private final int calls;
    private final long rampMs;
    private final AtomicInteger started = new AtomicInteger();
    private final AtomicInteger ok = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();
    private final Queue<CallReport> reports = new ConcurrentLinkedQueue<>();
    private final CountDownLatch finished;

    LoadRun(Vertx vertx, URI baseUrl, CallerAudio audio, SimulatedCaller.Options options, int calls, long rampMs) {
        this.vertx = vertx;
        this.baseUrl = baseUrl;
        this.audio = audio;
        this.options = options;
        this.calls = calls;
        this.rampMs = rampMs;
        this.finished = new CountDownLatch(calls);
    }

    void start() {
        for (int i = 0; i < calls; i++) {
            long delay = rampMs * i / calls;
            if (delay < 1) {
                vertx.runOnContext(v -> startOne());
            } else {
                vertx.setTimer(delay, id -> startOne());
            }
        }
    }

    private void startOne() {
        started.incrementAndGet();
        new SimulatedCaller(vertx, baseUrl, audio, options).run().onComplete(result -> {
            CallReport report = result.succeeded() ? result.result()
                    : new CallReport.Builder(false).build("caller crashed: " + result.cause());
            reports.add(report);
            (report.ok() ? ok : failed).incrementAndGet();
            finished.countDown();
        });
    }

    /** Waits until every call has finished or the time is up; true when all finished. */
    boolean await(long timeout, TimeUnit unit) throws InterruptedException {
        return finished.await(timeout, unit);
    }

    int active() {
        return started.get() - ok.get() - failed.get();
    }

    int ok() {
        return ok.get();
    }

    int failed() {
        return failed.get();
    }

    int calls() {
        return calls;
    }

    List<CallReport> reports() {
        return List.copyOf(reports);
    }
}
