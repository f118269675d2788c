package io.voicegateway.media;

import io.vertx.core.http.ServerWebSocket;
import io.voicegateway.audio.Resampler;
import io.voicegateway.bargein.BargeInDetector;
import io.voicegateway.call.Call;
import io.voicegateway.twilio.TwilioMessage;
import io.voicegateway.twilio.TwilioMessageCodec;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The media side of one call: its Twilio WebSocket, what is playing, barge-in state and reply timing. The
 * inbound route (one ordered worker per connection) and the model's event thread both touch it; fields they
 * share are volatile or behind the tracker's own per-call lock.
 */
public final class MediaCall {

    private final Call call;
    private final String connectionKey;
    private final ServerWebSocket socket;
    private final TwilioMessageCodec codec;
    private final PlaybackTracker playback;
    private final BargeInDetector bargeIn;
    private final CallerAudioOut audioOut;
    private final OutboundAudioBatch outbound = new OutboundAudioBatch();
    private final Resampler toNova;
    private final AtomicBoolean closed = new AtomicBoolean();

    private volatile String streamSid;
    /** The model is in the middle of a spoken turn (audio arriving, no turn end yet). */
    private volatile boolean modelTurnOpen;
    /** Drop the model's audio until its current turn ends: the caller barged in. */
    private volatile boolean dropping;
    /** The caller spoke while the model was silent (or barged in): the next model frame is the reply to it. */
    private volatile boolean awaitingReply;
    private volatile long lastVoicedNanos;
    /** When the model last sent this call anything (audio, text, turn end): the reply timeout's evidence. */
    private volatile long lastModelOutputNanos;
    /**
     * Caller frames heard as speech since the model's last output. Incremented by the inbound thread only; the
     * model thread's reset may race an increment, which at worst miscounts one frame of evidence.
     */
    private volatile int voicedFrames;
    private volatile long timerId = -1;
    /** Inbound thread only; created on the first frame. */
    private NovaChunker novaChunker;

    MediaCall(Call call, String connectionKey, ServerWebSocket socket, TwilioMessageCodec codec,
              PlaybackTracker playback, BargeInDetector bargeIn, CallerAudioOut audioOut, int novaInputRate) {
        this.call = call;
        this.connectionKey = connectionKey;
        this.socket = socket;
        this.codec = codec;
        this.playback = playback;
        this.bargeIn = bargeIn;
        this.audioOut = audioOut;
        this.toNova = Resampler.create(8000, novaInputRate);
    }

    /** The caller's 8 kHz frame at Nova's input rate, in a new array (inbound thread only). */
    short[] toNova(short[] frame) {
        short[] out = new short[toNova.maxOutput(frame.length)];
        int n = toNova.process(frame, 0, frame.length, out, 0);
        return n == out.length ? out : java.util.Arrays.copyOf(out, n);
    }

    /** This call's chunker of model input, {@code frames} frames per chunk (inbound thread only). */
    NovaChunker novaChunker(int frames) {
        if (novaChunker == null) {
            novaChunker = new NovaChunker(frames);
        }
        return novaChunker;
    }

    public Call call() {
        return call;
    }

    public String callId() {
        return call.callId();
    }

    String connectionKey() {
        return connectionKey;
    }

    public PlaybackTracker playback() {
        return playback;
    }

    BargeInDetector bargeIn() {
        return bargeIn;
    }

    CallerAudioOut audioOut() {
        return audioOut;
    }

    /** Frames of the model's current audio chunk not yet sent (model-events thread only, like audioOut). */
    OutboundAudioBatch outbound() {
        return outbound;
    }

    public String streamSid() {
        return streamSid;
    }

    boolean isStarted() {
        return streamSid != null;
    }

    void started(String sid) {
        this.streamSid = sid;
    }

    /** Sends one message to Twilio (Vert.x hands the write to the socket's event loop; safe from any thread). */
    void send(TwilioMessage.Outbound message) {
        if (!closed.get()) {
            socket.writeTextMessage(codec.encode(message));
        }
    }

    /** Closes the WebSocket (Twilio then runs the TwiML after {@code <Connect>}, i.e. hangs up). */
    void close(short code, String reason) {
        if (closed.compareAndSet(false, true) && !socket.isClosed()) {
            socket.close(code, reason);
        }
    }

    boolean isClosed() {
        return closed.get();
    }

    boolean modelTurnOpen() {
        return modelTurnOpen;
    }

    void modelTurnOpen(boolean open) {
        modelTurnOpen = open;
    }

    boolean dropping() {
        return dropping;
    }

    void dropping(boolean drop) {
        dropping = drop;
    }

    boolean awaitingReply() {
        return awaitingReply;
    }

    void awaitingReply(boolean waiting) {
        awaitingReply = waiting;
    }

    long lastVoicedNanos() {
        return lastVoicedNanos;
    }

    void voiced(long nanos) {
        lastVoicedNanos = nanos;
        voicedFrames++;
    }

    int voicedFramesSinceModel() {
        return voicedFrames;
    }

    long lastModelOutputNanos() {
        return lastModelOutputNanos;
    }

    void modelOutput(long nanos) {
        lastModelOutputNanos = nanos;
        voicedFrames = 0;
    }

    long timerId() {
        return timerId;
    }

    void timerId(long id) {
        timerId = id;
    }
}
