package io.voicegateway.media;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.apache.camel.component.vertx.websocket.VertxWebsocketConstants;
import org.apache.camel.component.vertx.websocket.VertxWebsocketEvent;

/**
 * Records, per call id (the {@code callId} path parameter), the events a route saw — "open", each text frame,
 * "close" — and the most exchanges it ever had in flight at once. Spins a random while to provoke reordering.
 */
final class FrameRecorder implements Processor {

    private final Map<String, Queue<String>> eventsByCall = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final CountDownLatch closes;

    FrameRecorder(int connections) {
        this.closes = new CountDownLatch(connections);
    }

    @Override
    public void process(Exchange exchange) {
        maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        try {
            spin();
            VertxWebsocketEvent event = exchange.getMessage().getHeader(VertxWebsocketConstants.EVENT, VertxWebsocketEvent.class);
            String callId = exchange.getMessage().getHeader("callId", String.class);
            String recorded = event == VertxWebsocketEvent.MESSAGE ? exchange.getMessage().getBody(String.class)
                    : event.name().toLowerCase();
            eventsByCall.computeIfAbsent(callId, id -> new ConcurrentLinkedQueue<>()).add(recorded);
            if (event == VertxWebsocketEvent.CLOSE) {
                closes.countDown();
            }
        } finally {
            inFlight.decrementAndGet();
        }
    }

    List<String> events(String callId) {
        return List.copyOf(eventsByCall.getOrDefault(callId, new ConcurrentLinkedQueue<>()));
    }

    Map<String, Queue<String>> eventsByCall() {
        return eventsByCall;
    }

    int maxInFlight() {
        return maxInFlight.get();
    }

    CountDownLatch closes() {
        return closes;
    }

    private static void spin() {
        int spins = ThreadLocalRandom.current().nextInt(2_000);
        for (int i = 0; i < spins; i++) {
            Thread.onSpinWait();
        }
    }
}
