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
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;

/**
 * The calls that have a live media stream on this instance, by call id. When a call ends, for whatever reason,
 * its socket is closed, its model session closed and its per-call audio state dropped — nothing lingers.
 *
 * <p>A connection is only <em>pending</em> (by connection key) until its {@code start} carries the call's token:
 * only then does it {@linkplain #claim claim} the call's one stream slot. So whoever knows a call id cannot hold
 * the slot against the real stream; a pending connection is closed when no valid start arrives in time.
 */
@Component
public class MediaCalls {

    /** WebSocket close code for a normal end (RFC 6455 §7.4.1). */
    static final short NORMAL = 1000;

    private final Map<String, MediaCall> calls = new ConcurrentHashMap<>();
    /** Connections admitted at the upgrade but not yet started, by connection key. */
    private final Map<String, Pending> pending = new ConcurrentHashMap<>();
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

    /**
     * Holds a connection admitted at the upgrade until its {@code start}; {@code onTimeout} runs (on the event
     * loop) if it is still pending after {@code startTimeout}, after the connection has been dropped.
     */
    MediaCall open(Call call, String connectionKey, ServerWebSocket socket, Duration startTimeout,
                   Consumer<MediaCall> onTimeout) {
        MediaCall media = new MediaCall(call, connectionKey, socket, codec, new PlaybackTracker(System::nanoTime),
                new BargeInDetector(bargeIn.threshold(), bargeIn.minSpeechMs(), bargeIn.echoMargin()),
                new CallerAudioOut(nova.outputSampleRate()), nova.inputSampleRate());
        Pending entry = new Pending(media);
        pending.put(connectionKey, entry);
        entry.timerId = vertx.setTimer(Math.max(1, startTimeout.toMillis()), id -> {
            if (pending.remove(connectionKey, entry)) {
                onTimeout.accept(media);
            }
        });
        return media;
    }

    /**
     * Makes a pending connection, whose start carried the right token, the call's stream: false when it is no
     * longer pending (timed out, closed) or another stream holds the call (then the caller refuses it).
     */
    boolean claim(MediaCall media) {
        return dropPending(media.connectionKey()) && calls.putIfAbsent(media.callId(), media) == null;
    }

    /** Drops a connection that failed admission at {@code start}, leaving the call free for its real stream. */
    void refuse(MediaCall stream, short code, String reason) {
        dropPending(stream.connectionKey());
        calls.remove(stream.callId(), stream);
        stream.close(code, reason);
    }

    /** Forgets a pending connection that closed; true if it was one (its call goes on). */
    boolean closedPending(String connectionKey) {
        return dropPending(connectionKey);
    }

    /** Forgets a pending connection and stops its start timer; true if it was pending. */
    private boolean dropPending(String connectionKey) {
        Pending entry = pending.remove(connectionKey);
        if (entry != null) {
            vertx.cancelTimer(entry.timerId);
        }
        return entry != null;
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

    /** This connection's stream if it is the call's current one, else its pending (not yet started) connection. */
    Optional<MediaCall> connection(String callId, String connectionKey) {
        Optional<MediaCall> streaming = get(callId, connectionKey);
        if (streaming.isPresent()) {
            return streaming;
        }
        Pending entry = connectionKey == null ? null : pending.get(connectionKey);
        return entry == null ? Optional.empty() : Optional.of(entry.media);
    }

    /** The calls streaming now (a snapshot). */
    Collection<MediaCall> streaming() {
        return List.copyOf(calls.values());
    }

    /** Connections waiting for their start. */
    int pendingCount() {
        return pending.size();
    }

    public int size() {
        return calls.size();
    }

    TwilioMessageCodec codec() {
        return codec;
    }

    /** A pending connection and its start timer. */
    private static final class Pending {
        private final MediaCall media;
        private volatile long timerId = -1;

        Pending(MediaCall media) {
            this.media = media;
        }
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
