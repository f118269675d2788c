package io.voicegateway.emulator;

import io.voicegateway.audio.PcmLevel;

/**
 * Energy-based utterance detection: frames louder than a threshold (dBFS RMS) count as speech; speech lasting
 * {@code minSpeechMs} starts an utterance and silence lasting {@code endSilenceMs} ends it. Good enough for a test
 * double fed tones and recorded speech; not for real phone lines.
 */
public final class EnergyUtteranceDetector implements UtteranceDetector {

    /** -40 dBFS: well above digital silence and line hiss, well below normal speech (-20..-10 dBFS). */
    public static final double DEFAULT_THRESHOLD_DBFS = -40;
    public static final int DEFAULT_MIN_SPEECH_MS = 60;
    /** Shorter than Nova's own 1.5-2 s turn pause so tests run quickly. */
    public static final int DEFAULT_END_SILENCE_MS = 400;

    private final int sampleRate;
    private final double thresholdDbfs;
    private final int minSpeechSamples;
    private final int endSilenceSamples;
    private boolean speaking;
    private int speechRun;
    private int silenceRun;

    public EnergyUtteranceDetector(int sampleRate, double thresholdDbfs, int minSpeechMs, int endSilenceMs) {
        this.sampleRate = sampleRate;
        this.thresholdDbfs = thresholdDbfs;
        this.minSpeechSamples = sampleRate * minSpeechMs / 1000;
        this.endSilenceSamples = sampleRate * endSilenceMs / 1000;
    }

    /** The default factory, with the default thresholds. */
    public static UtteranceDetector.Factory factory() {
        return rate -> new EnergyUtteranceDetector(rate, DEFAULT_THRESHOLD_DBFS, DEFAULT_MIN_SPEECH_MS,
                DEFAULT_END_SILENCE_MS);
    }

    @Override
    public Transition accept(short[] frame) {
        if (frame.length == 0) {
            return Transition.NONE;
        }
        boolean loud = dbfs(frame) >= thresholdDbfs;
        if (loud) {
            speechRun += frame.length;
            silenceRun = 0;
        } else {
            silenceRun += frame.length;
            speechRun = 0;
        }
        if (!speaking && speechRun >= minSpeechSamples) {
            speaking = true;
            return Transition.STARTED;
        }
        if (speaking && silenceRun >= endSilenceSamples) {
            speaking = false;
            return Transition.ENDED;
        }
        return Transition.NONE;
    }

    /** The rate this detector was made for, in Hz. */
    public int sampleRate() {
        return sampleRate;
    }

    /** RMS level relative to full scale (32768). */
    static double dbfs(short[] frame) {
        return Math.max(-120, PcmLevel.dbfs(frame, 0, frame.length));
    }
}
