package io.voicegateway.cli;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;
import io.vertx.core.json.JsonObject;
import java.net.URI;
import java.util.Base64;
import java.util.UUID;

/**
 * One simulated phone call in local mode, playing Twilio's part: obtains a call from {@code POST /local/calls},
 * streams the caller's audio over the Media Streams protocol at a drift-free 20 ms pace (frame n is due at
 * start + n × 20 ms, whatever the timer jitter), plays the reply back like Twilio (real-time playout, marks
 * echoed when played, {@code clear} flushes), and measures reply and barge-in latency. Non-blocking: all of a
 * call's work runs on one Vert.x event-loop context, so one process carries many calls.
 *
 * <p>A call is a sequence of turns: the caller says its utterance, then listens. With {@code bargeAtMs} it
 * talks over the reply that long after the reply starts playing (that utterance is the next turn). With
 * {@code talkForMs} it starts a new turn after each reply (by barging in, or {@value #TURN_GAP_MS} ms after
 * the reply played out) while the call is younger than {@code talkForMs}; then it listens to the last reply
 * and hangs up. Without it the caller speaks once (plus the one barge-in, if asked).
 */
public final class SimulatedCaller {

    private static final long FRAME_NANOS = 20_000_000L;
    private static final long MS = 1_000_000L;
    /** After the last reply has played out, wait this long for more before hanging up. */
    private static final long QUIET_END_NANOS = 1_500 * MS;
    /** A repeating caller's pause between a reply that played out and its next utterance. */
    static final long TURN_GAP_MS = 500;
    /** A turn whose reply has not started this long after the caller stopped talking fails the call. */
    private static final long REPLY_TIMEOUT_NANOS = 15_000 * MS;

    private final Vertx vertx;
    private final URI baseUrl;
    private final CallerAudio audio;
    private final Options options;
    private final Context context;
    private final CallReport.Builder report;
    private final TwilioPlayout playout = new TwilioPlayout();
    private final Promise<CallReport> done = Promise.promise();
    private final String streamSid = "MZ" + UUID.randomUUID().toString().replace("-", "");
    private final HttpClient http;
    private final WebSocketClient webSockets;

    private WebSocket socket;
    private long startNanos;
    private long framesSent;
    private long ticksPlayed;
    private long timerId = -1;
    private long maxTimerId = -1;
    /** Frame index where the current utterance started; -1 before the first. */
    private long turnStartFrame = -1;
    private boolean bargingTurn;
    private int bargeIns;
    /** Nanos the current turn's speech ended; 0 while speaking or once its reply arrived. */
    private long awaitingReplySince;
    private boolean replyThisTurn;
    private long bargeStartNanos;
    private long replyPlayingSince;
    private long lastAudioNanos;

    /**
     * @param bargeAtMs      talk over the reply this long after it starts playing; negative: never
     * @param maxCallMs      give up after this long
     * @param talkForMs      keep taking turns while the call is younger than this; 0: one utterance
     * @param keepReplyAudio keep what played for {@link CallReport#replyMulaw()} (off for load runs)
     */
    public record Options(int bargeAtMs, long maxCallMs, long talkForMs, boolean keepReplyAudio) {
        public Options(int bargeAtMs, long maxCallMs) {
            this(bargeAtMs, maxCallMs, 0, true);
        }
    }

    public SimulatedCaller(Vertx vertx, URI baseUrl, CallerAudio audio, Options options) {
        this.vertx = vertx;
        this.baseUrl = baseUrl;
        this.audio = audio;
        this.options = options;
        this.context = vertx.getOrCreateContext();
        this.report = new CallReport.Builder(options.keepReplyAudio());
        this.http = vertx.createHttpClient();
        this.webSockets = vertx.createWebSocketClient();
    }

    /** Runs the call; the future completes with the report (failed calls too, with their error). */
    public Future<CallReport> run() {
        context.runOnContext(v -> createCall()
                .compose(this::connect)
                .onSuccess(this::streamOn)
                .onFailure(e -> finish("setup failed: " + e.getMessage())));
        maxTimerId = vertx.setTimer(options.maxCallMs(), id -> context.runOnContext(v -> finish("timed out")));
        return done.future();
    }

