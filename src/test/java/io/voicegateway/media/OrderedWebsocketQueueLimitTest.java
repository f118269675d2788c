package io.voicegateway.media;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.vertx.websocket.VertxWebsocketConstants;
import org.apache.camel.component.vertx.websocket.VertxWebsocketEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Rule: with a connection queue limit, messages beyond it are dropped and reported (never processed), the ones
 * processed stay in order, the close is never dropped, and each message carries its arrival time.
 */
class OrderedWebsocketQueueLimitTest {

    private static final int LIMIT = 5;
    private static final int FRAMES = 200;

    private final OrderedWebsocketComponent component = new OrderedWebsocketComponent();
    private final AtomicInteger dropped = new AtomicInteger();
    private final WebsocketHarness harness;

    OrderedWebsocketQueueLimitTest() {
        component.setConnectionQueueLimit(LIMIT);
        component.setOnQueueFull(dropped::incrementAndGet);
        harness = new WebsocketHarness("twilio-ws", component);
    }

    @AfterEach
    void stop() throws Exception {
        harness.close();
    }

    @Test
    void messagesBeyondTheLimitAreDroppedAndCountedWhileTheCloseStillArrives() throws Exception {
        Queue<Integer> processed = new ConcurrentLinkedQueue<>();
        AtomicInteger withArrivalTime = new AtomicInteger();
        CountDownLatch closed = new CountDownLatch(1);
        harness.start(new RouteBuilder() {
            @Override
            public void configure() {
                from(harness.uri("/media-stream/{callId}?fireWebSocketConnectionEvents=true")).routeId("media")
                        .process(exchange -> {
                            Object event = exchange.getIn().getHeader(VertxWebsocketConstants.EVENT);
                            if (event == VertxWebsocketEvent.CLOSE) {
                                closed.countDown();
                            } else if (event == VertxWebsocketEvent.MESSAGE) {
                                if (exchange.getIn().getHeader(MediaHeaders.ARRIVED_NANOS) instanceof Long) {
                                    withArrivalTime.incrementAndGet();
                                }
                                processed.add(Integer.valueOf(exchange.getIn().getBody(String.class)));
                                Thread.sleep(5); // a slow worker: the connection's queue fills up
                            }
                        });
            }
        });

        harness.sendAndClose("/media-stream/call-1", IntStream.range(0, FRAMES).mapToObj(Integer::toString).toList());

        assertThat(closed.await(30, SECONDS)).as("the close was processed").isTrue();
        assertThat(dropped.get()).isPositive();
        assertThat(processed.size() + dropped.get()).isEqualTo(FRAMES);
        List<Integer> order = List.copyOf(processed);
        assertThat(order).isSorted();
        assertThat(withArrivalTime.get()).isEqualTo(processed.size());
    }
}
