package io.voicegateway.media;

import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.component.vertx.websocket.VertxWebsocketConfiguration;
import org.apache.camel.component.vertx.websocket.VertxWebsocketEndpoint;

/** A {@code vertx-websocket} endpoint whose server consumer is an {@link OrderedWebsocketConsumer}. */
public class OrderedWebsocketEndpoint extends VertxWebsocketEndpoint {

    /** Whether the URI asked for open/close exchanges; null until the first consumer is created. */
    private Boolean connectionEventsRequested;

    public OrderedWebsocketEndpoint(String uri, OrderedWebsocketComponent component,
            VertxWebsocketConfiguration configuration) {
        super(uri, component, configuration);
    }

    @Override
    public Consumer createConsumer(Processor processor) throws Exception {
        if (getConfiguration().isConsumeAsClient()) {
            return super.createConsumer(processor);
        }
        VertxWebsocketConfiguration configuration = getConfiguration();
        if (connectionEventsRequested == null) {
            // Captured once (a restarted route creates its consumer again). The consumer must hear of every
            // close to release that connection's queue, and the host reports closes only when this flag is on;
            // the consumer keeps open/close exchanges out of the route unless the URI asked for them.
            connectionEventsRequested = configuration.isFireWebSocketConnectionEvents();
            configuration.setFireWebSocketConnectionEvents(true);
        }
        Consumer consumer = new OrderedWebsocketConsumer(this, processor, connectionEventsRequested);
        configureConsumer(consumer);
        return consumer;
    }
}