    private Future<JsonObject> createCall() {
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST).setHost(baseUrl.getHost())
                .setPort(baseUrl.getPort()).setURI("/local/calls").putHeader("Content-Type", "application/json");
        return http.request(request)
                .compose(req -> req.send(Buffer.buffer("{}")))
                .compose(resp -> resp.body().map(body -> {
                    if (resp.statusCode() != 201) {
                        throw new IllegalStateException("POST /local/calls answered " + resp.statusCode() + ": " + body);
                    }
                    return body.toJsonObject();
                }));
    }

    private Future<JsonObject> connect(JsonObject call) {
        report.callId(call.getString("call_id"));
        URI stream = URI.create(call.getString("stream_url"));
        WebSocketConnectOptions ws = new WebSocketConnectOptions().setHost(baseUrl.getHost()).setPort(baseUrl.getPort())
                .setURI(stream.getPath());
        return webSockets.connect(ws).map(s -> {
            socket = s;
            return call;
        });
    }

    private void streamOn(JsonObject call) {
        socket.textMessageHandler(this::onMessage);
        socket.closeHandler(v -> finish(report.hasReply() ? null : "stream closed by the gateway before a reply"));
        socket.writeTextMessage(new JsonObject().put("event", "connected").put("protocol", "Call")
                .put("version", "1.0.0").encode());
        JsonObject start = new JsonObject().put("accountSid", "AC" + "0".repeat(32)).put("streamSid", streamSid)
                .put("callSid", "CA" + UUID.randomUUID().toString().replace("-", ""))
                .put("tracks", new io.vertx.core.json.JsonArray().add("inbound"))
                .put("customParameters", new JsonObject().put("token", call.getString("token")))
                .put("mediaFormat", new JsonObject().put("encoding", "audio/x-mulaw").put("sampleRate", 8000)
                        .put("channels", 1));
        socket.writeTextMessage(new JsonObject().put("event", "start").put("sequenceNumber", "1")
                .put("streamSid", streamSid).put("start", start).encode());
        startNanos = System.nanoTime();
        startTurn(false);
        timerId = vertx.setPeriodic(10, id -> tick());
    }

    /** Sends every inbound frame that is due, plays every playout tick that is due, then decides what's next. */
    private void tick() {
        long now = System.nanoTime();
        long due = (now - startNanos) / FRAME_NANOS + 1;
        if (due - framesSent > 1) {
            report.lateFrames(due - framesSent - 1);
        }
        while (framesSent < due && socket != null) {
            sendFrame(now);
        }
        while (ticksPlayed < due - 1) {
            play(now);
        }
        if (!done.future().isComplete()) {
            next(now);
        }
    }

    private void startTurn(boolean barging) {
        turnStartFrame = framesSent;
        bargingTurn = barging;
        bargeIns += barging ? 1 : 0;
        replyThisTurn = false;
        replyPlayingSince = 0;
        report.turn();
    }

    private boolean speaking() {
        return turnStartFrame >= 0 && framesSent - turnStartFrame < audio.frameCount();
    }

    private void sendFrame(long now) {
        String payload = CallerAudio.SILENCE_PAYLOAD;
        if (speaking()) {
            int f = (int) (framesSent - turnStartFrame);
            payload = audio.payload(f);
            if (f == audio.lastSpeechFrame()) {
                awaitingReplySince = now;
            }
            if (bargingTurn && f == audio.firstSpeechFrame()) {
                bargeStartNanos = now;
            }
        }
        long index = framesSent;
        framesSent++;
        // Built by hand: this runs 50 times a second per call, and the payload is already base64.
        socket.writeTextMessage("{\"event\":\"media\",\"sequenceNumber\":\"" + (framesSent + 1) + "\",\"streamSid\":\""
                + streamSid + "\",\"media\":{\"track\":\"inbound\",\"chunk\":\"" + framesSent + "\",\"timestamp\":\""
                + index * 20 + "\",\"payload\":\"" + payload + "\"}}");
        report.frameSent();
    }

    private void play(long now) {
        ticksPlayed++;
        TwilioPlayout.Tick tick = playout.tick();
        tick.marksPlayed().forEach(this::echoMark);
        if (tick.frame() != null) {
            report.played(tick.frame());
            lastAudioNanos = now;
            if (replyThisTurn && replyPlayingSince == 0) {
                replyPlayingSince = now;
            }
        }
    }

    /** Between frames: barge in, take the next turn, hang up, or keep listening. */
    private void next(long now) {
        if (speaking()) {
            return;
        }
        if (awaitingReplySince > 0 && now - awaitingReplySince > REPLY_TIMEOUT_NANOS) {
            finish("no reply within " + REPLY_TIMEOUT_NANOS / 1_000_000_000L + " s of turn " + report.turnsSoFar());
            return;
        }
        boolean moreTurns = options.talkForMs() > 0 ? now - startNanos < options.talkForMs() * MS : false;
        boolean mayBarge = options.bargeAtMs() >= 0 && (options.talkForMs() > 0 ? moreTurns : bargeIns == 0);
        if (mayBarge && replyPlayingSince > 0 && now - replyPlayingSince >= options.bargeAtMs() * MS) {
            startTurn(true);
            return;
        }
        boolean playedOut = replyThisTurn && playout.isEmpty();
        if (playedOut && moreTurns && now - lastAudioNanos > TURN_GAP_MS * MS) {
            startTurn(false);
        } else if (playedOut && now - lastAudioNanos > QUIET_END_NANOS) {
            hangUp();
        }
    }

    private void onMessage(String text) {
        long now = System.nanoTime();
        String mediaPayload = MediaPayload.of(text);
        if (mediaPayload != null) {
            onMedia(now, mediaPayload);
            return;
        }
        JsonObject message = new JsonObject(text);
        switch (message.getString("event", "")) {
            case "media" -> onMedia(now, message.getJsonObject("media").getString("payload"));
            case "mark" -> playout.enqueueMark(message.getJsonObject("mark").getString("name"));
            case "clear" -> {
                report.cleared();
                if (bargeStartNanos > 0) {
                    report.bargeInLatencyNanos(now - bargeStartNanos);
                    bargeStartNanos = 0;
                }
                playout.clear().forEach(this::echoMark);
            }
            default -> report.unexpected(message.getString("event"));
        }
    }

    private void onMedia(long now, String payload) {
        if (awaitingReplySince > 0) {
            report.replyLatencyNanos(now - awaitingReplySince);
            awaitingReplySince = 0;
            replyThisTurn = true;
        }
        byte[] audio = Base64.getDecoder().decode(payload);
        report.audioReceived(audio.length);
        playout.enqueueMedia(audio);
        lastAudioNanos = now;
    }

    private void echoMark(String name) {
        socket.writeTextMessage(new JsonObject().put("event", "mark").put("sequenceNumber", String.valueOf(framesSent + 1))
                .put("streamSid", streamSid).put("mark", new JsonObject().put("name", name)).encode());
    }

    private void hangUp() {
        socket.writeTextMessage(new JsonObject().put("event", "stop").put("sequenceNumber", String.valueOf(framesSent + 2))
                .put("streamSid", streamSid).put("stop", new JsonObject().put("accountSid", "AC").put("callSid", "CA"))
                .encode());
        String problem = null;
        if (options.bargeAtMs() >= 0 && bargeIns == 0) {
            problem = "the reply ended before --barge-at " + options.bargeAtMs() + " ms: never talked over it";
        } else if (options.bargeAtMs() >= 0 && !report.hasBargeIn()) {
            problem = "talked over the reply but the gateway never sent clear";
        }
        finish(problem);
    }

    private void finish(String error) {
        if (done.future().isComplete()) {
            return;
        }
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
        vertx.cancelTimer(maxTimerId);
        // Close the socket first, the client once it has closed: closing the client alone resets the connection.
        Future<Void> closed = socket != null && !socket.isClosed() ? socket.close() : Future.succeededFuture();
        closed.onComplete(v -> webSockets.close());
        http.close();
        done.complete(report.build(error));
    }
}
