package io.voicegateway.media;

import io.vertx.core.Vertx;
import io.vertx.core.http.ServerWebSocket;
import io.voicegateway.audio.CallAudioStates;
import io.voicegateway.bargein.BargeInProperties;
import io.voicegateway.bargein.BargeInDetector;
import io.voicegateway.call.Call;
import io.voicegateway.call.CallLifecycle;
import io.voicegateway.nova.NovaProperties;
import io.voicegateway.nova.session.NovaSessions;
import io.voicegateway.twilio.TwilioMessageCodec;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The calls that have a live media stream on this instance, by call id. When a call ends, for whatever reason,
 * its socket is closed, its model session closed and its per-call audio state dropped — nothing lingers.
 */
@Component
public class MediaCalls {

    /** WebSocket close code for a normal end (RFC 6455 §7.4.1). */
    static final short NORMAL = 1000;

    private final Map<String, MediaCall> calls = new ConcurrentHashMap<>();
    private final TwilioMessageCodec codec = new TwilioMessageCodec();
    private final BargeInProperties bargeIn;
    private final NovaProperties nova;
    private final NovaSessions sessions;
    private final CallAudioStates audioStates;
    private final Vertx vertx;

    public MediaCalls(BargeInProperties bargeIn, NovaProperties nova, NovaSessions sessions,
                      CallAudioStates audioStates, Vertx vertx, CallLifecycle lifecycle) {
        this.bargeIn = bargeIn;
        this.nova = nova;
        this.sessions = sessions;
        this.audioStates = audioStates;
        this.vertx = vertx;
        lifecycle.onEnd((call, reason) -> release(call.callId()));
    }

    /** Registers the stream of an admitted call; null when another stream got there first (one per call). */
    MediaCall open(Call call, String connectionKey, ServerWebSocket socket) {
        MediaCall media = new MediaCall(call, connectionKey, socket, codec, new PlaybackTracker(System::nanoTime),
                new BargeInDetector(bargeIn.threshold(), bargeIn.minSpeechMs(), bargeIn.echoMargin()),
                new CallerAudioOut(nova.outputSampleRate()), nova.inputSampleRate());
        return calls.putIfAbsent(call.callId(), media) == null ? media : null;
    }

    /** Drops a stream that failed admission at {@code start}, leaving the call free for its real stream. */
    void refuse(MediaCall stream, short code, String reason) {
        calls.remove(stream.callId(), stream);
        stream.close(code, reason);
    }

    boolean isStreaming(String callId) {
        return calls.containsKey(callId);
    }

    public Optional<MediaCall> get(String callId) {
        return callId == null ? Optional.empty() : Optional.ofNullable(calls.get(callId));
    }

    /** The stream of this connection, if it is the call's current one. */
    Optional<MediaCall> get(String callId, String connectionKey) {
        return get(callId).filter(m -> m.connectionKey().equals(connectionKey));
    }

    public int size() {
        return calls.size();
    }

    TwilioMessageCodec codec() {
        return codec;
    }

    private void release(String callId) {
        MediaCall media = calls.remove(callId);
        if (media != null) {
            if (media.timerId() >= 0) {
                vertx.cancelTimer(media.timerId());
            }
            media.close(NORMAL, "call ended");
        }
        sessions.close(callId);
        audioStates.remove(callId);
    }
}
