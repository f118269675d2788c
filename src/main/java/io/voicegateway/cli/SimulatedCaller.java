package io.voicegateway.cli;

import io.vertx.core.Context;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.RequestOptions;
import io.vertx.core.http.WebSocket;
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
 */
public final class SimulatedCaller {

    private static final long FRAME_NANOS = 20_000_000L;
    /** After the reply has played out, wait this long for more before hanging up. */
    private static final long QUIET_END_NANOS = 1_500_000_000L;

    private final Vertx vertx;
    private final URI baseUrl;
    private final CallerAudio audio;
    private final Options options;
    private final Context context;
    private final CallReport.Builder report = new CallReport.Builder();
    private final TwilioPlayout playout = new TwilioPlayout();
    private final Promise<CallReport> done = Promise.promise();
    private final String streamSid = "MZ" + UUID.randomUUID().toString().replace("-", "");

    private WebSocket socket;
    private long startNanos;
    private long framesSent;
    private long ticksPlayed;
    private long timerId = -1;
    private int bargeFrame = -1;
    private long speechEndNanos;
    private long bargeStartNanos;
    private long firstReplyPlayedNanos;
    private long lastAudioNanos;

    /** @param bargeAtMs talk over the reply this long after it starts playing; negative: never */
    public record Options(int bargeAtMs, long maxCallMs) {
    }

    public SimulatedCaller(Vertx vertx, URI baseUrl, CallerAudio audio, Options options) {
        this.vertx = vertx;
        this.baseUrl = baseUrl;
        this.audio = audio;
        this.options = options;
        this.context = vertx.getOrCreateContext();
    }

    /** Runs the call; the future completes with the report (failed calls too, with their error). */
    public Future<CallReport> run() {
        context.runOnContext(v -> createCall()
                .compose(this::connect)
                .onSuccess(this::streamOn)
                .onFailure(e -> finish("setup failed: " + e.getMessage())));
        vertx.setTimer(options.maxCallMs(), id -> context.runOnContext(v -> finish("timed out")));
        return done.future();
    }

    private Future<JsonObject> createCall() {
        RequestOptions request = new RequestOptions().setMethod(HttpMethod.POST).setHost(baseUrl.getHost())
                .setPort(baseUrl.getPort()).setURI("/local/calls").putHeader("Content-Type", "application/json");
        return vertx.createHttpClient().request(request)
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
        return vertx.createWebSocketClient().connect(ws).map(s -> {
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
        timerId = vertx.setPeriodic(10, id -> tick());
    }

    /** Sends every inbound frame that is due and plays every playout tick that is due. */
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
        maybeHangUp(now);
    }

    private void sendFrame(long now) {
        int index = (int) framesSent;
        byte[] payload = CallerAudio.SILENCE_FRAME;
        if (index < audio.frameCount()) {
            payload = audio.frame(index);
            if (index == audio.lastSpeechFrame()) {
                speechEndNanos = now;
            }
        } else if (bargeFrame >= 0 && index - bargeFrame < audio.frameCount()) {
            int f = index - bargeFrame;
            payload = audio.frame(f);
            if (f == audio.firstSpeechFrame()) {
                bargeStartNanos = now;
            }
        }
        framesSent++;
        socket.writeTextMessage(new JsonObject().put("event", "media").put("sequenceNumber", String.valueOf(framesSent + 1))
                .put("streamSid", streamSid).put("media", new JsonObject().put("track", "inbound")
                        .put("chunk", String.valueOf(framesSent)).put("timestamp", String.valueOf(index * 20L))
                        .put("payload", Base64.getEncoder().encodeToString(payload))).encode());
        report.frameSent();
    }

    private void play(long now) {
        ticksPlayed++;
        TwilioPlayout.Tick tick = playout.tick();
        tick.marksPlayed().forEach(this::echoMark);
        if (tick.frame() != null) {
            report.played(tick.frame());
            lastAudioNanos = now;
            if (firstReplyPlayedNanos == 0) {
                firstReplyPlayedNanos = now;
            }
            boolean bargeDue = options.bargeAtMs() >= 0 && bargeFrame < 0
                    && now - firstReplyPlayedNanos >= options.bargeAtMs() * 1_000_000L;
            if (bargeDue) {
                bargeFrame = (int) Math.max(framesSent, audio.frameCount());
            }
        }
    }

    private void onMessage(String text) {
        long now = System.nanoTime();
        JsonObject message = new JsonObject(text);
        switch (message.getString("event", "")) {
            case "media" -> {
                if (!report.hasReply() && speechEndNanos > 0) {
                    report.replyLatencyNanos(now - speechEndNanos);
                }
                report.frameReceived();
                playout.enqueueMedia(Base64.getDecoder().decode(message.getJsonObject("media").getString("payload")));
                lastAudioNanos = now;
            }
            case "mark" -> playout.enqueueMark(message.getJsonObject("mark").getString("name"));
            case "clear" -> {
                report.cleared();
                if (bargeStartNanos > 0 && !report.hasBargeIn()) {
                    report.bargeInLatencyNanos(now - bargeStartNanos);
                }
                playout.clear().forEach(this::echoMark);
            }
            default -> report.unexpected(message.getString("event"));
        }
    }

    private void echoMark(String name) {
        socket.writeTextMessage(new JsonObject().put("event", "mark").put("sequenceNumber", String.valueOf(framesSent + 1))
                .put("streamSid", streamSid).put("mark", new JsonObject().put("name", name)).encode());
    }

    private void maybeHangUp(long now) {
        boolean callerDone = framesSent >= audio.frameCount()
                && (options.bargeAtMs() < 0 ? true : bargeFrame >= 0 && framesSent - bargeFrame >= audio.frameCount());
        boolean quiet = report.hasReply() && playout.isEmpty() && now - lastAudioNanos > QUIET_END_NANOS;
        if (callerDone && quiet) {
            socket.writeTextMessage(new JsonObject().put("event", "stop").put("sequenceNumber", String.valueOf(framesSent + 2))
                    .put("streamSid", streamSid).put("stop", new JsonObject().put("accountSid", "AC").put("callSid", "CA"))
                    .encode());
            finish(null);
        }
    }

    private void finish(String error) {
        if (done.future().isComplete()) {
            return;
        }
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
        if (socket != null && !socket.isClosed()) {
            socket.close();
        }
        String problem = error;
        if (problem == null && options.bargeAtMs() >= 0 && !report.hasBargeIn()) {
            problem = "talked over the reply but the gateway never sent clear";
        }
        done.complete(report.build(problem));
    }
}
