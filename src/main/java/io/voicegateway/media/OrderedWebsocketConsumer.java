package io.voicegateway.media;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.vertx.websocket.VertxWebsocketConstants;
import org.apache.camel.component.vertx.websocket.VertxWebsocketConsumer;
import org.apache.camel.component.vertx.websocket.VertxWebsocketEvent;

/**
 * A {@code vertx-websocket} server consumer that processes each connection's exchanges in arrival order on the
 * Vert.x worker pool, connections in parallel. Per exchange it does what the parent's
 * {@code processExchange} does (unit of work, processor, exception handler, {@code routingContext.fail},
 * release), only queued behind the same connection's earlier exchanges instead of racing them.
 */
public class OrderedWebsocketConsumer extends VertxWebsocketConsumer {

    private final boolean connectionEventsRequested;
    private ConnectionQueues queues;

    OrderedWebsocketConsumer(OrderedWebsocketEndpoint endpoint, Processor processor, boolean connectionEventsRequested) {
        super(endpoint, processor);
        this.connectionEventsRequested = connectionEventsRequested;
    }

    @Override
    protected void doStart() throws Exception {
        Vertx vertx = getComponent().getVertx();
        // The same worker pool the parent uses, sized by VertxOptions.workerPoolSize.
        queues = new ConnectionQueues(task -> vertx.executeBlocking(() -> {
            task.run();
            return null;
        }, false), orderedComponent().connectionQueueLimit());
        super.doStart();
    }

    @Override
    protected void doStop() throws Exception {
        super.doStop();
        queues.clear();
    }

    @Override
    public void onOpen(String connectionKey, SocketAddress remote, RoutingContext routingContext, ServerWebSocket webSocket) {
        if (connectionEventsRequested) {
            super.onOpen(connectionKey, remote, routingContext, webSocket);
        }
    }

    @Override
    public void onClose(String connectionKey, SocketAddress remote, RoutingContext routingContext) {
        if (connectionEventsRequested) {
            super.onClose(connectionKey, remote, routingContext);
        } else {
            queues.submitLast(connectionKey, () -> { });
        }
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
}
