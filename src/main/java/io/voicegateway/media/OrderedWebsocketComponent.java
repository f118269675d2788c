package io.voicegateway.media;

import org.apache.camel.component.vertx.websocket.VertxWebsocketComponent;
import org.apache.camel.component.vertx.websocket.VertxWebsocketComponentConfigurer;
import org.apache.camel.component.vertx.websocket.VertxWebsocketConfiguration;
import org.apache.camel.component.vertx.websocket.VertxWebsocketEndpoint;
import org.apache.camel.component.vertx.websocket.VertxWebsocketEndpointConfigurer;
import org.apache.camel.spi.PropertyConfigurer;

/**
 * The stock {@code vertx-websocket} component, except that a server consumer processes each connection's
 * events (open, messages, close) strictly in arrival order. The stock consumer hands every message to the
 * Vert.x worker pool unordered ({@code executeBlocking(..., false)}), which reorders audio frames; see
 * DESIGN.md §10. URI syntax, options, headers, the shared {@code Router} lookup and the producer are the
 * parent's, unchanged: register an instance under any scheme name (we use {@code twilio-ws}).
 *
 * <p>Producers that reply to a connection must use this same component instance: connected peers are
 * tracked per component, so a {@code vertx-websocket:} producer cannot see a {@code twilio-ws:} consumer's peers.
 */
public class OrderedWebsocketComponent extends VertxWebsocketComponent {

    // Camel finds a component's generated configurers by the scheme in its own @Component annotation, which a
    // subclass does not inherit; without these, URI options such as fireWebSocketConnectionEvents=true would
    // silently end up in the WebSocket URI's query instead of the endpoint's configuration.
    private final PropertyConfigurer componentConfigurer = new VertxWebsocketComponentConfigurer();
    private final PropertyConfigurer endpointConfigurer = new VertxWebsocketEndpointConfigurer();
    /** Caps on each server connection's inbound messages; null for none. */
    private MessageLimits messageLimits;
    private int connectionQueueLimit;
    private int workerThreads = DEFAULT_WORKER_THREADS;
    private Runnable onQueueFull = () -> { };

    /** Threads of the {@code media-frames} pool unless set: Vert.x's default worker pool size. */
    public static final int DEFAULT_WORKER_THREADS = 20;

    public MessageLimits getMessageLimits() {
        return messageLimits;
    }

    /** Applies size and rate caps to every server connection opened after this call. */
    public void setMessageLimits(MessageLimits messageLimits) {
        this.messageLimits = messageLimits;
    }

    /** Messages one connection may have waiting for its worker (0 = no bound); see {@link ConnectionQueues}. */
    public void setConnectionQueueLimit(int limit) {
        this.connectionQueueLimit = limit;
    }

    int connectionQueueLimit() {
        return connectionQueueLimit;
    }

    /**
     * Threads of the pool that runs server connections' messages ({@code media-frames}), for consumers started
     * after this call. A connection uses one thread at a time; a thread that waits (for a batched VAD result)
     * holds it meanwhile.
     */
    public void setWorkerThreads(int threads) {
        if (threads <= 0) {
            throw new IllegalArgumentException("media.worker-threads must be positive, got " + threads);
        }
        this.workerThreads = threads;
    }

    int workerThreads() {
        return workerThreads;
    }

    /** Told (on the event loop) of every message dropped because its connection's queue was full. */
    public void setOnQueueFull(Runnable listener) {
        this.onQueueFull = listener;
    }

    Runnable onQueueFull() {
        return onQueueFull;
    }

    @Override
    public PropertyConfigurer getComponentPropertyConfigurer() {
        return componentConfigurer;
    }

    @Override
    public PropertyConfigurer getEndpointPropertyConfigurer() {
        return endpointConfigurer;
    }

    @Override
    protected VertxWebsocketEndpoint createEndpointInstance(String uri, VertxWebsocketConfiguration configuration) {
        return new OrderedWebsocketEndpoint(uri, this, configuration);
    }
}
