package io.voicegateway.media;

import io.voicegateway.metrics.GatewayMetrics;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.springframework.stereotype.Component;

/**
 * Last step of the inbound path: records how long the frame took from the route's start to the model stream, and
 * its age then (since it reached the WebSocket consumer, queueing included).
 */
@Component("inboundDone")
public class InboundDoneProcessor implements Processor {

    private final GatewayMetrics metrics;

    public InboundDoneProcessor(GatewayMetrics metrics) {
        this.metrics = metrics;
    }

    @Override
    public void process(Exchange exchange) {
        long now = System.nanoTime();
        Long received = exchange.getIn().getHeader(MediaHeaders.RECEIVED_NANOS, Long.class);
        if (received != null) {
            metrics.frameProcessed(now - received);
        }
        Long arrived = exchange.getIn().getHeader(MediaHeaders.ARRIVED_NANOS, Long.class);
        if (arrived != null) {
            metrics.frameHandedOn(now - arrived);
        }
    }
}
