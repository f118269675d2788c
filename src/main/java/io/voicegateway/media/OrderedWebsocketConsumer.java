package io.voicegateway.media;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.WorkerExecutor;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.vertx.websocket.VertxWebsocketConstants;
import org.apache.camel.component.vertx.websocket.VertxWebsocketConsumer;
import org.apache.camel.component.vertx.websocket.VertxWebsocketEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@code vertx-websocket} server consumer that processes each connection's exchanges in arrival order on a
 * worker pool of its own ({@value #WORKER_POOL}), connections in parallel. Per exchange it does what the parent's
 * {@code processExchange} does (unit of work, processor, exception handler, {@code routingContext.fail},
 * release), only queued behind the same connection's earlier exchanges instead of racing them.
 *
 * <p>With the component's {@link MessageLimits}, a connection that sends an oversized message (closed 1009) or
 * floods (closed 1008) is closed on the event loop before the message becomes an exchange; what it sends after
 * that is dropped unseen.
 */
public class OrderedWebsocketConsumer extends VertxWebsocketConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(OrderedWebsocketConsumer.class);
    /** RFC 6455 §7.4.1 close codes. */
    static final short POLICY_VIOLATION = 1008;
    static final short MESSAGE_TOO_BIG = 1009;
    /**
     * Media frames run on this pool, not on Vert.x's default worker pool: Camel platform-http runs every HTTP route
     * there (POST /make-call may wait seconds for Twilio), and such blocking work must never hold a thread a frame
     * needs. Its threads are named after it.
     */
    static final String WORKER_POOL = "media-frames";

    private final boolean connectionEventsRequested;
    /** Open connections' guards, when the component has limits; touched on each connection's event loop. */
    private final Map<String, Guarded> guards = new ConcurrentHashMap<>();
    private ConnectionQueues queues;
    private WorkerExecutor workers;

    OrderedWebsocketConsumer(OrderedWebsocketEndpoint endpoint, Processor processor, boolean connectionEventsRequested) {
        super(endpoint, processor);
        this.connectionEventsRequested = connectionEventsRequested;
    }

    @Override
    protected void doStart() throws Exception {
        Vertx vertx = getComponent().getVertx();
        workers = vertx.createSharedWorkerExecutor(WORKER_POOL, orderedComponent().workerThreads());
        queues = new ConnectionQueues(task -> workers.executeBlocking(() -> {
            task.run();
            return null;
        }, false), orderedComponent().connectionQueueLimit());
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        queues.clear();
        workers.close();
    }

    @Override
    public void onOpen(String connectionKey, SocketAddress remote, RoutingContext routingContext, ServerWebSocket webSocket) {
        MessageLimits limits = ((OrderedWebsocketComponent) getComponent()).getMessageLimits();
        if (limits != null) {
            guards.put(connectionKey, new Guarded(webSocket, new MessageGuard(limits, System.nanoTime()), limits));
        }
        if (connectionEventsRequested) {
            super.onOpen(connectionKey, remote, routingContext, webSocket);
        }
    }

    @Override
    public void onClose(String connectionKey, SocketAddress remote, RoutingContext routingContext) {
        guards.remove(connectionKey);
        if (connectionEventsRequested) {
            super.onClose(connectionKey, remote, routingContext);
        } else {
            queues.submitLast(connectionKey, () -> { });
        }
    }

    @Override
    public void onMessage(String connectionKey, Object message, SocketAddress remote, RoutingContext routingContext) {
        Guarded guarded = guards.get(connectionKey);
        if (guarded != null && !guarded.admit(message, routingContext)) {
            return;
        }
        super.onMessage(connectionKey, message, remote, routingContext);
    }

    @Override
    protected void processExchange(Exchange exchange, RoutingContext routingContext) {
        String connectionKey = exchange.getMessage().getHeader(VertxWebsocketConstants.CONNECTION_KEY, String.class);
        // Taken on the event loop, before the queue: the origin of the queueing-delay and frame-age figures.
        exchange.getMessage().setHeader(MediaHeaders.ARRIVED_NANOS, System.nanoTime());
        Context eventLoop = routingContext.vertx().getOrCreateContext();
        Runnable task = () -> process(exchange, routingContext, eventLoop);
        if (exchange.getMessage().getHeader(VertxWebsocketConstants.EVENT) == VertxWebsocketEvent.CLOSE) {
            queues.submitLast(connectionKey, task);
        } else if (!queues.submit(connectionKey, task)) {
            // The connection is far behind: drop this message rather than queue it (it is counted, not processed).
            releaseExchange(exchange, false);
            orderedComponent().onQueueFull().run();
        }
    }

    private OrderedWebsocketComponent orderedComponent() {
        return (OrderedWebsocketComponent) getEndpoint().getComponent();
    }

    /** Number of connections whose queue is held; zero once every connection has closed and drained. */
    int connectionsHeld() {
        return queues.size();
    }

    private void process(Exchange exchange, RoutingContext routingContext, Context eventLoop) {
        try {
            createUoW(exchange);
            getProcessor().process(exchange);
        } catch (Throwable cause) {
            // Throwable, as the parent's executeBlocking future fails on any Throwable.
            getExceptionHandler().handleException(cause);
            eventLoop.runOnContext(ignored -> routingContext.fail(cause));
        } finally {
            doneUoW(exchange);
            releaseExchange(exchange, false);
        }
    }

    /** One connection's socket and guard; {@code closed} once a cap closed it (later messages are dropped). */
    private static final class Guarded {
        private final ServerWebSocket socket;
        private final MessageGuard guard;
        private final MessageLimits limits;
        private boolean closed;

        Guarded(ServerWebSocket socket, MessageGuard guard, MessageLimits limits) {
            this.socket = socket;
            this.guard = guard;
            this.limits = limits;
        }

        boolean admit(Object message, RoutingContext routingContext) {
            if (closed) {
                return false;
            }
            MessageGuard.Verdict verdict = guard.check(message, System.nanoTime());
            if (verdict == MessageGuard.Verdict.PASS) {
                return true;
            }
            closed = true;
            boolean oversize = verdict == MessageGuard.Verdict.OVERSIZE;
            String reason = oversize ? "message larger than " + limits.maxMessageBytes() + " bytes"
                    : "more than " + limits.maxMessagesPerSecond() + " messages per second";
            LOG.warn("WebSocket {} closed: {}", routingContext.request().path(), reason);
            limits.violations().accept(oversize ? "oversize" : "flood");
            socket.close(oversize ? MESSAGE_TOO_BIG : POLICY_VIOLATION, reason);
            return false;
        }
    }
}
