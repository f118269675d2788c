package io.voicegateway.emulator;

import static org.assertj.core.api.Assertions.assertThat;

import io.voicegateway.audio.AudioFiles;
import io.voicegateway.audio.PcmAudio;
import io.voicegateway.vad.SileroVadModel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The emulator hears utterances with our Silero VAD, at any input rate Nova Sonic accepts. */
class SileroUtteranceDetectorTest {

    private static SileroVadModel model;

    @BeforeAll
    static void load() {
        model = SileroVadModel.loadBundled();
    }

    @AfterAll
    static void close() {
        model.close();
    }

    private static List<UtteranceDetector.Transition> transitions(String fixture, int rate) throws Exception {
        PcmAudio audio = AudioFiles.read(Path.of("src/test/resources/audio/" + fixture)).resampledTo(rate);
        UtteranceDetector detector = SileroUtteranceDetector.factory(model).create(rate);
        int frame = rate / 50;
        List<UtteranceDetector.Transition> seen = new ArrayList<>();
        short[] samples = audio.samples();
        for (int off = 0; off + frame <= samples.length; off += frame) {
            UtteranceDetector.Transition t = detector.accept(java.util.Arrays.copyOfRange(samples, off, off + frame));
            if (t != UtteranceDetector.Transition.NONE) {
                seen.add(t);
            }
        }
        return seen;
    }

    @Test
    void twoUtterancesGiveTwoStartsAndTwoEndsAtEveryRate() throws Exception {
        for (int rate : new int[] {8000, 16000, 24000}) {
            assertThat(transitions("two-utterances.wav", rate)).as("%d Hz", rate).containsExactly(
                    UtteranceDetector.Transition.STARTED, UtteranceDetector.Transition.ENDED,
                    UtteranceDetector.Transition.STARTED, UtteranceDetector.Transition.ENDED);
        }
    }

    @Test
    void noiseAndSilenceAreNeverAnUtterance() throws Exception {
        assertThat(transitions("noise-3s.wav", 16000)).isEmpty();
        assertThat(transitions("silence-3s.wav", 8000)).isEmpty();
    }
}
