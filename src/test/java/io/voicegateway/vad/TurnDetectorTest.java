package io.voicegateway.vad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voicegateway.vad.VadEvent.SpeechEnded;
import io.voicegateway.vad.VadEvent.SpeechStarted;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Rule: speech (p >= 0.5) lasting 250 ms starts a turn, dated at its first speech window; not-speech lasting
 * 700 ms ends it, dated where the speech stopped; p < 0.35 (threshold - 0.15) is needed to abandon a start.
 * Windows here are 32 ms, as Silero's at 8 kHz.
 */
class TurnDetectorTest {

    private static final long WINDOW = 32;

    private final TurnDetector detector = new TurnDetector(0.5f, 250, 700);

    @Test
    void silenceAloneEmitsNothing() {
        assertThat(feed(repeat(0.01f, 100))).isEmpty();
        assertThat(detector.state()).isEqualTo(TurnDetector.State.QUIET);
    }

    @Test
    void speechLongEnoughStartsThenSilenceLongEnoughEndsTheTurn() {
        List<VadEvent> events = feed(concat(repeat(0.0f, 10), repeat(0.9f, 20), repeat(0.0f, 30)));
        // Onset = first speech window (10 * 32 ms); end = first silent window (30 * 32 ms).
        assertThat(events).containsExactly(new SpeechStarted(320), new SpeechEnded(960, 320));
    }

    @Test
    void speechIsConfirmedOnlyOnceItHasLastedTheMinimumDuration() {
        // 7 windows = 224 ms < 250 ms: nothing yet; the 8th (256 ms) confirms.
        assertThat(feed(repeat(0.9f, 7))).isEmpty();
        assertThat(detector.state()).isEqualTo(TurnDetector.State.STARTING);
        assertThat(feed(7, repeat(0.9f, 1))).containsExactly(new SpeechStarted(0));
    }

    @Test
    void aCoughShorterThanTheMinimumSpeechIsIgnored() {
        assertThat(feed(concat(repeat(0.95f, 5), repeat(0.05f, 40)))).isEmpty();
        assertThat(detector.speaking()).isFalse();
    }

    @Test
    void aPauseShorterThanTheTurnSilenceDoesNotEndTheTurn() {
        // 20 windows of silence = 640 ms < 700 ms, then speech resumes.
        List<VadEvent> events = feed(concat(repeat(0.9f, 10), repeat(0.1f, 20), repeat(0.9f, 10), repeat(0.1f, 22)));
        assertThat(events).containsExactly(new SpeechStarted(0), new SpeechEnded(40 * WINDOW, 0));
    }

    @Test
    void uncertainWindowsNeitherStartNorAbandonAStart() {
        // 0.4 is between the silence threshold (0.35) and the speech threshold (0.5).
        List<VadEvent> events = feed(concat(repeat(0.9f, 4), repeat(0.4f, 3), repeat(0.9f, 4)));
        assertThat(events).containsExactly(new SpeechStarted(0));
    }

    @Test
    void uncertainWindowsCountTowardsTheTurnSilence() {
        List<VadEvent> events = feed(concat(repeat(0.9f, 10), repeat(0.4f, 22)));
        assertThat(events).containsExactly(new SpeechStarted(0), new SpeechEnded(10 * WINDOW, 0));
    }

    @Test
    void twoUtterancesGiveTwoCompleteTurns() {
        List<VadEvent> events = feed(concat(repeat(0.9f, 10), repeat(0.0f, 30), repeat(0.8f, 12), repeat(0.0f, 25)));
        assertThat(events).containsExactly(
                new SpeechStarted(0), new SpeechEnded(320, 0),
                new SpeechStarted(40 * WINDOW), new SpeechEnded(52 * WINDOW, 40 * WINDOW));
    }

    @Test
    void finishingWhileSpeakingEndsTheTurnAtTheEndOfInput() {
        feed(repeat(0.9f, 10));
        assertThat(detector.finish(5000)).isEqualTo(new SpeechEnded(5000, 0));
        assertThat(detector.finish(6000)).isNull();
    }

    @Test
    void finishingDuringTheTurnSilenceEndsTheTurnWhereSpeechStopped() {
        feed(concat(repeat(0.9f, 10), repeat(0.0f, 3)));
        assertThat(detector.finish(5000)).isEqualTo(new SpeechEnded(320, 0));
    }

    @Test
    void aThresholdOutsideZeroToOneIsRejectedNamingTheSetting() {
        assertThatThrownBy(() -> new TurnDetector(1.5f, 250, 700)).hasMessageContaining("vad.threshold");
    }

    private List<VadEvent> feed(float[] probabilities) {
        return feed(0, probabilities);
    }

    private List<VadEvent> feed(long firstIndex, float[] probabilities) {
        List<VadEvent> events = new ArrayList<>();
        for (int i = 0; i < probabilities.length; i++) {
            VadEvent event = detector.onWindow((firstIndex + i) * WINDOW, WINDOW, probabilities[i]);
            if (event != null) {
                events.add(event);
            }
        }
        return events;
    }

    private static float[] repeat(float p, int count) {
        float[] out = new float[count];
        java.util.Arrays.fill(out, p);
        return out;
    }

    private static float[] concat(float[]... parts) {
        int length = 0;
        for (float[] part : parts) {
            length += part.length;
        }
        float[] out = new float[length];
        int at = 0;
        for (float[] part : parts) {
            System.arraycopy(part, 0, out, at, part.length);
            at += part.length;
        }
        return out;
    }
}
