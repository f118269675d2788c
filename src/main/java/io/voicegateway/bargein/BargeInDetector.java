package io.voicegateway.bargein;

/**
 * Decides, frame by frame, when the caller is talking over the model (a pure state machine; no Camel, no
 * clock of its own). A frame counts as caller speech when the latest Silero probability is at or above the
 * threshold AND its level is clearly above the echo we would expect of our own audio (PSTN has no echo
 * cancellation, so a speakerphone plays our reply back into the inbound stream, DESIGN §9). A barge-in fires
 * once per run of speech frames that lasts {@code minSpeechMs} while model audio is playing: short coughs
 * and clicks never get that far.
 */
public final class BargeInDetector {

    /** Twilio frames are 20 ms. */
    static final int FRAME_MS = 20;

    private final float threshold;
    private final int minSpeechMs;
    private final float echoMargin;
    private int runMs;
    private long runStartNanos;
    private boolean fired;

    /**
     * @param threshold   Silero speech probability that counts as speech (0..1)
     * @param minSpeechMs speech this long, while the model plays, is a barge-in
     * @param echoMargin  inbound level must exceed this multiple of the loudest recently played outbound level
     *                    (0.25 ≈ -12 dB: an echo at -20 dB never passes, a caller at the reply's level does)
     */
    public BargeInDetector(float threshold, int minSpeechMs, float echoMargin) {
        this.threshold = threshold;
        this.minSpeechMs = minSpeechMs;
        this.echoMargin = echoMargin;
    }

    /**
     * One inbound 20 ms frame.
     *
     * @param probability   the latest VAD window's speech probability
     * @param inboundRms    this frame's level, 0..1 of full scale
     * @param playedRms     loudest outbound level played recently (0 when nothing played)
     * @param modelPlaying  model audio is sent and not yet confirmed played
     * @param arrivalNanos  when this frame arrived (for the barge-in latency)
     * @return a barge-in, or null
     */
    public BargeIn onFrame(float probability, float inboundRms, float playedRms, boolean modelPlaying,
                           long arrivalNanos) {
        boolean speech = probability >= threshold && inboundRms > playedRms * echoMargin;
        if (!speech) {
            runMs = 0;
            fired = false;
            return null;
        }
        if (runMs == 0) {
            runStartNanos = arrivalNanos;
        }
        runMs += FRAME_MS;
        if (!fired && modelPlaying && runMs >= minSpeechMs) {
            fired = true;
            return new BargeIn(runStartNanos, arrivalNanos);
        }
        return null;
    }

    /**
     * The caller talked over the model.
     *
     * @param speechStartNanos arrival of the first frame of the caller's speech run
     * @param decidedNanos     arrival of the frame that confirmed it
     */
    public record BargeIn(long speechStartNanos, long decidedNanos) {
    }
}
