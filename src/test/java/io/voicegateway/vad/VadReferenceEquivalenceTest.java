package io.voicegateway.vad;

import static org.assertj.core.api.Assertions.assertThat;

import io.voicegateway.audio.NoiseGate;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rule: the production VAD path (VadStream: 20 ms frames, digital silence not sent to the model) gives the same
 * results as plain Silero — the same model run on every 32 ms window in turn, state and context carried, nothing
 * skipped: probabilities within 1e-4 on every window with signal (speech after silence included), and the same
 * segments with ends within one window (32 ms). Inputs: every fixture through the noise gate as a call's frames
 * go (which turns quiet stretches into exact zeros), and speech, gated silence, then speech again.
 */
class VadReferenceEquivalenceTest {

    private static final int FRAME = 160;
    private static final double TOLERANCE = 1e-4;
    private static SileroVadModel model;

    @BeforeAll
    static void loadModel() {
        model = SileroVadModel.loadBundled();
    }

    @AfterAll
    static void closeModel() {
        model.close();
    }

    static Stream<Arguments> inputs() {
        List<Arguments> inputs = new ArrayList<>();
        for (SpeechFixture fixture : SpeechFixture.all()) {
            inputs.add(Arguments.of(fixture.file(), gated(fixture.audio().samples())));
        }
        short[] one = SpeechFixture.named("one-utterance.wav").audio().samples();
        short[] two = SpeechFixture.named("two-utterances-noise-15db.wav").audio().samples();
        short[] joined = new short[one.length + 12_000 + two.length]; // 1.5 s of digital silence between them
        System.arraycopy(one, 0, joined, 0, one.length);
        System.arraycopy(two, 0, joined, one.length + 12_000, two.length);
        inputs.add(Arguments.of("speech, 1.5 s silence, speech in noise", gated(joined)));
        return inputs.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("inputs")
    void productionProbabilitiesAndSegmentsMatchPlainSilero(String name, short[] pcm) {
        float[] reference = reference(pcm);
        List<Float> production = new ArrayList<>();
        VadStream stream = model.newStream();
        for (int off = 0; off < pcm.length; off += FRAME) {
            stream.feed(pcm, off, Math.min(FRAME, pcm.length - off), (index, p) -> production.add(p));
        }

        assertThat(production).hasSize(reference.length);
        for (int w = 0; w < reference.length; w++) {
            if (hasSignal(pcm, w)) {
                assertThat((double) production.get(w)).as("%s window %d (%d ms)", name, w, w * SileroVadModel.WINDOW_MS)
                        .isCloseTo(reference[w], org.assertj.core.data.Offset.offset(TOLERANCE));
            }
        }
        List<VadEvent.SpeechEnded> expected = segments(toList(reference), pcm.length);
        List<VadEvent.SpeechEnded> actual = segments(production, pcm.length);
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(actual.get(i).startedAtMs()).isCloseTo(expected.get(i).startedAtMs(),
                    org.assertj.core.data.Offset.offset(SileroVadModel.WINDOW_MS));
            assertThat(actual.get(i).atMs()).isCloseTo(expected.get(i).atMs(),
                    org.assertj.core.data.Offset.offset(SileroVadModel.WINDOW_MS));
        }
    }

    /** Plain Silero: every window through the model, in order, state and the 32-sample context carried. */
    private static float[] reference(short[] pcm) {
        int windows = pcm.length / SileroVadModel.WINDOW;
        float[] out = new float[windows];
        FloatBuffer input = floats(SileroVadModel.CONTEXT + SileroVadModel.WINDOW);
        FloatBuffer state = floats(SileroVadModel.STATE_SIZE);
        FloatBuffer next = floats(SileroVadModel.STATE_SIZE);
        FloatBuffer probability = floats(1);
        for (int w = 0; w < windows; w++) {
            for (int i = 0; i < SileroVadModel.WINDOW; i++) {
                input.put(SileroVadModel.CONTEXT + i, pcm[w * SileroVadModel.WINDOW + i] / 32768f);
            }
            out[w] = model.run(input, state, next, probability);
            FloatBuffer previous = state;
            state = next;
            next = previous;
            for (int i = 0; i < SileroVadModel.CONTEXT; i++) {
                input.put(i, input.get(SileroVadModel.WINDOW + i));
            }
        }
        return out;
    }

    /** Whether window {@code w} or its context holds any non-zero sample. */
    private static boolean hasSignal(short[] pcm, int w) {
        int from = Math.max(0, w * SileroVadModel.WINDOW - SileroVadModel.CONTEXT);
        for (int i = from; i < (w + 1) * SileroVadModel.WINDOW; i++) {
            if (pcm[i] != 0) {
                return true;
            }
        }
        return false;
    }

    private static List<VadEvent.SpeechEnded> segments(List<Float> probabilities, int samples) {
        TurnDetector turns = new TurnDetector(0.5f, 250, 700);
        List<VadEvent.SpeechEnded> ends = new ArrayList<>();
        for (int w = 0; w < probabilities.size(); w++) {
            if (turns.onWindow(w * SileroVadModel.WINDOW_MS, SileroVadModel.WINDOW_MS, probabilities.get(w))
                    instanceof VadEvent.SpeechEnded end) {
                ends.add(end);
            }
        }
        if (turns.finish(samples * 1000L / SileroVadModel.SAMPLE_RATE) instanceof VadEvent.SpeechEnded end) {
            ends.add(end);
        }
        return ends;
    }

    /** The samples as a call's frames reach the VAD: 20 ms frames through the default noise gate. */
    private static short[] gated(short[] pcm) {
        short[] out = pcm.clone();
        NoiseGate gate = new NoiseGate(-55, 200, SileroVadModel.SAMPLE_RATE);
        for (int off = 0; off < out.length; off += FRAME) {
            gate.apply(out, off, Math.min(FRAME, out.length - off));
        }
        return out;
    }

    private static List<Float> toList(float[] values) {
        List<Float> list = new ArrayList<>(values.length);
        for (float v : values) {
            list.add(v);
        }
        return list;
    }

    private static FloatBuffer floats(int n) {
        return ByteBuffer.allocateDirect(n * Float.BYTES).order(ByteOrder.nativeOrder()).asFloatBuffer();
    }
}
