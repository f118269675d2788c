package io.voicegateway.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The simulator plays like Twilio: 20 ms per tick, marks echoed after their audio, clear flushes and echoes. */
class TwilioPlayoutTest {

    private final TwilioPlayout playout = new TwilioPlayout();

    @Test
    void aMarkIsEchoedOnlyAfterTheAudioQueuedBeforeItHasPlayed() {
        playout.enqueueMedia(new byte[320]); // two frames
        playout.enqueueMark("m1");

        assertThat(playout.tick().frame()).isNotNull();
        TwilioPlayout.Tick second = playout.tick();
        assertThat(second.frame()).isNotNull();
        assertThat(second.marksPlayed()).isEmpty();
        TwilioPlayout.Tick third = playout.tick();
        assertThat(third.marksPlayed()).containsExactly("m1");
        assertThat(third.frame()).isNull();
        assertThat(playout.isEmpty()).isTrue();
    }

    @Test
    void clearDropsTheQueuedAudioAndEchoesEveryPendingMark() {
        playout.enqueueMedia(new byte[1600]);
        playout.enqueueMark("a");
        playout.enqueueMedia(new byte[1600]);
        playout.enqueueMark("b");
        playout.tick();

        assertThat(playout.clear()).containsExactly("a", "b");
        assertThat(playout.isEmpty()).isTrue();
        assertThat(playout.tick().frame()).isNull();
    }

    @Test
    void aShortTailIsPaddedToAFullFrameBeforeTheMarkThatFollowsIt() {
        playout.enqueueMedia(new byte[200]); // one frame and 40 bytes
        playout.enqueueMark("end");

        assertThat(playout.tick().frame()).hasSize(160);
        byte[] tail = playout.tick().frame();
        assertThat(tail).hasSize(160);
        assertThat(tail[39]).isZero();
        assertThat(tail[40]).isEqualTo((byte) 0xFF); // μ-law silence after the real bytes
        assertThat(playout.tick().marksPlayed()).containsExactly("end");
    }
}
