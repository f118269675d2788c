package io.voicegateway.vad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.voicegateway.vad.VadEvent.SpeechEnded;
import io.voicegateway.vad.VadEvent.SpeechStarted;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real model on real (synthetic) speech, fed as a call feeds it: 160-sample frames of 8 kHz PCM16.
 * Rules: every utterance is found, its SpeechStarted within 64 ms (two windows) of the true onset; events come as
 * Started/Ended pairs, one pair per utterance; silence and noise alone give no event; calls do not share state.
 */
class VoiceActivityTest {

    private static final int FRAME = 160;
    private static final long ONSET_TOLERANCE_MS = 64;

    private static SileroVadModel model;

    @BeforeAll
    static void loadModel() {
        model = SileroVadModel.loadBundled();
    }

    @AfterAll
    static void closeModel() {
        model.close();
    }

    static List<SpeechFixture> fixtures() {
        return SpeechFixture.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void everyUtteranceIsFoundWithItsOnsetWithinTwoWindowsAndNothingElse(SpeechFixture fixture) {
        List<VadEvent> events = run(fixture.audio().samples());

        assertThat(events).hasSize(2 * fixture.onsetsMs().size());
        for (int i = 0; i < fixture.onsetsMs().size(); i++) {
            long onset = fixture.onsetsMs().get(i);
            SpeechStarted started = (SpeechStarted) events.get(2 * i);
            SpeechEnded ended = (SpeechEnded) events.get(2 * i + 1);
            assertThat(started.atMs()).as("onset of utterance %d", i).isCloseTo(onset, within(ONSET_TOLERANCE_MS));
            assertThat(ended.startedAtMs()).isEqualTo(started.atMs());
            assertThat(ended.atMs()).isGreaterThan(started.atMs());
        }
    }

    @Test
    void theTurnDetectorEmitsExactlyStartEndStartEndForTwoUtterances() {
        List<VadEvent> events = run(SpeechFixture.named("two-utterances.wav").audio().samples());
        assertThat(events).extracting(e -> e.getClass().getSimpleName())
                .containsExactly("SpeechStarted", "SpeechEnded", "SpeechStarted", "SpeechEnded");
    }

    @Test
    void silenceAndNoiseAloneNeverReachTheThreshold() {
        for (String file : List.of("silence-3s.wav", "noise-3s.wav")) {
            List<Float> probabilities = probabilities(SpeechFixture.named(file).audio().samples());
            assertThat(probabilities).as(file).isNotEmpty().allMatch(p -> p < 0.5f);
        }
    }

    @Test
    void twoInterleavedCallsGetTheSameProbabilitiesAsEachAlone() {
        short[] speech = SpeechFixture.named("two-utterances.wav").audio().samples();
        short[] noisy = SpeechFixture.named("two-utterances-noise-15db.wav").audio().samples();
        List<Float> speechAlone = probabilities(speech);
        List<Float> noisyAlone = probabilities(noisy);

        List<Float> speechInterleaved = new ArrayList<>();
        List<Float> noisyInterleaved = new ArrayList<>();
        VadStream first = model.newStream();
        VadStream second = model.newStream();
        for (int off = 0; off < Math.max(speech.length, noisy.length); off += FRAME) {
            if (off < speech.length) {
                first.feed(speech, off, Math.min(FRAME, speech.length - off), (i, p) -> speechInterleaved.add(p));
            }
            if (off < noisy.length) {
                second.feed(noisy, off, Math.min(FRAME, noisy.length - off), (i, p) -> noisyInterleaved.add(p));
            }
        }
        assertThat(speechInterleaved).isEqualTo(speechAlone);
        assertThat(noisyInterleaved).isEqualTo(noisyAlone);
        assertThat(speechAlone).isNotEqualTo(noisyAlone);
    }

    @Test
    void frameSizeDoesNotChangeTheProbabilities() {
        short[] speech = SpeechFixture.named("one-utterance.wav").audio().samples();
        List<Float> inFrames = probabilities(speech);
        List<Float> inOneBlock = new ArrayList<>();
        model.newStream().feed(speech, 0, speech.length, (i, p) -> inOneBlock.add(p));
        assertThat(inOneBlock).isEqualTo(inFrames).hasSize(speech.length / SileroVadModel.WINDOW);
    }

    @Test
    void aResetStreamRepeatsItsFirstRun() {
        short[] speech = SpeechFixture.named("one-utterance.wav").audio().samples();
        VadStream stream = model.newStream();
        List<Float> first = new ArrayList<>();
        stream.feed(speech, 0, speech.length, (i, p) -> first.add(p));
        stream.reset();
        List<Float> second = new ArrayList<>();
        stream.feed(speech, 0, speech.length, (i, p) -> second.add(p));
        assertThat(second).isEqualTo(first);
    }

    private static List<VadEvent> run(short[] samples) {
        VoiceActivity activity = new VoiceActivity(model.newStream(), new TurnDetector(0.5f, 250, 700));
        List<VadEvent> events = new ArrayList<>();
        for (int off = 0; off < samples.length; off += FRAME) {
            VadEvent event = activity.feed(samples, off, Math.min(FRAME, samples.length - off));
            if (event != null) {
                events.add(event);
            }
        }
        return events;
    }

    private static List<Float> probabilities(short[] samples) {
        VadStream stream = model.newStream();
        List<Float> out = new ArrayList<>();
        for (int off = 0; off < samples.length; off += FRAME) {
            stream.feed(samples, off, Math.min(FRAME, samples.length - off), (i, p) -> out.add(p));
        }
        return out;
    }
}
