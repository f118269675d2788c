package io.voicegateway.emulator;

import io.voicegateway.audio.Resampler;
import io.voicegateway.vad.SileroVadModel;
import io.voicegateway.vad.TurnDetector;
import io.voicegateway.vad.VadEvent;
import io.voicegateway.vad.VoiceActivity;

/**
 * The emulator's ears on our own Silero VAD (the gateway's model and turn detector), so it hears speech the way
 * the gateway does rather than by loudness. Input at any rate is resampled to Silero's 8 kHz. The turn ends
 * after {@link #END_SILENCE_MS}, shorter than Nova's own 1.5-2 s pause so local conversations stay brisk.
 */
final class SileroUtteranceDetector implements UtteranceDetector {

    static final float THRESHOLD = 0.5f;
    static final int MIN_SPEECH_MS = 100;
    static final int END_SILENCE_MS = 400;

    private final VoiceActivity activity;
    private final Resampler toEight;
    private short[] eight = new short[0];

    SileroUtteranceDetector(SileroVadModel model, int sampleRate) {
        this.activity = new VoiceActivity(model.newStream(), new TurnDetector(THRESHOLD, MIN_SPEECH_MS, END_SILENCE_MS));
        this.toEight = Resampler.create(sampleRate, SileroVadModel.SAMPLE_RATE);
    }

    static UtteranceDetector.Factory factory(SileroVadModel model) {
        return rate -> new SileroUtteranceDetector(model, rate);
    }

    @Override
    public Transition accept(short[] frame) {
        int need = toEight.maxOutput(frame.length);
        if (eight.length < need) {
            eight = new short[need];
        }
        int n = toEight.process(frame, 0, frame.length, eight, 0);
        VadEvent event = activity.feed(eight, 0, n);
        if (event instanceof VadEvent.SpeechStarted) {
            return Transition.STARTED;
        }
        return event instanceof VadEvent.SpeechEnded ? Transition.ENDED : Transition.NONE;
    }

    @Override
    public void close() {
        activity.close();
    }
}
