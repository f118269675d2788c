package io.voicegateway.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Call status ranking, ending, and the registry's ids and bounded retention, without Camel. */
class CallModelTest {

    private final InMemoryCallRegistry registry = new InMemoryCallRegistry(3, Clock.systemUTC());

    private Call newCall() {
        return registry.create(new NewCall(CallDirection.LOCAL, "a", "b", "matthew", "p"));
    }

    @Test
    void aFinalStatusIsNeverOverwrittenAndRepeatsAreIgnored() {
        Call call = newCall();
        assertThat(call.advanceStatus(CallStatus.RINGING, null)).isTrue();
        assertThat(call.advanceStatus(CallStatus.RINGING, null)).isFalse();
        assertThat(call.advanceStatus(CallStatus.BUSY, null)).isTrue();
        assertThat(call.advanceStatus(CallStatus.COMPLETED, 3)).isFalse();
        assertThat(call.advanceStatus(CallStatus.IN_PROGRESS, null)).isFalse();
        assertThat(call.status()).isEqualTo(CallStatus.BUSY);
        assertThat(call.record().endReason()).isEqualTo("busy");
    }

    @Test
    void statusCallbackEventNamesMapToCallStatuses() {
        assertThat(CallStatus.fromTwilio("answered")).contains(CallStatus.IN_PROGRESS);
        assertThat(CallStatus.fromTwilio("In-Progress")).contains(CallStatus.IN_PROGRESS);
        assertThat(CallStatus.fromTwilio("no-answer")).contains(CallStatus.NO_ANSWER);
        assertThat(CallStatus.fromTwilio("sideways")).isEmpty();
    }

    @Test
    void endingKeepsTheFirstReason() {
        Call call = newCall();
        assertThat(call.end("max_duration")).isTrue();
        assertThat(call.end("stream_closed")).isFalse();
        assertThat(call.record().endReason()).isEqualTo("max_duration");
        assertThat(call.record().status()).isEqualTo("completed");
    }

    @Test
    void callIdsAndTokensAreUniqueAndLong() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            Call call = newCall();
            ids.add(call.callId());
            ids.add(call.streamToken());
            assertThat(call.callId()).matches("[A-Za-z0-9_-]{22}");
        }
        assertThat(ids).hasSize(2000);
    }

    @Test
    void endedCallsAreRetainedUpToTheBoundOldestFirstOut() {
        Call[] calls = new Call[5];
        for (int i = 0; i < 5; i++) {
            calls[i] = newCall();
            registry.bindTwilioCallSid(calls[i], "CA" + i);
            calls[i].end("done");
            registry.ended(calls[i]);
        }
        assertThat(registry.find(calls[0].callId())).isEmpty();
        assertThat(registry.findByTwilioCallSid("CA1")).isEmpty();
        assertThat(registry.find(calls[4].callId())).isPresent();
        assertThat(registry.all()).extracting(Call::callId)
                .containsExactly(calls[4].callId(), calls[3].callId(), calls[2].callId());
        assertThat(registry.activeCount()).isZero();
    }
}
