package io.voicegateway.media;

import io.voicegateway.audio.AudioHeaders;
import io.voicegateway.audio.PcmLevel;
import io.voicegateway.bargein.BargeInDetector;
import io.voicegateway.bargein.BargeInProperties;
import io.voicegateway.metrics.GatewayMetrics;
import io.voicegateway.twilio.TwilioMessage;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * After VAD on each inbound frame: feeds the call's {@link BargeInDetector} and, when the caller talks over the
 * model, sends Twilio {@code clear} at once and drops the rest of the model's current response. Also notes
 * the end of the caller's turn, the origin of the reply latency.
 */
@Component("bargeIn")
public class BargeInProcessor implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(BargeInProcessor.class);

    private final MediaCalls media;
    private final BargeInProperties settings;
    private final GatewayMetrics metrics;

    public BargeInProcessor(MediaCalls media, BargeInProperties settings, GatewayMetrics metrics) {
        this.media = media;
        this.settings = settings;
        this.metrics = metrics;
    }

    @Override
    public void process(Exchange exchange) {
        Message in = exchange.getIn();
        MediaCall call = media.get(in.getHeader(AudioHeaders.CALL_ID, String.class)).orElse(null);
        if (call == null) {
            return;
        }
        long arrival = in.getHeader(MediaHeaders.RECEIVED_NANOS, System.nanoTime(), Long.class);
        float probability = in.getHeader(AudioHeaders.VAD_SPEECH_PROBABILITY, 0f, Float.class);
        PlaybackTracker playback = call.playback();
        if (probability >= settings.threshold() && !playback.isPlaying()) {
            // the caller speaks into silence: the model's next audio is the reply to this turn
            call.voiced(arrival);
            call.awaitingReply(true);
        }
        BargeInDetector.BargeIn bargeIn = call.bargeIn().onFrame(probability, rms(in.getBody(short[].class)),
                playback.maxPlayedLevel(settings.echoWindowMs()), playback.isPlaying(), arrival);
        if (bargeIn != null) {
            cutOff(call, bargeIn);
        }
    }

    private void cutOff(MediaCall call, BargeInDetector.BargeIn bargeIn) {
        call.send(new TwilioMessage.Clear(call.streamSid()));
        long latencyNanos = System.nanoTime() - bargeIn.speechStartNanos();
        call.playback().cleared();
        call.voiced(bargeIn.decidedNanos());
        call.awaitingReply(true);
        call.dropping(call.modelTurnOpen());
        call.call().stats().bargeIn(latencyNanos / 1000);
        metrics.bargeIn("vad", latencyNanos);
        LOG.info("Call {} (stream {}): barge-in, cleared the caller's playback {} ms after speech onset",
                call.callId(), call.streamSid(), String.format("%.1f", latencyNanos / 1e6));
    }

    static float rms(short[] pcm) {
        return pcm == null ? 0f : PcmLevel.rms(pcm, 0, pcm.length);
    }
}
