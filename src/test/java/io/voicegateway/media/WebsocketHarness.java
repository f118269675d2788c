package io.voicegateway.media;

import static java.util.concurrent.TimeUnit.SECONDS;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.WebSocket;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.component.vertx.websocket.VertxWebsocketComponent;
import org.apache.camel.impl.DefaultCamelContext;

/**
 * A plain CamelContext with one WebSocket component on a free port, and a Vert.x client (on its own Vert.x
 * instance, so client and server don't share event loops) to talk to it.
 */
final class WebsocketHarness implements AutoCloseable {

    final int port = freePort();
    final DefaultCamelContext camel = new DefaultCamelContext();
    private final String scheme;
    private final Vertx serverVertx = Vertx.vertx();
    private final Vertx clientVertx = Vertx.vertx();
    private final HttpClient client = clientVertx.createHttpClient();

    WebsocketHarness(String scheme, VertxWebsocketComponent component) {
        this.scheme = scheme;
        component.setVertx(serverVertx);
        camel.addComponent(scheme, component);
    }

    /** The server side's Vert.x, whose worker pools the component uses. */
    Vertx serverVertx() {
        return serverVertx;
    }

    /** An endpoint URI of the component under test on the harness's port, e.g. {@code uri("/a/{b}?x=y")}. */
    String uri(String pathAndQuery) {
        return scheme + ":localhost:" + port + pathAndQuery;
    }

    void start(RouteBuilder routes) throws Exception {
        camel.addRoutes(routes);
        camel.start();
    }

    /** Connects, sends the frames in order and closes, all on the client's event loop. */
    void sendAndClose(String path, List<String> frames) {
        client.webSocket(port, "localhost", path).onSuccess(webSocket -> {
            frames.forEach(webSocket::writeTextMessage);
            webSocket.close();
        });
    }

    /** Connects and collects what the server sends back. */
    Peer connect(String path) throws Exception {
        Queue<String> received = new ConcurrentLinkedQueue<>();
        WebSocket webSocket = client.webSocket(port, "localhost", path)
                .onSuccess(ws -> ws.textMessageHandler(received::add))
                .toCompletionStage().toCompletableFuture().get(10, SECONDS);
        return new Peer(webSocket, received);
    }

    @Override
    public void close() throws Exception {
        camel.close();
        client.close();
        clientVertx.close().toCompletionStage().toCompletableFuture().get(10, SECONDS);
        serverVertx.close().toCompletionStage().toCompletableFuture().get(10, SECONDS);
    }

    record Peer(WebSocket webSocket, Queue<String> received) {
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("no free port", e);
        }
    }
}
