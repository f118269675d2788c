package io.voicegateway.nova.session;

import io.voicegateway.nova.NovaEvent;

/**
 * Receives the events of sessions. Calls for one call id come in order and never concurrently, on a pool thread
 * (never the network I/O thread); calls for different call ids may run in parallel.
 */
@FunctionalInterface
public interface NovaEventListener {

    void onEvent(String callId, NovaEvent event);
}
