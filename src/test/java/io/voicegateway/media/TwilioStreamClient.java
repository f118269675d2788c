package io.voicegateway.media;

import io.vertx.core.Vertx;
import io.vertx.core.http.ClientWebSocket;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/** A hand-driven Twilio side of one media stream, for tests that need to misbehave or inspect every message. */
public final class TwilioStreamClient implements AutoCloseable {

    private final WebSocket socket;
    private final List<JsonObject> received = new CopyOnWriteArrayList<>();
    private final CompletableFuture<Short> closeCode = new CompletableFuture<>();
    private final String streamSid = "MZtest" + System.nanoTime();
    private int sequence;

    public TwilioStreamClient(Vertx vertx, int port, String callId) throws Exception {
        this(vertx, port, callId, null);
    }

    /** @param signature X-Twilio-Signature for the upgrade request, as Twilio sends it; null for none */
    public TwilioStreamClient(Vertx vertx, int port, String callId, String signature) throws Exception {
        ClientWebSocket ws = vertx.createWebSocketClient().webSocket();
        // handlers first: the gateway may refuse (close) the stream right after the upgrade
        ws.textMessageHandler(text -> received.add(new JsonObject(text)));
        ws.closeHandler(v -> closeCode.complete(ws.closeStatusCode()));
        WebSocketConnectOptions options = new WebSocketConnectOptions().setHost("localhost").setPort(port)
                .setURI("/media-stream/" + callId);
        if (signature != null) {
            options.addHeader("X-Twilio-Signature", signature);
        }
        try {
            ws.connect(options).toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            // Vert.x sets our handlers after the upgrade; when the gateway's close frame was read before that, it
            // refuses them ("WebSocket is closed"), though the close frame and its status code were received
            if (!(e.getCause() instanceof IllegalStateException) || !ws.isClosed()) {
                throw e;
            }
            closeCode.complete(ws.closeStatusCode());
        }
        socket = ws;
    }

    public String streamSid() {
        return streamSid;
    }

    public void sendRaw(String text) {
        socket.writeTextMessage(text);
    }

    public void sendBinary(byte[] bytes) {
        socket.writeBinaryMessage(io.vertx.core.buffer.Buffer.buffer(bytes));
    }

    public void start(String token) {
        JsonObject start = new JsonObject().put("streamSid", streamSid).put("accountSid", "AC1").put("callSid", "CA1")
                .put("tracks", new io.vertx.core.json.JsonArray().add("inbound"))
                .put("customParameters", new JsonObject().put("token", token))
                .put("mediaFormat", new JsonObject().put("encoding", "audio/x-mulaw").put("sampleRate", 8000).put("channels", 1));
        sendRaw(new JsonObject().put("event", "connected").put("protocol", "Call").put("version", "1.0.0").encode());
        sendRaw(new JsonObject().put("event", "start").put("sequenceNumber", String.valueOf(++sequence))
                .put("streamSid", streamSid).put("start", start).encode());
    }

    public void media(byte[] mulaw) {
        sendRaw(new JsonObject().put("event", "media").put("sequenceNumber", String.valueOf(++sequence))
                .put("streamSid", streamSid).put("media", new JsonObject().put("track", "inbound")
                        .put("chunk", String.valueOf(sequence)).put("timestamp", String.valueOf(sequence * 20))
                        .put("payload", Base64.getEncoder().encodeToString(mulaw))).encode());
    }

    public void dtmf(String digit) {
        sendRaw(new JsonObject().put("event", "dtmf").put("sequenceNumber", String.valueOf(++sequence))
                .put("streamSid", streamSid).put("dtmf", new JsonObject().put("track", "inbound_track").put("digit", digit))
                .encode());
    }

    public void stop() {
        sendRaw(new JsonObject().put("event", "stop").put("sequenceNumber", String.valueOf(++sequence))
                .put("streamSid", streamSid).put("stop", new JsonObject().put("accountSid", "AC1").put("callSid", "CA1"))
                .encode());
    }

    public List<JsonObject> received() {
        return received;
    }

    public long count(String event) {
        return received.stream().filter(m -> event.equals(m.getString("event"))).count();
    }

    /** Close code the gateway closed with; waits up to {@code seconds}. */
    public short awaitClose(int seconds) throws Exception {
        return closeCode.get(seconds, TimeUnit.SECONDS);
    }

    public boolean isClosed() {
        return closeCode.isDone();
    }

    @Override
    public void close() {
        if (!socket.isClosed()) {
            socket.close();
        }
    }
}
