package io.voicegateway.emulator;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerOptions;
import io.vertx.core.http.HttpServerRequest;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local Amazon Nova Sonic: an HTTP/2 cleartext (prior knowledge) server answering
 * {@code POST /model/{modelId}/invoke-with-bidirectional-stream} with the real event-stream protocol, so the real
 * AWS SDK client talks to it through {@code endpointOverride http://127.0.0.1:PORT}. Answers as an echo persona.
 */
public final class NovaEmulator implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NovaEmulator.class);
    /** The model id arrives percent-encoded ({@code %3A}); it is decoded before the check. */
    private static final Pattern PATH = Pattern.compile("^/model/([^/]+)/invoke-with-bidirectional-stream$");
    static final Set<String> MODEL_IDS = Set.of("amazon.nova-2-sonic-v1:0", "amazon.nova-sonic-v1:0");

    private final EmulatorSettings settings;
    private final EmulatorFaults faults = new EmulatorFaults();
    private final AtomicInteger openStreams = new AtomicInteger();
    private final List<StreamRecord> streams = new CopyOnWriteArrayList<>();
    private Vertx vertx;
    private HttpServer server;

    public NovaEmulator(EmulatorSettings settings) {
        this.settings = settings;
    }

    /** Starts listening on 127.0.0.1 (port 0 = any free port); returns when it is ready. */
    public synchronized NovaEmulator start() {
        vertx = Vertx.vertx();
        HttpServerOptions options = new HttpServerOptions().setHost("127.0.0.1").setPort(settings.port())
                .setHttp2ClearTextEnabled(true);
        try {
            server = vertx.createHttpServer(options).requestHandler(this::handle).listen()
                    .toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            vertx.close();
            throw new IllegalStateException("Nova emulator could not listen on port " + settings.port(), e);
        }
        LOG.info("Nova Sonic emulator listening on http://127.0.0.1:{}", server.actualPort());
        return this;
    }

    /** The port it listens on. */
    public int port() {
        return server.actualPort();
    }

    /** The endpoint to give the Bedrock client as endpointOverride. */
    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port());
    }

    /** Streams not yet finished in both directions. */
    public int openStreams() {
        return openStreams.get();
    }

    /** Every stream accepted so far, oldest first. */
    public List<StreamRecord> streams() {
        return List.copyOf(streams);
    }

    public EmulatorFaults faults() {
        return faults;
    }

    private void handle(HttpServerRequest request) {
        Matcher matcher = PATH.matcher(request.path());
        if (request.method() != HttpMethod.POST || !matcher.matches()) {
            refuse(request, 404, "ResourceNotFoundException", "No such operation: " + request.path());
            return;
        }
        String modelId = URLDecoder.decode(matcher.group(1), StandardCharsets.UTF_8);
        if (!MODEL_IDS.contains(modelId)) {
            refuse(request, 400, "ValidationException", "The provided model identifier is invalid: " + modelId
                    + " (setting nova.model-id; expected one of " + MODEL_IDS + ")");
            return;
        }
        if (faults.takeThrottle()) {
            refuse(request, 429, "ThrottlingException", "Too many requests, please wait before trying again.");
            return;
        }
        StreamRecord record = new StreamRecord(modelId);
        streams.add(record);
        openStreams.incrementAndGet();
        new EmulatorStream(vertx, request, settings, faults, record, openStreams::decrementAndGet).start();
    }

    /** An HTTP-level error the way Bedrock's REST-JSON protocol reports it: status, error type header, JSON. */
    private static void refuse(HttpServerRequest request, int status, String errorType, String message) {
        request.response().setStatusCode(status).putHeader("content-type", "application/json")
                .putHeader("x-amzn-ErrorType", errorType)
                .end("{\"message\":\"" + message.replace("\"", "'") + "\"}");
    }

    @Override
    public synchronized void close() {
        if (vertx == null) {
            return;
        }
        try {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            LOG.warn("Nova emulator did not stop cleanly: {}", e.toString());
        }
        vertx = null;
    }
}
