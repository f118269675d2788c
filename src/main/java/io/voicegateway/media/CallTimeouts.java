package io.voicegateway.media;

import io.vertx.core.Vertx;
import io.voicegateway.call.Call;
import io.voicegateway.call.CallMdc;
import io.voicegateway.call.CallRegistry;
import io.voicegateway.metrics.GatewayMetrics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.stereotype.Component;

/**
 * Ends calls that would otherwise sit silent forever, with a recorded reason: a call whose stream never started
 * ({@code stream_timeout}: it would count as active and hold a drain), and a call whose model says nothing for
 * {@code MODEL_REPLY_TIMEOUT} after the caller's last speech ({@code model_timeout}: a stalled model stream).
 * One periodic sweep for all calls; the decisions are plain methods, tested without a clock.
 */
@Component
public class CallTimeouts implements InitializingBean, DisposableBean {

    private static final Logger LOG = LoggerFactory.getLogger(CallTimeouts.class);
    static final String STREAM_TIMEOUT = "stream_timeout";
    static final String MODEL_TIMEOUT = "model_timeout";
    /**
     * Speech frames (20 ms) the caller must have said since the model's last output before silence counts as an
     * unanswered turn: 240 ms, about VAD_MIN_SPEECH_MS, so a cough the model rightly ignores ends no call.
     */
    static final int MIN_VOICED_FRAMES = 12;

    private final Vertx vertx;
    private final CallRegistry calls;
    private final MediaCalls media;
    private final ConversationLimit ender;
    private final MediaProperties settings;
    private final GatewayMetrics metrics;
    private final Clock clock;
    private long timerId = -1;

    public CallTimeouts(Vertx vertx, CallRegistry calls, MediaCalls media, ConversationLimit ender,
                        MediaProperties settings, GatewayMetrics metrics) {
        this.vertx = vertx;
        this.calls = calls;
        this.media = media;
        this.ender = ender;
        this.settings = settings;
        this.metrics = metrics;
        this.clock = Clock.systemUTC();
    }

    @Override
    public void afterPropertiesSet() {
        long shortest = Math.min(settings.streamWaitTimeout().toMillis(), settings.modelReplyTimeout().toMillis());
        long period = Math.max(100, Math.min(1000, shortest / 4));
        // The sweep may hang calls up through Twilio: ConversationLimit does that off the event loop.
        timerId = vertx.setPeriodic(period, id -> sweep(clock.instant(), System.nanoTime()));
    }

    @Override
    public void destroy() {
        vertx.cancelTimer(timerId);
    }

    void sweep(Instant now, long nowNanos) {
        for (Call call : calls.active()) {
            if (neverStreamed(call, media.isStreaming(call.callId()), now, settings.streamWaitTimeout())) {
                CallMdc.with(call.callId(), null, () -> {
                    LOG.warn("Call {}: no media stream {} s after its last status, ending it", call.callId(),
                            settings.streamWaitTimeout().toSeconds());
                    metrics.callTimedOut("stream_wait");
                    ender.endCall(call, STREAM_TIMEOUT);
                });
            }
        }
        for (MediaCall stream : media.streaming()) {
            boolean spoke = callerSpoke(stream.awaitingReply(), stream.voicedFramesSinceModel());
            if (!stream.call().isEnded() && replyOverdue(spoke, stream.lastVoicedNanos(),
                    stream.lastModelOutputNanos(), nowNanos, settings.modelReplyTimeout())) {
                CallMdc.with(stream.callId(), stream.streamSid(), () -> {
                    LOG.warn("Call {} (stream {}): no model output {} ms after the caller's last speech, ending it",
                            stream.callId(), stream.streamSid(), settings.modelReplyTimeout().toMillis());
                    metrics.callTimedOut("model_reply");
                    ender.endCall(stream.call(), MODEL_TIMEOUT);
                });
            }
        }
    }

    /** A running call with no started stream, whose status has not moved for {@code wait}. */
    static boolean neverStreamed(Call call, boolean streaming, Instant now, Duration wait) {
        return !call.isEnded() && !streaming && call.streamSid().isEmpty()
                && Duration.between(call.lastStatusAt(), now).compareTo(wait) > 0;
    }

    /** The caller said something the model should answer: a turn awaiting a reply, with enough speech in it. */
    static boolean callerSpoke(boolean awaitingReply, int voicedFramesSinceModel) {
        return awaitingReply && voicedFramesSinceModel >= MIN_VOICED_FRAMES;
    }

    /** The caller spoke, the model has sent nothing since, and the caller's last speech is {@code timeout} old. */
    static boolean replyOverdue(boolean callerSpoke, long lastVoicedNanos, long lastModelOutputNanos, long nowNanos,
                                Duration timeout) {
        boolean silentSince = lastModelOutputNanos == 0 || lastModelOutputNanos - lastVoicedNanos < 0;
        return callerSpoke && lastVoicedNanos != 0 && silentSince
                && nowNanos - lastVoicedNanos > timeout.toNanos();
    }
}
