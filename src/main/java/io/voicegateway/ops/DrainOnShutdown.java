package io.voicegateway.ops;

import io.voicegateway.call.CallRegistry;
import io.voicegateway.server.DrainState;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * On SIGTERM (Spring context close): drain, then wait for the running calls to end — up to
 * {@code gateway.shutdown-grace-period} — before Camel and the HTTP server stop. The highest lifecycle phase, so
 * it stops first, while routes and WebSockets still work.
 */
@Component
public class DrainOnShutdown implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(DrainOnShutdown.class);
    private static final long POLL_MS = 200;

    private final DrainState drain;
    private final CallRegistry calls;
    private final Duration grace;
    private volatile boolean running;

    public DrainOnShutdown(DrainState drain, CallRegistry calls,
                           @Value("${gateway.shutdown-grace-period:30s}") Duration grace) {
        this.drain = drain;
        this.calls = calls;
        this.grace = grace;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        drain.drain();
        long deadline = System.nanoTime() + grace.toNanos();
        int active = calls.activeCount();
        if (active > 0) {
            LOG.info("Shutting down: waiting up to {} s for {} active calls to end", grace.toSeconds(), active);
        }
        while ((active = calls.activeCount()) > 0 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        if (active > 0) {
            LOG.warn("Shutting down with {} calls still active after the {} s grace period", active, grace.toSeconds());
        }
        running = false;
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    @Override
    public int getPhase() {
        return Integer.MAX_VALUE; // stop before Camel (phase 2147481598) so calls finish on live routes
    }
}
