package io.voicegateway.bargein;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rule: speech above the echo level, lasting minSpeechMs while the model plays, is one barge-in. */
class BargeInDetectorTest {

    private static final long MS = 1_000_000L;
    private final BargeInDetector detector = new BargeInDetector(0.5f, 60, 0.25f);

    /** Feeds frames 20 ms apart and returns the frame indexes that fired. */
    private List<Integer> feed(float[] probs, float inbound, float played, boolean playing) {
        List<Integer> fired = new ArrayList<>();
        for (int i = 0; i < probs.length; i++) {
            if (detector.onFrame(probs[i], inbound, played, playing, i * 20 * MS) != null) {
                fired.add(i);
            }
        }
        return fired;
    }

    @Test
    void speechOverPlayingAudioFiresOnceAfterTheMinimumDuration() {
        assertThat(feed(new float[] {0.1f, 0.9f, 0.9f, 0.9f, 0.9f, 0.9f}, 0.2f, 0.2f, true)).containsExactly(3);
    }

    @Test
    void theBargeInCarriesTheArrivalOfTheFirstSpeechFrame() {
        detector.onFrame(0.9f, 0.3f, 0f, true, 100 * MS);
        detector.onFrame(0.9f, 0.3f, 0f, true, 120 * MS);
        BargeInDetector.BargeIn bargeIn = detector.onFrame(0.9f, 0.3f, 0f, true, 140 * MS);
        assertThat(bargeIn).isEqualTo(new BargeInDetector.BargeIn(100 * MS, 140 * MS));
    }

    @Test
    void aShortBlipNeverFires() {
        assertThat(feed(new float[] {0.9f, 0.9f, 0.1f, 0.9f, 0.9f, 0.1f, 0.9f}, 0.3f, 0f, true)).isEmpty();
    }

    @Test
    void nothingFiresWhenTheModelIsSilent() {
        assertThat(feed(new float[] {0.9f, 0.9f, 0.9f, 0.9f, 0.9f}, 0.3f, 0f, false)).isEmpty();
    }

    @Test
    void speechAtEchoLevelIsIgnoredButLouderSpeechCounts() {
        // our reply played at 0.3 RMS; its echo at -20 dB is 0.03: Silero may call it speech, we don't
        assertThat(feed(new float[] {0.9f, 0.9f, 0.9f, 0.9f, 0.9f}, 0.03f, 0.3f, true)).isEmpty();
        assertThat(feed(new float[] {0.9f, 0.9f, 0.9f, 0.9f, 0.9f}, 0.2f, 0.3f, true)).containsExactly(2);
    }

    @Test
    void aSecondRunOfSpeechAfterSilenceFiresAgain() {
        assertThat(feed(new float[] {0.9f, 0.9f, 0.9f, 0.0f, 0.9f, 0.9f, 0.9f}, 0.3f, 0f, true))
                .containsExactly(2, 6);
    }
}
