package io.voicegateway.vad;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Rule: tensors made once over a stream's direct buffers see every refill of those buffers, because ORT reads and
 * writes that memory in place at each run. So a stream that reuses its tensors gives exactly the probabilities of
 * fresh tensors made for every window (the way {@link SileroVadModel#run(FloatBuffer, FloatBuffer, FloatBuffer,
 * FloatBuffer)} does it), and a closed stream ignores later audio instead of touching freed tensors.
 */
class WindowTensorsTest {

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
    void refillingTheBufferAndRunningAgainEqualsARunOnFreshTensors() {
        short[] speech = SpeechFixture.named("two-utterances.wav").audio().samples();
        int windows = speech.length / SileroVadModel.WINDOW;
        FloatBuffer input = WindowTensors.directFloats(SileroVadModel.CONTEXT + SileroVadModel.WINDOW);
        FloatBuffer state = WindowTensors.directFloats(SileroVadModel.STATE_SIZE);
        FloatBuffer next = WindowTensors.directFloats(SileroVadModel.STATE_SIZE);
        FloatBuffer probability = WindowTensors.directFloats(1);
        FloatBuffer reusedInput = WindowTensors.directFloats(SileroVadModel.CONTEXT + SileroVadModel.WINDOW);
        List<Float> fresh = new ArrayList<>();
        List<Float> reused = new ArrayList<>();
        try (WindowTensors tensors = new WindowTensors(model, reusedInput)) {
            for (int w = 0; w < windows; w++) {
                fill(input, speech, w);
                fill(reusedInput, speech, w);
                fresh.add(model.run(input, state, next, probability));
                FloatBuffer previous = state;
                state = next;
                next = previous;
                reused.add(tensors.run());
            }
        }
        assertThat(reused).hasSize(windows).isEqualTo(fresh);
        assertThat(reused).anyMatch(p -> p > 0.5f).anyMatch(p -> p < 0.1f); // the input did change between runs
    }

    @Test
    void aStreamIgnoresAudioAfterItIsClosedAndClosingTwiceIsHarmless() {
        short[] speech = SpeechFixture.named("one-utterance.wav").audio().samples();
        List<Float> probabilities = new ArrayList<>();
        VadStream stream = model.newStream();
        stream.feed(speech, 0, SileroVadModel.WINDOW, (i, p) -> probabilities.add(p));
        stream.close();
        stream.close();
        stream.feed(speech, SileroVadModel.WINDOW, SileroVadModel.WINDOW * 4, (i, p) -> probabilities.add(p));
        assertThat(probabilities).hasSize(1);
        assertThat(stream.windows()).isEqualTo(1);
    }

    /** Window {@code w} of {@code pcm} with its 32 samples of context, scaled as VadStream scales it. */
    private static void fill(FloatBuffer input, short[] pcm, int w) {
        int start = w * SileroVadModel.WINDOW - SileroVadModel.CONTEXT;
        for (int i = 0; i < SileroVadModel.CONTEXT + SileroVadModel.WINDOW; i++) {
            int at = start + i;
            input.put(i, at < 0 ? 0f : pcm[at] / 32768f);
        }
    }
}
