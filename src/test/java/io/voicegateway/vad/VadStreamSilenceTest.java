package io.voicegateway.vad;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rule: windows of digital silence (what the noise gate makes of a quiet line) are not sent to the model; they read
 * as probability 0 and leave the stream as a new one, so speech after them scores exactly as on a fresh stream.
 */
class VadStreamSilenceTest {

    private static final int FRAME = 160;
    private static SileroVadModel model;

    @BeforeAll
    static void loadModel() {
        model = SileroVadModel.loadBundled();
    }

    @AfterAll
    static void closeModel() {
        model.close();
    }

    @Test
    void digitalSilenceRunsNoInferenceAndScoresZero() {
        VadStream stream = model.newStream();
        List<Float> probabilities = new ArrayList<>();

        feed(stream, new short[8000], probabilities); // 1 s of zeros

        assertThat(stream.windows()).isEqualTo(31);
        assertThat(stream.inferences()).isZero();
        assertThat(probabilities).containsOnly(0f);
    }

    @Test
    void speechAfterSilenceScoresAsOnAFreshStream() {
        short[] speech = SpeechFixture.all().get(0).audio().samples();
        // Speech first, so the state has moved; then silence completing the last window plus three whole
        // windows, enough to clear the 32-sample context as well.
        VadStream afterSilence = model.newStream();
        feed(afterSilence, speech, new ArrayList<>());
        feed(afterSilence, new short[(256 - speech.length % 256) % 256 + 256 * 3], new ArrayList<>());
        List<Float> resumed = new ArrayList<>();
        feed(afterSilence, speech, resumed);

        List<Float> fresh = new ArrayList<>();
        feed(model.newStream(), speech, fresh);

        assertThat(resumed).isEqualTo(fresh);
        assertThat(afterSilence.inferences()).isLessThan(afterSilence.windows());
    }

    private static void feed(VadStream stream, short[] pcm, List<Float> probabilities) {
        for (int off = 0; off < pcm.length; off += FRAME) {
            stream.feed(pcm, off, Math.min(FRAME, pcm.length - off), (index, p) -> probabilities.add(p));
        }
    }
}
