package io.voicegateway.nova.session;

import io.voicegateway.nova.NovaError;

/** Lifecycle of model streams, for metrics. Called on session threads: implementations must not block. */
public interface NovaSessionObserver {

    NovaSessionObserver NONE = new NovaSessionObserver() {
    };

    /** A stream opened for a call (first open or a reopen after a break). */
    default void opened(String callId) {
    }

    /** A renewal stream took over before the 8-minute cap. */
    default void renewed(String callId) {
    }

    /** A broken stream is being reopened with the conversation so far. */
    default void reopened(String callId, NovaError cause) {
    }

    /** A caller frame was dropped because the model stream's input queue was full (the stream stalled). */
    default void inputDropped(String callId) {
    }

    /** The session ended on an error (after retries); the call will end. */
    default void failed(String callId, NovaError cause) {
    }
}
