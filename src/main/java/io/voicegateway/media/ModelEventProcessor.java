package io.voicegateway.media;

import io.voicegateway.call.CallLifecycle;
import io.voicegateway.metrics.GatewayMetrics;
import io.voicegateway.nova.NovaEvent;
import io.voicegateway.nova.NovaSonicConstants;
import io.voicegateway.twilio.TwilioMessage;
import org.apache.camel.Exchange;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Everything the model says to a call ({@code from: nova-sonic:events}): its audio goes to the caller at once
 * as whole 20 ms μ-law frames, joined into one media message per chunk ({@link OutboundAudioBatch}), with a mark
 * after each chunk (Twilio clocks playback; marks tell us what played), its
 * text goes to the transcript, its own interruption signal clears the caller's playback, and a session that
 * ends on its own ends the call with the reason.
 */
@Component("modelEvent")
public class ModelEventProcessor implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(ModelEventProcessor.class);

    private final MediaCalls media;
    private final CallLifecycle lifecycle;
    private final GatewayMetrics metrics;

    public ModelEventProcessor(MediaCalls media, CallLifecycle lifecycle, GatewayMetrics metrics) {
        this.media = media;
        this.lifecycle = lifecycle;
        this.metrics = metrics;
    }

    @Override
    public void process(Exchange exchange) {
        String callId = exchange.getIn().getHeader(NovaSonicConstants.CALL_ID, String.class);
        MediaCall call = media.get(callId).orElse(null);
        NovaEvent event = exchange.getIn().getBody(NovaEvent.class);
        if (call == null || event == null) {
            return; // the call ended while the model was still talking
        }
        call.modelOutput(System.nanoTime());
        if (event instanceof NovaEvent.AssistantAudio audio) {
            speak(call, audio);
        } else if (event instanceof NovaEvent.TextOutput text) {
            transcript(call, text);
        } else if (event instanceof NovaEvent.Interrupted) {
            interrupted(call);
        } else if (event instanceof NovaEvent.TurnEnded) {
            turnEnded(call);
        } else if (event instanceof NovaEvent.SessionError e) {
            LOG.warn("Call {} (stream {}): model error {}: {}", callId, call.streamSid(), e.error(), e.message());
        } else if (event instanceof NovaEvent.SessionClosed c && !call.call().isEnded()) {
            lifecycle.end(call.call(), "model_session_closed: " + c.reason());
        }
        // ToolUse and Usage events go to their own processors (routes/nova-sonic.camel.yaml)
    }

    private void speak(MediaCall call, NovaEvent.AssistantAudio audio) {
        call.modelTurnOpen(true);
        if (call.dropping() || !call.isStarted()) {
            call.audioOut().reset();
            call.outbound().clear();
            return; // the caller barged in: the rest of this response must never play
        }
        long started = System.nanoTime();
        int frames = call.audioOut().accept(audio.pcm(), (mulaw, rms) -> queueFrame(call, mulaw, rms));
        if (frames > 0) {
            sendQueued(call);
            call.send(new TwilioMessage.OutboundMark(call.streamSid(), call.playback().nextMark()));
            metrics.modelAudioForwarded(System.nanoTime() - started);
        }
    }

    /** One 20 ms frame for the caller: joined with the chunk's other frames into one media message (see OutboundAudioBatch). */
    private void queueFrame(MediaCall call, byte[] mulaw, float rms) {
        if (call.outbound().add(mulaw)) {
            sendQueued(call);
        }
        call.playback().frameSent(rms);
        call.call().stats().framesOut(1);
        metrics.framesOut(1);
        if (call.awaitingReply()) {
            call.awaitingReply(false);
            long since = call.lastVoicedNanos();
            if (since > 0) {
                long latency = System.nanoTime() - since;
                call.call().stats().replyLatency(latency / 1000);
                metrics.replyLatency(latency);
            }
        }
    }

    private static void sendQueued(MediaCall call) {
        if (!call.outbound().isEmpty()) {
            call.send(new TwilioMessage.OutboundMedia(call.streamSid(), call.outbound().take()));
        }
    }

    private void transcript(MediaCall call, NovaEvent.TextOutput text) {
        if ("SPECULATIVE".equals(text.generationStage())) {
            return; // Nova repeats the text as FINAL once it has been spoken
        }
        call.call().addTranscript(text.role(), text.text());
        // what was said is personal data: DEBUG only (LOG_LEVEL=DEBUG); INFO tells that a turn happened
        LOG.info("Call {} (stream {}): {} text, {} chars", call.callId(), call.streamSid(), text.role(),
                text.text().length());
        LOG.debug("Call {} (stream {}): {}: {}", call.callId(), call.streamSid(), text.role(), text.text());
    }

    private void interrupted(MediaCall call) {
        if (call.playback().isPlaying()) {
            call.send(new TwilioMessage.Clear(call.streamSid()));
            call.playback().cleared();
            call.call().stats().bargeIn(-1);
            metrics.bargeIn("model", -1);
            LOG.info("Call {} (stream {}): model reported an interruption; cleared playback", call.callId(),
                    call.streamSid());
        }
        call.audioOut().reset();
        call.outbound().clear();
        call.modelTurnOpen(false);
        call.dropping(false);
    }

    private void turnEnded(MediaCall call) {
        if (!call.dropping() && call.isStarted()) {
            int frames = call.audioOut().flush((mulaw, rms) -> queueFrame(call, mulaw, rms));
            if (frames > 0) {
                sendQueued(call);
                call.send(new TwilioMessage.OutboundMark(call.streamSid(), call.playback().nextMark()));
            }
        } else {
            call.audioOut().reset();
            call.outbound().clear();
        }
        call.modelTurnOpen(false);
        call.dropping(false);
    }
}
