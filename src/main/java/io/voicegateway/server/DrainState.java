package io.voicegateway.server;

import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Whether this instance admits new calls. Draining (POST /ops/drain, or SIGTERM) refuses new calls — webhooks
 * answer TwiML that politely declines, the call APIs answer 503, /health answers 503 DRAINING so load balancers
 * stop routing here — while calls already running carry on. {@link CallAdmission} asks it for every new call.
 */
@Component
public class DrainState {

    private static final Logger LOG = LoggerFactory.getLogger(DrainState.class);

    private final AtomicBoolean draining = new AtomicBoolean();

    public boolean isDraining() {
        return draining.get();
    }

    public void drain() {
        if (draining.compareAndSet(false, true)) {
            LOG.warn("Draining: new calls are refused; running calls continue");
        }
    }

    public void resume() {
        if (draining.compareAndSet(true, false)) {
            LOG.info("Resumed: new calls are admitted again");
        }
    }
}
