package io.voicegateway.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Playout timeline from sent frames and echoed marks, on a hand-driven clock. */
class PlaybackTrackerTest {

    private static final long MS = 1_000_000L;
    private final AtomicLong now = new AtomicLong(1_000 * MS);
    private final PlaybackTracker tracker = new PlaybackTracker(now::get);

    @Test
    void audioIsPlayingUntilItsMarkComesBack() {
        tracker.frameSent(0.5f);
        String first = tracker.nextMark();
        tracker.frameSent(0.5f);
        String second = tracker.nextMark();
        assertThat(tracker.isPlaying()).isTrue();
        assertThat(tracker.markPlayed(first)).isTrue();
        assertThat(tracker.isPlaying()).isTrue();
        assertThat(tracker.markPlayed(second)).isTrue();
        assertThat(tracker.isPlaying()).isFalse();
        assertThat(tracker.markPlayed("not-ours")).isFalse();
    }

    @Test
    void aLaterMarkConfirmsEarlierOnes() {
        tracker.nextMark();
        String last = tracker.nextMark();
        assertThat(tracker.markPlayed(last)).isTrue();
        assertThat(tracker.isPlaying()).isFalse();
    }

    @Test
    void framesSentFasterThanRealTimeQueueOnThePlayoutTimeline() {
        for (int i = 0; i < 50; i++) {
            tracker.frameSent(0.1f);
        }
        assertThat(tracker.queuedMs()).isEqualTo(980);
        now.addAndGet(500 * MS);
        assertThat(tracker.queuedMs()).isEqualTo(480);
    }

    @Test
    void theEchoReferenceIsTheLevelPlayingNowNotTheLevelSentAhead() {
        tracker.frameSent(0.1f);
        for (int i = 0; i < 10; i++) {
            tracker.frameSent(0.8f); // queued: plays 20..220 ms from now
        }
        assertThat(tracker.maxPlayedLevel(100)).isEqualTo(0.1f);
        now.addAndGet(100 * MS);
        assertThat(tracker.maxPlayedLevel(100)).isEqualTo(0.8f);
        now.addAndGet(1000 * MS);
        assertThat(tracker.maxPlayedLevel(100)).isZero();
    }

    @Test
    void clearingStopsPlaybackAndForgetsTheUnplayedAudio() {
        for (int i = 0; i < 20; i++) {
            tracker.frameSent(0.8f);
        }
        tracker.nextMark();
        tracker.cleared();
        assertThat(tracker.isPlaying()).isFalse();
        assertThat(tracker.queuedMs()).isZero();
        now.addAndGet(200 * MS);
        assertThat(tracker.maxPlayedLevel(100)).isZero();
    }
}
