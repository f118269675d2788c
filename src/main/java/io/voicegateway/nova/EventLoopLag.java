package io.voicegateway.nova;

import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * How late the tasks of a Netty event loop group run: a probe scheduled on each loop every {@code period} notes
 * how long after its due time it ran. {@link #lagNanos} is the largest lateness of the loops' latest probes, or,
 * for a loop so busy that its probe is overdue, how long overdue it is now, so a stuck loop shows at once.
 */
public final class EventLoopLag implements AutoCloseable {

    private final long periodNanos;
    private final List<Probe> probes = new ArrayList<>();
    private volatile boolean closed;

    public EventLoopLag(EventLoopGroup group, Duration period) {
        this.periodNanos = period.toNanos();
        for (EventExecutor loop : group) {
            Probe probe = new Probe(loop);
            probes.add(probe);
            probe.schedule();
        }
    }

    /** Nanoseconds the group's most delayed loop is behind its schedule (0 when every probe ran on time). */
    public long lagNanos() {
        long now = System.nanoTime();
        long worst = 0;
        for (Probe probe : probes) {
            worst = Math.max(worst, probe.lag(now));
        }
        return worst;
    }

    @Override
    public void close() {
        closed = true;
    }

    private final class Probe implements Runnable {

        private final EventExecutor loop;
        private volatile long due;
        private volatile long lastLag;

        Probe(EventExecutor loop) {
            this.loop = loop;
        }

        void schedule() {
            due = System.nanoTime() + periodNanos;
            try {
                loop.schedule(this, periodNanos, TimeUnit.NANOSECONDS);
            } catch (RejectedExecutionException e) {
                // the loop is shutting down: lag() reports it as on time from now on
            }
        }

        @Override
        public void run() {
            lastLag = Math.max(0, System.nanoTime() - due);
            if (!closed && !loop.isShuttingDown()) {
                schedule();
            }
        }

        long lag(long now) {
            // once closed, or on a loop that is shutting down, no probe runs any more: that is not lateness
            return closed || loop.isShuttingDown() ? 0 : Math.max(lastLag, now - due);
        }
    }
}
