package io.voicegateway.media;

import io.vertx.core.http.ServerWebSocket;
import io.voicegateway.audio.AudioHeaders;
import io.voicegateway.call.Call;
import io.voicegateway.call.CallLifecycle;
import io.voicegateway.call.CallRegistry;
import io.voicegateway.call.CallStatus;
import io.voicegateway.metrics.GatewayMetrics;
import io.voicegateway.nova.NovaSonicConstants;
import io.voicegateway.server.GatewayProperties;
import io.voicegateway.twilio.TwilioMessage;
import io.voicegateway.twilio.TwilioMessageException;
import io.voicegateway.twilio.WebhookToken;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.apache.camel.component.vertx.websocket.VertxWebsocketConstants;
import org.apache.camel.component.vertx.websocket.VertxWebsocketEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * First step of the media-stream route: one exchange per WebSocket event of a Twilio Media Stream. Admits or
 * refuses connections, decodes Twilio's JSON, handles the control messages, and tells the route what the
 * exchange carries ({@link MediaHeaders#EVENT}); for {@code media} the body becomes the 160 μ-law bytes.
 * A bad message is logged with the call id and dropped: it never ends the stream or touches other calls.
 */
@Component("mediaStreamEvent")
public class MediaStreamProcessor implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(MediaStreamProcessor.class);
    /** RFC 6455 close code for "policy violation": used for every refused stream. */
    static final short POLICY_VIOLATION = OrderedWebsocketConsumer.POLICY_VIOLATION;

    private final MediaCalls media;
    private final CallLifecycle lifecycle;
    private final StreamAdmission admission;
    private final ConversationLimit limit;
    private final GatewayMetrics metrics;
    private final MediaProperties settings;
    private final QueueingDelay queueing;

    public MediaStreamProcessor(MediaCalls media, CallRegistry calls, CallLifecycle lifecycle, GatewayProperties gateway,
                                WebhookToken token, ConversationLimit limit, GatewayMetrics metrics,
                                MediaProperties settings, QueueingDelay queueing) {
        this.settings = settings;
        this.media = media;
        this.lifecycle = lifecycle;
        this.admission = new StreamAdmission(calls, gateway, token);
        this.limit = limit;
        this.metrics = metrics;
        this.queueing = queueing;
    }

    @Override
    public void process(Exchange exchange) {
        Message in = exchange.getIn();
        String callId = in.getHeader("callId", String.class);
        String key = in.getHeader(VertxWebsocketConstants.CONNECTION_KEY, String.class);
        in.setHeader(AudioHeaders.CALL_ID, callId);
        VertxWebsocketEvent event = in.getHeader(VertxWebsocketConstants.EVENT, VertxWebsocketEvent.class);
        String outcome = switch (event) {
            case OPEN -> open(callId, key, in.getBody(ServerWebSocket.class));
            case CLOSE -> closed(callId, key);
            case MESSAGE -> message(exchange, callId, key);
            default -> "ignored";
        };
        in.setHeader(MediaHeaders.EVENT, outcome);
    }

    private String open(String callId, String key, ServerWebSocket socket) {
        StreamAdmission.Decision decision = admission.onOpen(callId, socket, media.isStreaming(callId));
        if (!decision.admitted()) {
            LOG.warn("Media stream for call {} refused: {}", callId, decision.refusal());
            metrics.streamRefused(decision.reason());
            socket.close(POLICY_VIOLATION, decision.refusal());
            return "ignored";
        }
        // Pending until a start with the call's token claims the call's stream slot (see MediaCalls).
        media.open(decision.call(), key, socket, settings.startTimeout(), this::startTimedOut);
        LOG.info("Call {}: media stream connected", callId);
        return "open";
    }

    private void startTimedOut(MediaCall pending) {
        LOG.warn("Media stream for call {} refused: no valid start within {} ms", pending.callId(),
                settings.startTimeout().toMillis());
        metrics.streamRefused("start_timeout");
        pending.close(POLICY_VIOLATION, "no valid start message in time");
    }

    private String closed(String callId, String key) {
        if (media.closedPending(key)) {
            return "close"; // never started: the call goes on, its real stream may still come
        }
        media.get(callId, key).ifPresent(m -> {
            LOG.info("Call {} (stream {}): media stream closed", callId, m.streamSid());
            lifecycle.end(m.call(), "stream_closed");
        });
        return "close";
    }

    private String message(Exchange exchange, String callId, String key) {
        MediaCall call = media.connection(callId, key).orElse(null);
        if (call == null) {
            metrics.frameDropped("no_stream"); // refused connection, or a stream that is being replaced
            return "ignored";
        }
        TwilioMessage.Inbound message;
        try {
            message = media.codec().decode(exchange.getIn().getBody(String.class));
        } catch (TwilioMessageException e) {
            LOG.warn("Call {} (stream {}): dropped a bad message ({}): {}", callId, call.streamSid(), e.problem(),
                    e.getMessage());
            metrics.frameDropped("malformed");
            return "ignored";
        }
        if (message instanceof TwilioMessage.Start s) {
            return start(exchange, call, s);
        }
        if (message instanceof TwilioMessage.Connected) {
            return "connected";
        }
        if (!call.isStarted()) {
            // nothing but start counts before the token was checked: a stop or dtmf here is not the caller's
            metrics.frameDropped("before_start");
            return "ignored";
        }
        if (message instanceof TwilioMessage.Media m) {
            return media(exchange, call, m);
        } else if (message instanceof TwilioMessage.Mark m) {
            call.playback().markPlayed(m.name());
            return "mark";
        } else if (message instanceof TwilioMessage.Dtmf d) {
            call.call().addDtmf(d.digit());
            exchange.getIn().setHeader(MediaHeaders.DTMF_DIGIT, d.digit());
            // digits can be card numbers or PINs: only DEBUG shows them
            LOG.info("Call {} (stream {}): DTMF key pressed", callId, call.streamSid());
            LOG.debug("Call {} (stream {}): DTMF {}", callId, call.streamSid(), d.digit());
            return "dtmf";
        } else if (message instanceof TwilioMessage.Stop) {
            LOG.info("Call {} (stream {}): stop", callId, call.streamSid());
            lifecycle.end(call.call(), "caller_hung_up");
            return "stop";
        }
        return "connected";
    }

    private String start(Exchange exchange, MediaCall call, TwilioMessage.Start start) {
        if (call.isStarted()) {
            LOG.warn("Call {}: second start message ignored", call.callId());
            return "ignored";
        }
        String refusal = admission.refusalOnStart(call.call(), start);
        if (refusal != null) {
            LOG.warn("Media stream for call {} refused at start: {}", call.callId(), refusal);
            metrics.streamRefused("token");
            media.refuse(call, POLICY_VIOLATION, refusal); // the call itself goes on: its real stream may still come
            return "ignored";
        }
        if (!media.claim(call)) { // another connection with the token started first, or this one timed out
            LOG.warn("Media stream for call {} refused: call already has a media stream (or the start came too late)",
                    call.callId());
            metrics.streamRefused("duplicate_stream");
            media.refuse(call, POLICY_VIOLATION, "call already has a media stream");
            return "ignored";
        }
        Call record = call.call();
        if (record.isEnded()) { // it ended (e.g. STREAM_WAIT_TIMEOUT) while this connection waited for its start
            LOG.warn("Media stream for call {} refused at start: call already ended", call.callId());
            metrics.streamRefused("ended_call");
            media.refuse(call, POLICY_VIOLATION, "call already ended");
            return "ignored";
        }
        call.started(start.streamSid());
        record.setStreamSid(start.streamSid());
        record.advanceStatus(CallStatus.IN_PROGRESS, null);
        limit.start(call);
        LOG.info("Call {} (stream {}): started, voice {}", call.callId(), start.streamSid(), record.voiceId());
        Message in = exchange.getIn();
        in.setHeader(NovaSonicConstants.OPERATION, "OPEN");
        in.setHeader(NovaSonicConstants.VOICE_ID, record.voiceId());
        in.setHeader(NovaSonicConstants.SYSTEM_PROMPT, record.systemPrompt());
        return "start";
    }

    private String media(Exchange exchange, MediaCall call, TwilioMessage.Media media) {
        if (!call.isStarted()) {
            metrics.frameDropped("before_start"); // audio before an admitted start is not the caller's
            return "ignored";
        }
        call.call().stats().frameIn();
        metrics.frameIn();
        long now = System.nanoTime();
        Long arrived = exchange.getIn().getHeader(MediaHeaders.ARRIVED_NANOS, Long.class);
        if (arrived != null && !queueing.takeUp(arrived, now)) {
            return "ignored"; // waited too long behind the call's earlier frames: late audio only adds lag
        }
        exchange.getIn().setHeader(MediaHeaders.RECEIVED_NANOS, now);
        exchange.getIn().setBody(media.payload());
        return "media";
    }
}
