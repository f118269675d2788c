package io.voicegateway.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.voicegateway.media.MessageGuard.Verdict;
import org.junit.jupiter.api.Test;

/** A connection may send Twilio-sized messages at Twilio's pace (and a backlog burst); not huge ones, not floods. */
class MessageGuardTest {

    private static final long MS = 1_000_000L;
    private final MessageLimits limits = new MessageLimits(1000, 100, reason -> { });

    @Test
    void aMessageOverTheSizeCapIsOversizeWhetherTextOrBinary() {
        MessageGuard guard = new MessageGuard(limits, 0);
        assertThat(guard.check("x".repeat(1000), 0)).isEqualTo(Verdict.PASS);
        assertThat(guard.check("x".repeat(1001), 0)).isEqualTo(Verdict.OVERSIZE);
        assertThat(guard.check(new byte[1001], 0)).isEqualTo(Verdict.OVERSIZE);
    }

    @Test
    void twilioPaceOfFiftyMessagesASecondPassesForAnHour() {
        MessageGuard guard = new MessageGuard(limits, 0);
        for (long i = 0; i < 50 * 3600; i++) {
            assertThat(guard.check("{}", i * 20 * MS)).isEqualTo(Verdict.PASS);
        }
    }

    @Test
    void aBacklogOfTenSecondsAtTheCapPassesAtOnceButNotMore() {
        MessageGuard guard = new MessageGuard(limits, 0);
        for (int i = 0; i < 100 * MessageGuard.BURST_SECONDS; i++) {
            assertThat(guard.check("{}", 0)).isEqualTo(Verdict.PASS);
        }
        assertThat(guard.check("{}", 0)).isEqualTo(Verdict.FLOOD);
    }

    @Test
    void aSustainedRateAboveTheCapIsAFloodOnceTheBurstIsSpent() {
        MessageGuard guard = new MessageGuard(limits, 0);
        long flooded = -1;
        for (long i = 0; i < 100_000 && flooded < 0; i++) {
            if (guard.check("{}", i * 2 * MS) == Verdict.FLOOD) { // 500 a second against a cap of 100
                flooded = i;
            }
        }
        // the 1000-message bucket drains at 400 a second net: about 2.5 s, i.e. message ~1250
        assertThat(flooded).isBetween(1200L, 1300L);
    }
}
