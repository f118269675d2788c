package io.voicegateway.vad;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Rule: a call whose windows are evaluated by the {@link VadBatcher} finds the same turns as one evaluated
 * synchronously: the same SpeechStarted and SpeechEnded events with the same audio-time timestamps, in the same
 * order; only the frame on which each is reported comes later. Every fixture, 20 ms frames, a tick every 32 ms
 * of audio (run on the test's thread).
 */
class BatchedVoiceActivityTest {

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

    static List<SpeechFixture> fixtures() {
        return SpeechFixture.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void batchedAndSynchronousCallsReportTheSameSegments(SpeechFixture fixture) {
        short[] pcm = fixture.audio().samples();
        List<VadEvent> synchronous = new ArrayList<>();
        List<Integer> synchronousFrames = new ArrayList<>();
        try (VoiceActivity activity = new VoiceActivity(model.newStream(), new TurnDetector(0.5f, 250, 700))) {
            feedAll(activity, pcm, synchronous, synchronousFrames, null);
        }
        List<VadEvent> batched = new ArrayList<>();
        List<Integer> batchedFrames = new ArrayList<>();
        try (VadBatcher batcher = new VadBatcher(model, 32, VadBatcher.DEFAULT_MAX_BATCH, (n, nanos) -> { });
             VoiceActivity activity = new VoiceActivity(batcher.newStream(), new TurnDetector(0.5f, 250, 700))) {
            assertThat(activity.batched()).isTrue();
            feedAll(activity, pcm, batched, batchedFrames, batcher);
            batcher.runDue();
            for (int extra = 0; extra < 3; extra++) { // frames after the audio pick up what the last tick evaluated
                VadEvent event = activity.feed(new short[0], 0, 0);
                if (event != null) {
                    batched.add(event);
                    batchedFrames.add(pcm.length / FRAME + extra);
                }
            }
        }

        assertThat(batched).isEqualTo(synchronous);
        assertThat(synchronous).hasSize(2 * fixture.onsetsMs().size());
        for (int i = 0; i < batchedFrames.size(); i++) {
            assertThat(batchedFrames.get(i)).as("event %d comes no earlier", i).isGreaterThanOrEqualTo(synchronousFrames.get(i));
        }
    }

    /** Feeds 20 ms frames; with a batcher, a tick after every frame that ends past a 32 ms boundary. */
    private static void feedAll(VoiceActivity activity, short[] pcm, List<VadEvent> events, List<Integer> frames,
                                VadBatcher batcher) {
        long nextTickMs = SileroVadModel.WINDOW_MS;
        for (int off = 0, frame = 0; off < pcm.length; off += FRAME, frame++) {
            VadEvent event = activity.feed(pcm, off, Math.min(FRAME, pcm.length - off));
            if (event != null) {
                events.add(event);
                frames.add(frame);
            }
            long audioMs = (off + FRAME) * 1000L / SileroVadModel.SAMPLE_RATE;
            if (batcher != null && audioMs >= nextTickMs) {
                batcher.runDue();
                nextTickMs += SileroVadModel.WINDOW_MS;
            }
        }
    }
}
