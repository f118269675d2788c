package io.voicegateway.media;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.vertx.core.http.ServerWebSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.vertx.websocket.VertxWebsocketConstants;
import org.apache.camel.component.vertx.websocket.VertxWebsocketEvent;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rule: a message for one connection, addressed by its connection key through a {@code twilio-ws:} producer
 * with {@code sendToAll=false} (or written to the {@code ServerWebSocket} the open event carried), reaches
 * that connection only, whichever thread sends it.
 */
class OrderedWebsocketReplyTest {

    private final WebsocketHarness harness = new WebsocketHarness("twilio-ws", new OrderedWebsocketComponent());
    private final Map<String, String> connectionKeyByCall = new ConcurrentHashMap<>();
    private final Map<String, ServerWebSocket> socketByCall = new ConcurrentHashMap<>();

    @BeforeEach
    void start() throws Exception {
        harness.start(new RouteBuilder() {
            @Override
            public void configure() {
                from(harness.uri("/media-stream/{callId}?fireWebSocketConnectionEvents=true")).routeId("media")
                    .choice()
                        .when(header(VertxWebsocketConstants.EVENT).isEqualTo(VertxWebsocketEvent.OPEN))
                            .process(exchange -> {
                                String callId = exchange.getMessage().getHeader("callId", String.class);
                                socketByCall.put(callId, exchange.getMessage().getBody(ServerWebSocket.class));
                                connectionKeyByCall.put(callId, exchange.getMessage()
                                        .getHeader(VertxWebsocketConstants.CONNECTION_KEY, String.class));
                            })
                        .when(header(VertxWebsocketConstants.EVENT).isEqualTo(VertxWebsocketEvent.MESSAGE))
                            .setBody(simple("echo:${body}"))
                            .to(harness.uri("/media-stream/{callId}?sendToAll=false"));
            }
        });
    }

    @AfterEach
    void stop() throws Exception {
        harness.close();
    }

    @Test
    void aReplyFromTheRouteReachesOnlyTheConnectionThatSentTheMessage() throws Exception {
        List<String> calls = List.of("a", "b", "c");
        Map<String, WebsocketHarness.Peer> peers = new ConcurrentHashMap<>();
        for (String call : calls) {
            peers.put(call, harness.connect("/media-stream/" + call));
        }

        // One at a time, so that a reply wrongly sent to every peer would arrive before that peer's own reply.
        for (String word : List.of("hello-", "done-")) {
            for (String call : calls) {
                WebsocketHarness.Peer peer = peers.get(call);
                peer.webSocket().writeTextMessage(word + call);
                await().atMost(10, SECONDS).until(() -> peer.received().contains("echo:" + word + call));
            }
        }

        for (String call : calls) {
            assertThat(peers.get(call).received()).as("received by " + call)
                    .containsExactly("echo:hello-" + call, "echo:done-" + call);
        }
    }

    @Test
    void aMessageSentFromAnotherThreadByConnectionKeyReachesOnlyThatConnection() throws Exception {
        WebsocketHarness.Peer a = harness.connect("/media-stream/a");
        WebsocketHarness.Peer b = harness.connect("/media-stream/b");
        await().atMost(10, SECONDS).until(() -> connectionKeyByCall.containsKey("a") && connectionKeyByCall.containsKey("b"));

        try (ProducerTemplate producer = harness.camel.createProducerTemplate()) {
            CompletableFuture.runAsync(() -> producer.sendBodyAndHeader(harness.uri("/media-stream/{callId}?sendToAll=false"),
                    "to-b", VertxWebsocketConstants.CONNECTION_KEY, connectionKeyByCall.get("b"))).get(10, SECONDS);
        }
        CompletableFuture.runAsync(() -> socketByCall.get("b").writeTextMessage("direct-b")).get(10, SECONDS);
        a.webSocket().writeTextMessage("ping");
        await().atMost(10, SECONDS).until(() -> a.received().contains("echo:ping") && b.received().size() == 2);

        assertThat(a.received()).containsExactly("echo:ping");
        assertThat(b.received()).containsExactly("to-b", "direct-b");
    }
}
