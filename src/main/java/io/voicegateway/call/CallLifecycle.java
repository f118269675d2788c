package io.voicegateway.call;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Ends calls in one place, whatever ended them (Twilio status, stream stop, time limit, error): records the
 * reason, moves the call to the registry's ended list and tells the parts that hold per-call resources.
 */
@Component
public class CallLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(CallLifecycle.class);

    private final CallRegistry calls;
    private final List<BiConsumer<Call, String>> endListeners = new CopyOnWriteArrayList<>();

    public CallLifecycle(CallRegistry calls) {
        this.calls = calls;
    }

    /** Registers code to run once when a call ends (e.g. close its media stream and model session). */
    public void onEnd(BiConsumer<Call, String> listener) {
        endListeners.add(listener);
    }

    /** Ends the call with {@code reason} unless it already ended; listeners run once. */
    public void end(Call call, String reason) {
        if (call.end(reason)) {
            LOG.info("Call {} ended: {}", call.callId(), reason);
        }
        ended(call, reason);
    }

    /** Called when Twilio reported a final status; releases the call's resources (once, however often called). */
    public void ended(Call call, String reason) {
        if (!call.isEnded()) {
            call.end(reason);
        }
        if (!call.markReleased()) {
            return;
        }
        calls.ended(call);
        for (BiConsumer<Call, String> listener : endListeners) {
            try {
                listener.accept(call, reason);
            } catch (RuntimeException e) {
                LOG.warn("Call {}: releasing resources failed: {}", call.callId(), e.toString());
            }
        }
    }
}
