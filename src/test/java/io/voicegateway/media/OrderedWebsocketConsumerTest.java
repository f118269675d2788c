package io.voicegateway.media;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.apache.camel.builder.RouteBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Rule: on an ordered endpoint, each connection's open, messages and close reach the route exactly in the
 * order the peer sent them, none lost, while different connections are processed in parallel; a
 * connection's queue is gone once it has closed.
 */
class OrderedWebsocketConsumerTest {

    private static final int CONNECTIONS = 20;
    private static final int FRAMES = 500;

    private final WebsocketHarness harness = new WebsocketHarness("twilio-ws", new OrderedWebsocketComponent());

    @AfterEach
    void stop() throws Exception {
        harness.close();
    }

    @Test
    void everyConnectionsFramesArriveInSentOrderWhileConnectionsRunInParallel() throws Exception {
        FrameRecorder recorder = new FrameRecorder(CONNECTIONS);
        harness.start(route(harness.uri("/media-stream/{callId}?fireWebSocketConnectionEvents=true"), recorder));

        sendNumberedFramesOnEveryConnection();

        assertThat(recorder.closes().await(120, SECONDS)).as("all connections closed").isTrue();
        for (int call = 0; call < CONNECTIONS; call++) {
            assertThat(recorder.events("call-" + call)).as("events of call-" + call).containsExactlyElementsOf(
                    expectedEvents(true));
        }
        assertThat(recorder.maxInFlight()).as("connections processed concurrently").isGreaterThanOrEqualTo(2);
        await().atMost(10, SECONDS).until(() -> consumer().connectionsHeld() == 0);
    }

    @Test
    void withoutConnectionEventsTheRouteSeesOnlyFramesAndClosedConnectionsAreStillReleased() throws Exception {
        FrameRecorder recorder = new FrameRecorder(CONNECTIONS);
        harness.start(route(harness.uri("/media-stream/{callId}"), recorder));

        sendNumberedFramesOnEveryConnection();

        await().atMost(120, SECONDS).until(() -> consumer().connectionsHeld() == 0
                && recorder.eventsByCall().values().stream().mapToInt(q -> q.size()).sum() == CONNECTIONS * FRAMES);
        for (int call = 0; call < CONNECTIONS; call++) {
            assertThat(recorder.events("call-" + call)).containsExactlyElementsOf(expectedEvents(false));
        }
    }

    @Test
    void framesRunOnTheirOwnPoolSoBlockedDefaultWorkersNeverHoldThemUp() throws Exception {
        // Occupy every thread of Vert.x's default worker pool (where platform-http runs HTTP routes) until the end.
        CountDownLatch release = new CountDownLatch(1);
        for (int i = 0; i < io.vertx.core.VertxOptions.DEFAULT_WORKER_POOL_SIZE * 2; i++) {
            harness.serverVertx().executeBlocking(() -> release.await(60, SECONDS), false);
        }
        Queue<String> threads = new ConcurrentLinkedQueue<>();
        CountDownLatch framesDone = new CountDownLatch(FRAMES);
        harness.start(new RouteBuilder() {
            @Override
            public void configure() {
                from(harness.uri("/media-stream/{callId}")).routeId("media").process(exchange -> {
                    threads.add(Thread.currentThread().getName());
                    framesDone.countDown();
                });
            }
        });
        try {
            harness.sendAndClose("/media-stream/call-1",
                    IntStream.range(0, FRAMES).mapToObj(Integer::toString).toList());

            assertThat(framesDone.await(30, SECONDS)).as("frames processed while the default pool is blocked").isTrue();
            assertThat(threads).allMatch(name -> name.startsWith(OrderedWebsocketConsumer.WORKER_POOL));
        } finally {
            release.countDown();
        }
    }

    @Test
    void framesRunOnAsManyThreadsAsTheComponentIsGiven() throws Exception {
        OrderedWebsocketComponent component = new OrderedWebsocketComponent();
        component.setWorkerThreads(3);
        Set<String> threads = ConcurrentHashMap.newKeySet();
        CountDownLatch framesDone = new CountDownLatch(CONNECTIONS * 20);
        try (WebsocketHarness small = new WebsocketHarness("twilio-ws", component)) {
            small.start(new RouteBuilder() {
                @Override
                public void configure() {
                    from(small.uri("/media-stream/{callId}")).routeId("media").process(exchange -> {
                        threads.add(Thread.currentThread().getName());
                        Thread.sleep(2); // keep threads busy so that parallel connections need more of them
                        framesDone.countDown();
                    });
                }
            });
            List<String> frames = IntStream.range(0, 20).mapToObj(Integer::toString).toList();
            for (int call = 0; call < CONNECTIONS; call++) {
                small.sendAndClose("/media-stream/call-" + call, frames);
            }
            assertThat(framesDone.await(60, SECONDS)).as("every frame processed").isTrue();
        }
        assertThat(threads).hasSize(3).allMatch(name -> name.startsWith(OrderedWebsocketConsumer.WORKER_POOL));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> component.setWorkerThreads(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("media.worker-threads");
    }

    private void sendNumberedFramesOnEveryConnection() {
        List<String> frames = IntStream.range(0, FRAMES).mapToObj(Integer::toString).toList();
        for (int call = 0; call < CONNECTIONS; call++) {
            harness.sendAndClose("/media-stream/call-" + call, frames);
        }
    }

    private static List<String> expectedEvents(boolean withConnectionEvents) {
        List<String> expected = new ArrayList<>();
        if (withConnectionEvents) {
            expected.add("open");
        }
        IntStream.range(0, FRAMES).mapToObj(Integer::toString).forEach(expected::add);
        if (withConnectionEvents) {
            expected.add("close");
        }
        return expected;
    }

    private OrderedWebsocketConsumer consumer() {
        return (OrderedWebsocketConsumer) harness.camel.getRoute("media").getConsumer();
    }

    private static RouteBuilder route(String from, FrameRecorder recorder) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                from(from).routeId("media").process(recorder);
            }
        };
    }
}
