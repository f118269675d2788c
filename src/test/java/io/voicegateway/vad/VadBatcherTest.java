package io.voicegateway.vad;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Rules: a window evaluated in a batch with other calls' windows gets the probability it gets alone (within 1e-5),
 * whatever the batch size and wherever the calls' windows fall; a run takes at most one window per stream; a
 * stream closed with windows waiting drops out without disturbing the others. Batches are run on the test's
 * thread ({@link VadBatcher#runDue}) unless a test starts the batcher's own thread.
 */
class VadBatcherTest {

    private static final int FRAME = 160;
    private static final double TOLERANCE = 1e-5;
    private static SileroVadModel model;

    @BeforeAll
    static void loadModel() {
        model = SileroVadModel.loadBundled();
    }

    @AfterAll
    static void closeModel() {
        model.close();
    }

    @ParameterizedTest(name = "{0} streams")
    @ValueSource(ints = {1, 2, 3, 37})
    void batchedProbabilitiesEqualEachStreamRunAloneForDifferentAudioAndPhases(int streams) {
        List<SpeechFixture> fixtures = SpeechFixture.all();
        short[][] audio = new short[streams][];
        int[] startRound = new int[streams];
        for (int s = 0; s < streams; s++) {
            short[] whole = fixtures.get(s % fixtures.size()).audio().samples();
            // a different cut of the file and a different start time per stream: window ends fall on other frames
            audio[s] = Arrays.copyOfRange(whole, (s * 53) % SileroVadModel.WINDOW, whole.length);
            startRound[s] = (s * 7) % 23;
        }
        List<Integer> batchSizes = new ArrayList<>();
        List<List<Float>> batched = new ArrayList<>();
        try (VadBatcher batcher = new VadBatcher(model, 32, VadBatcher.DEFAULT_MAX_BATCH, (n, nanos) -> batchSizes.add(n))) {
            VadStream[] opened = new VadStream[streams];
            for (int s = 0; s < streams; s++) {
                opened[s] = batcher.newStream();
                batched.add(new ArrayList<>());
            }
            int rounds = 0;
            for (boolean more = true; more; rounds++) {
                more = false;
                for (int s = 0; s < streams; s++) {
                    int off = (rounds - startRound[s]) * FRAME;
                    if (off >= 0 && off < audio[s].length) {
                        List<Float> out = batched.get(s);
                        opened[s].feed(audio[s], off, Math.min(FRAME, audio[s].length - off), (i, p) -> out.add(p));
                    }
                    more |= off < audio[s].length;
                }
                if (rounds % 2 == 1 || rounds % 5 == 0) { // ticks now and then, like a 32 ms tick over 20 ms frames
                    batcher.runDue();
                }
            }
            batcher.runDue();
            for (int s = 0; s < streams; s++) {
                List<Float> out = batched.get(s);
                opened[s].feed(new short[0], 0, 0, (i, p) -> out.add(p)); // collects what the last ticks evaluated
                opened[s].close();
            }
        }
        for (int s = 0; s < streams; s++) {
            List<Float> alone = synchronous(audio[s]);
            assertThat(batched.get(s)).as("stream %d", s).hasSameSizeAs(alone);
            for (int w = 0; w < alone.size(); w++) {
                assertThat(batched.get(s).get(w)).as("stream %d window %d", s, w).isCloseTo(alone.get(w), within((float) TOLERANCE));
            }
        }
        assertThat(batchSizes.stream().mapToInt(Integer::intValue).max().orElse(0))
                .as("largest batch").isBetween(Math.min(streams, 2), streams);
    }

    @Test
    void aStreamNeverHasTwoWindowsInOneRun() {
        short[] speech = SpeechFixture.named("one-utterance.wav").audio().samples();
        List<Integer> sizes = new ArrayList<>();
        try (VadBatcher batcher = new VadBatcher(model, 32, 8, (n, nanos) -> sizes.add(n))) {
            VadStream busy = batcher.newStream();
            VadStream quiet = batcher.newStream();
            List<Long> busyWindows = new ArrayList<>();
            busy.feed(speech, 0, 3 * SileroVadModel.WINDOW, (i, p) -> busyWindows.add(i));
            quiet.feed(speech, 0, SileroVadModel.WINDOW, (i, p) -> { });

            assertThat(batcher.runOnce()).isEqualTo(2);
            busy.feed(speech, 0, 0, (i, p) -> busyWindows.add(i));
            assertThat(busyWindows).containsExactly(0L);
            assertThat(batcher.runDue()).isEqualTo(2);
            busy.feed(speech, 0, 0, (i, p) -> busyWindows.add(i));
            assertThat(busyWindows).containsExactly(0L, 1L, 2L);
        }
        assertThat(sizes).containsExactly(2, 1, 1);
    }

    @Test
    void aStreamClosedWithAWindowWaitingDropsOutAndTheNextBatchRunsTheOthers() {
        short[] speech = SpeechFixture.named("two-utterances.wav").audio().samples();
        List<Integer> sizes = new ArrayList<>();
        try (VadBatcher batcher = new VadBatcher(model, 32, 8, (n, nanos) -> sizes.add(n))) {
            VadStream leaving = batcher.newStream();
            VadStream staying = batcher.newStream();
            List<Float> left = new ArrayList<>();
            List<Float> stayed = new ArrayList<>();
            leaving.feed(speech, 0, SileroVadModel.WINDOW, (i, p) -> left.add(p));
            staying.feed(speech, 0, SileroVadModel.WINDOW, (i, p) -> stayed.add(p));
            leaving.close();

            batcher.runDue();
            staying.feed(speech, SileroVadModel.WINDOW, SileroVadModel.WINDOW, (i, p) -> stayed.add(p));
            batcher.runDue();
            staying.feed(speech, 0, 0, (i, p) -> stayed.add(p));
            leaving.feed(speech, 0, SileroVadModel.WINDOW, (i, p) -> left.add(p));

            assertThat(sizes).containsExactly(1, 1);
            assertThat(batcher.streams()).isEqualTo(1);
            assertThat(left).isEmpty();
            assertThat(stayed).hasSize(2);
            assertThat(stayed).isEqualTo(synchronous(Arrays.copyOf(speech, 2 * SileroVadModel.WINDOW)));
        }
    }

    @Test
    void windowsBeyondTheHandoffCapacityAreDroppedButLaterWindowsKeepTheirAudioTime() {
        short[] speech = SpeechFixture.named("one-utterance.wav").audio().samples();
        try (VadBatcher batcher = new VadBatcher(model, 32, 8, (n, nanos) -> { })) {
            VadStream stream = batcher.newStream();
            List<Long> indices = new ArrayList<>();
            int windows = WindowHandoff.CAPACITY + 2;
            stream.feed(speech, 0, windows * SileroVadModel.WINDOW, (i, p) -> indices.add(i));
            batcher.runDue();
            stream.feed(speech, 0, SileroVadModel.WINDOW, (i, p) -> indices.add(i));
            batcher.runDue();
            stream.feed(speech, 0, 0, (i, p) -> indices.add(i));

            assertThat(stream.droppedWindows()).isEqualTo(2); // windows 16 and 17, fed before any tick
            assertThat(indices).hasSize(WindowHandoff.CAPACITY + 1).endsWith((long) windows);
            assertThat(indices.subList(0, WindowHandoff.CAPACITY)).isSorted().startsWith(0L)
                    .endsWith((long) WindowHandoff.CAPACITY - 1);
        }
    }

    @Test
    void theBatcherThreadEvaluatesEveryWindowOnItsOwnTicks() throws Exception {
        short[] speech = SpeechFixture.named("two-utterances.wav").audio().samples();
        List<Float> expected = synchronous(speech);
        List<Float> heard = new CopyOnWriteArrayList<>();
        List<Integer> sizes = new CopyOnWriteArrayList<>();
        try (VadBatcher batcher = new VadBatcher(model, 5, 8, (n, nanos) -> sizes.add(n)).start()) {
            VadStream stream = batcher.newStream();
            for (int off = 0; off < speech.length; off += FRAME) {
                stream.feed(speech, off, Math.min(FRAME, speech.length - off), (i, p) -> heard.add(p));
                long completed = (off + FRAME) / SileroVadModel.WINDOW;
                while (completed - stream.windows() >= WindowHandoff.CAPACITY / 2) {
                    Thread.sleep(1); // faster than real time: let the batcher catch up so the hand-off never fills
                    stream.feed(speech, 0, 0, (i, p) -> heard.add(p));
                }
            }
            for (int wait = 0; wait < 500 && heard.size() < expected.size(); wait++) {
                Thread.sleep(10);
                stream.feed(speech, 0, 0, (i, p) -> heard.add(p));
            }
            assertThat(stream.droppedWindows()).isZero();
        }
        assertThat(heard).hasSameSizeAs(expected);
        for (int w = 0; w < expected.size(); w++) {
            assertThat(heard.get(w)).isCloseTo(expected.get(w), within((float) TOLERANCE));
        }
        assertThat(sizes).isNotEmpty().allMatch(n -> n == 1);
    }

    @Test
    void withAResultWaitEveryFeedHearsTheWindowsItCompletedAndStreamsFedTogetherShareRuns() throws Exception {
        short[] speech = SpeechFixture.named("two-utterances.wav").audio().samples();
        List<Float> expected = synchronous(speech);
        int streams = 3;
        List<Integer> sizes = new CopyOnWriteArrayList<>();
        // a generous wait: the assertion is about the hand-over, not about how fast a busy machine runs the batch
        try (VadBatcher batcher = new VadBatcher(model, 20, 8, 10_000, (n, nanos) -> sizes.add(n)).start()) {
            List<java.util.concurrent.Future<List<Float>>> fed = new ArrayList<>();
            var pool = java.util.concurrent.Executors.newFixedThreadPool(streams);
            try {
                for (int s = 0; s < streams; s++) {
                    VadStream stream = batcher.newStream();
                    fed.add(pool.submit(() -> {
                        List<Float> heard = new ArrayList<>();
                        for (int off = 0; off < speech.length; off += FRAME) {
                            stream.feed(speech, off, Math.min(FRAME, speech.length - off), (i, p) -> heard.add(p));
                            long completed = Math.min(off + FRAME, speech.length) / SileroVadModel.WINDOW;
                            assertThat(stream.windows()).as("windows heard after the frame ending at sample %d",
                                    off + FRAME).isEqualTo(completed);
                        }
                        stream.close();
                        return heard;
                    }));
                }
                for (var future : fed) {
                    List<Float> heard = future.get(120, java.util.concurrent.TimeUnit.SECONDS);
                    assertThat(heard).hasSameSizeAs(expected);
                    for (int w = 0; w < expected.size(); w++) {
                        assertThat(heard.get(w)).isCloseTo(expected.get(w), within((float) TOLERANCE));
                    }
                }
            } finally {
                pool.shutdownNow();
            }
        }
        // three streams waiting on one 20 ms tick: their windows go into the same runs
        assertThat(sizes).contains(streams);
    }

    @Test
    void aFeedWaitsNoLongerThanItsResultWaitAndTheResultComesWithALaterFeed() {
        short[] speech = SpeechFixture.named("two-utterances.wav").audio().samples();
        List<Float> heard = new ArrayList<>();
        // the batcher's thread is not started: nobody runs the window the feed waits for
        try (VadBatcher batcher = new VadBatcher(model, 32, 8, 50, (n, nanos) -> { });
             VadStream stream = batcher.newStream()) {
            stream.feed(speech, 0, SileroVadModel.WINDOW, (i, p) -> heard.add(p));
            assertThat(stream.windows()).as("no result after the wait ran out").isZero();
            assertThat(stream.lateResults()).isEqualTo(1);

            batcher.runDue();
            stream.feed(speech, 0, 0, (i, p) -> heard.add(p));
            assertThat(heard).hasSize(1);
            assertThat(heard.get(0)).isCloseTo(synchronous(java.util.Arrays.copyOf(speech, SileroVadModel.WINDOW)).get(0),
                    within((float) TOLERANCE));
        }
    }

    @Test
    void closingAStreamReleasesAFeedWaitingForItsResult() throws Exception {
        short[] speech = SpeechFixture.named("two-utterances.wav").audio().samples();
        // a one-hour wait, and a batcher that never runs: only the close can end the feed
        try (VadBatcher batcher = new VadBatcher(model, 32, 8, 3_600_000, (n, nanos) -> { })) {
            VadStream stream = batcher.newStream();
            var feeding = java.util.concurrent.CompletableFuture.runAsync(
                    () -> stream.feed(speech, 0, SileroVadModel.WINDOW, (i, p) -> { }));
            org.awaitility.Awaitility.await().atMost(30, java.util.concurrent.TimeUnit.SECONDS)
                    .until(() -> waitingIn(feeding));
            stream.close();
            feeding.get(30, java.util.concurrent.TimeUnit.SECONDS);
            assertThat(stream.windows()).isZero();
        }
    }

    /** True once some thread is parked in WindowHandoff.awaitResults (the feed has reached its wait). */
    private static boolean waitingIn(java.util.concurrent.CompletableFuture<Void> feeding) {
        return !feeding.isDone() && Thread.getAllStackTraces().entrySet().stream()
                .anyMatch(e -> e.getKey().getState() == Thread.State.TIMED_WAITING
                        && Arrays.stream(e.getValue()).anyMatch(f -> f.getMethodName().equals("awaitResults")));
    }

    @Test
    void aZeroTickGivesSynchronousStreamsAndANegativeOneIsRefused() {
        try (VadStreams streams = VadStreams.create(model, 0, (n, nanos) -> { }); VadStream stream = streams.newStream()) {
            assertThat(streams.batched()).isFalse();
            assertThat(stream.batched()).isFalse();
        }
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> VadStreams.create(model, -1, (n, nanos) -> { }))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("vad.batch-tick-ms");
    }

    static List<Float> synchronous(short[] pcm) {
        List<Float> out = new ArrayList<>();
        try (VadStream stream = model.newStream()) {
            for (int off = 0; off < pcm.length; off += FRAME) {
                stream.feed(pcm, off, Math.min(FRAME, pcm.length - off), (i, p) -> out.add(p));
            }
        }
        return out;
    }
}
