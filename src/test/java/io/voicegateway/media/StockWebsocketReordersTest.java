package io.voicegateway.media;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Queue;
import java.util.stream.IntStream;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.vertx.websocket.VertxWebsocketComponent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Why {@link OrderedWebsocketComponent} exists: under the same load as {@link OrderedWebsocketConsumerTest},
 * the stock {@code vertx-websocket} consumer processes some frames out of the order they were sent in.
 */
class StockWebsocketReordersTest {

    private static final int CONNECTIONS = 20;
    private static final int FRAMES = 500;

    private final WebsocketHarness harness = new WebsocketHarness("vertx-websocket", new VertxWebsocketComponent());

    @AfterEach
    void stop() throws Exception {
        harness.close();
    }

    @Test
    void theStockConsumerProcessesSomeFramesOfAConnectionOutOfOrder() throws Exception {
        FrameRecorder recorder = new FrameRecorder(CONNECTIONS);
        harness.start(new RouteBuilder() {
            @Override
            public void configure() {
                from(harness.uri("/media-stream/{callId}")).routeId("media").process(recorder);
            }
        });
        List<String> frames = IntStream.range(0, FRAMES).mapToObj(Integer::toString).toList();
        for (int call = 0; call < CONNECTIONS; call++) {
            harness.sendAndClose("/media-stream/call-" + call, frames);
        }

        await().atMost(120, SECONDS).until(() -> recorder.eventsByCall().values().stream()
                .mapToInt(Queue::size).sum() == CONNECTIONS * FRAMES);

        long outOfOrder = recorder.eventsByCall().values().stream().mapToLong(StockWebsocketReordersTest::outOfOrder).sum();
        assertThat(outOfOrder).as("frames of %d processed out of order", CONNECTIONS * FRAMES).isPositive();
    }

    /** Frames processed after a frame that was sent later than them. */
    private static long outOfOrder(Queue<String> processed) {
        int highest = -1;
        long late = 0;
        for (String frame : processed) {
            int sequence = Integer.parseInt(frame);
            if (sequence < highest) {
                late++;
            }
            highest = Math.max(highest, sequence);
        }
        return late;
    }
}
