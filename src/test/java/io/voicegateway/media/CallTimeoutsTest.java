package io.voicegateway.media;

import static org.assertj.core.api.Assertions.assertThat;

import io.voicegateway.call.Call;
import io.voicegateway.call.CallDirection;
import io.voicegateway.call.CallStatus;
import io.voicegateway.call.InMemoryCallRegistry;
import io.voicegateway.call.NewCall;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * Which calls the sweep ends: one whose stream never started once its status has been still for the wait, and
 * one whose model has sent nothing since the caller last spoke, once that is older than the reply timeout.
 */
class CallTimeoutsTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final Duration REPLY = Duration.ofSeconds(10);
    private static final long S = 1_000_000_000L;

    private final Call call = new InMemoryCallRegistry(10, Clock.fixed(T0, ZoneOffset.UTC))
            .create(new NewCall(CallDirection.LOCAL, "local", "gateway", "matthew", "p"));

    @Test
    void aCallWithoutAStreamExpiresOnlyAfterTheWaitSinceItsLastStatus() {
        assertThat(CallTimeouts.neverStreamed(call, false, T0.plusSeconds(60), WAIT)).isFalse();
        assertThat(CallTimeouts.neverStreamed(call, false, T0.plusSeconds(61), WAIT)).isTrue();
    }

    @Test
    void aStreamingOrStartedOrEndedCallNeverExpiresForWantOfAStream() {
        assertThat(CallTimeouts.neverStreamed(call, true, T0.plusSeconds(600), WAIT)).isFalse();
        call.setStreamSid("MZ1");
        assertThat(CallTimeouts.neverStreamed(call, false, T0.plusSeconds(600), WAIT)).isFalse();
        call.setStreamSid(null);
        call.end("caller_hung_up");
        assertThat(CallTimeouts.neverStreamed(call, false, T0.plusSeconds(600), WAIT)).isFalse();
    }

    @Test
    void aNewStatusRestartsTheWaitSoARingingCallIsNotCutShort() {
        Instant[] now = {T0};
        Clock clock = new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now[0];
            }
        };
        Call ringing = new InMemoryCallRegistry(10, clock).create(new NewCall(CallDirection.OUTBOUND, "+1", "+2",
                "matthew", "p"));
        now[0] = T0.plusSeconds(50);
        ringing.advanceStatus(CallStatus.RINGING, null);
        assertThat(CallTimeouts.neverStreamed(ringing, false, T0.plusSeconds(100), WAIT)).isFalse();
        assertThat(CallTimeouts.neverStreamed(ringing, false, T0.plusSeconds(111), WAIT)).isTrue();
    }

    @Test
    void aReplyIsOverdueOnlyWhenTheModelSaidNothingSinceTheCallerSpokeForLongerThanTheTimeout() {
        long voiced = 100 * S;
        assertThat(CallTimeouts.replyOverdue(true, voiced, 0, voiced + 10 * S, REPLY)).isFalse();
        assertThat(CallTimeouts.replyOverdue(true, voiced, 0, voiced + 11 * S, REPLY)).isTrue();
        assertThat(CallTimeouts.replyOverdue(true, voiced, voiced - S, voiced + 11 * S, REPLY)).isTrue();
        assertThat(CallTimeouts.replyOverdue(true, voiced, voiced + S, voiced + 11 * S, REPLY)).isFalse();
    }

    @Test
    void noReplyIsOverdueWhenTheCallerHasNotSpokenOrTheReplyStarted() {
        assertThat(CallTimeouts.replyOverdue(true, 0, 0, 1000 * S, REPLY)).isFalse();
        assertThat(CallTimeouts.replyOverdue(false, 100 * S, 0, 1000 * S, REPLY)).isFalse();
    }

    @Test
    void aSoundTooShortToBeATurnAwaitsNoReply() {
        assertThat(CallTimeouts.callerSpoke(true, CallTimeouts.MIN_VOICED_FRAMES - 1)).isFalse();
        assertThat(CallTimeouts.callerSpoke(true, CallTimeouts.MIN_VOICED_FRAMES)).isTrue();
        assertThat(CallTimeouts.callerSpoke(false, 500)).isFalse();
    }
}
