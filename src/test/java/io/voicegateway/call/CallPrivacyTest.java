package io.voicegateway.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/** TRANSCRIPT_RETENTION and STORE_DTMF decide what a call record keeps; the clock is moved by hand. */
class CallPrivacyTest {

    private Instant now = Instant.parse("2026-12-01T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    private Call call(String retention, boolean storeDtmf) {
        InMemoryCallRegistry registry = new InMemoryCallRegistry(10, clock,
                new PrivacyProperties(retention, storeDtmf).policy());
        return registry.create(new NewCall(CallDirection.INBOUND, "+14155550123", "+15550001111", "matthew", "p"));
    }

    @Test
    void byDefaultTheTranscriptAndDigitsStayWithTheRecord() {
        Call call = call("", true);
        call.addTranscript("USER", "my card number is four two");
        call.addDtmf("4");
        call.end("caller_hung_up");
        now = now.plus(Duration.ofDays(30));
        assertThat(call.record().transcript()).hasSize(1);
        assertThat(call.record().dtmf()).isEqualTo("4");
    }

    @Test
    void retentionNoneNeverStoresTheTranscript() {
        Call call = call("none", true);
        call.addTranscript("USER", "hello");
        assertThat(call.record().transcript()).isEmpty();
    }

    @Test
    void aRetentionDurationDropsTheTranscriptThatLongAfterTheCallEnded() {
        Call call = call("1h", true);
        call.addTranscript("USER", "hello");
        call.addTranscript("ASSISTANT", "hi there");
        now = now.plus(Duration.ofHours(5)); // still running: kept however long the call lasts
        assertThat(call.record().transcript()).hasSize(2);
        call.end("caller_hung_up");
        now = now.plus(Duration.ofMinutes(59));
        assertThat(call.record().transcript()).hasSize(2);
        now = now.plus(Duration.ofMinutes(1));
        assertThat(call.record().transcript()).isEmpty();
        assertThat(call.record().endReason()).isEqualTo("caller_hung_up");
    }

    @Test
    void storeDtmfFalseKeepsNoDigits() {
        Call call = call("", false);
        call.addDtmf("1");
        call.addDtmf("#");
        assertThat(call.record().dtmf()).isEmpty();
    }

    @Test
    void aBadRetentionNamesTheSetting() {
        assertThatThrownBy(() -> new PrivacyProperties("forever", true).policy())
                .hasMessageContaining("TRANSCRIPT_RETENTION");
    }
}
