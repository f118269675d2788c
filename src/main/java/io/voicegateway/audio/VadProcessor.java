package io.voicegateway.audio;

import io.voicegateway.vad.VadEvent;
import io.voicegateway.vad.VoiceActivity;
import io.voicegateway.metrics.GatewayMetrics;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Feeds the {@code short[]} frame to the call's VAD and reports on headers (see {@link AudioHeaders}); the body
 * is left as it is. Turn events are logged at INFO with the call id and audio-time timestamps.
 */
@Component("vad")
public class VadProcessor implements Processor {

    private static final Logger LOG = LoggerFactory.getLogger(VadProcessor.class);

    private final CallAudioStates states;
    private final GatewayMetrics metrics;

    public VadProcessor(CallAudioStates states, GatewayMetrics metrics) {
        this.states = states;
        this.metrics = metrics;
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message message = exchange.getMessage();
        short[] pcm = message.getMandatoryBody(short[].class);
        String callId = CallIds.of(exchange);
        VoiceActivity activity = states.get(callId).voiceActivity();
        long windowsBefore = activity.windows();
        boolean batched = activity.batched();
        long lateBefore = batched ? activity.lateResults() : 0;
        long droppedBefore = batched ? activity.droppedWindows() : 0;
        long started = System.nanoTime();
        VadEvent event = activity.feed(pcm, 0, pcm.length);
        if (batched) { // the VadBatcher times its runs; here: windows it did not evaluate in time
            metrics.vadBatchMisses("late", activity.lateResults() - lateBefore);
            metrics.vadBatchMisses("dropped", activity.droppedWindows() - droppedBefore);
        } else if (activity.windows() != windowsBefore) { // the model ran in this frame
            metrics.vadInference(System.nanoTime() - started);
        }
        message.setHeader(AudioHeaders.VAD_SPEECH_PROBABILITY, activity.lastProbability());
        message.setHeader(AudioHeaders.VAD_SPEAKING, activity.speaking());
        if (event != null) {
            message.setHeader(AudioHeaders.VAD_EVENT, event);
            log(callId, event);
        } else {
            message.removeHeader(AudioHeaders.VAD_EVENT);
        }
    }

    private static void log(String callId, VadEvent event) {
        if (event instanceof VadEvent.SpeechStarted started) {
            LOG.info("Speech started: call {} at {} ms", callId, started.atMs());
        } else if (event instanceof VadEvent.SpeechEnded ended) {
            LOG.info("Speech ended: call {} at {} ms ({} ms of speech)", callId, ended.atMs(), ended.durationMs());
        }
    }
}
