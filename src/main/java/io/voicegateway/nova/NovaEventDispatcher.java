package io.voicegateway.nova;

import io.voicegateway.nova.session.NovaEventListener;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands every session's events to the started {@code nova-sonic:} consumers. One per component; sessions opened by
 * any producer of the component report here. Events with no consumer are dropped (logged at debug).
 */
final class NovaEventDispatcher implements NovaEventListener {

    private static final Logger LOG = LoggerFactory.getLogger(NovaEventDispatcher.class);

    private final List<NovaSonicConsumer> consumers = new CopyOnWriteArrayList<>();

    void register(NovaSonicConsumer consumer) {
        consumers.add(consumer);
    }

    void unregister(NovaSonicConsumer consumer) {
        consumers.remove(consumer);
    }

    @Override
    public void onEvent(String callId, NovaEvent event) {
        if (consumers.isEmpty()) {
            LOG.debug("call {}: no nova-sonic consumer started, dropped {}", callId, event.type());
            return;
        }
        for (NovaSonicConsumer consumer : consumers) {
            consumer.onEvent(callId, event);
        }
    }
}
