package io.voicegateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voicegateway.server.ApiException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What log lines may show of user data: masked numbers, escaped control characters; which numbers are dialled. */
class PiiTextTest {

    @Test
    void aPhoneNumberKeepsItsCountryDigitAndLastFour() {
        assertThat(PhoneNumbers.mask("+14155554567")).isEqualTo("+1******4567");
        assertThat(PhoneNumbers.mask("+442071838750")).isEqualTo("+4*******8750");
        assertThat(PhoneNumbers.mask(" +14155554567 ")).isEqualTo("+1******4567");
    }

    @Test
    void shortOrMissingNumbersShowNothing() {
        assertThat(PhoneNumbers.mask("+1234")).isEqualTo("*****");
        assertThat(PhoneNumbers.mask("12345")).isEqualTo("*****");
        assertThat(PhoneNumbers.mask(null)).isEqualTo("-");
        assertThat(PhoneNumbers.mask("client:alice")).isEqualTo("********lice");
    }

    @Test
    void lineBreaksAndControlCharactersAreEscapedSoNoLineCanBeForged() {
        assertThat(SafeMessageConverter.escape("Webhook /x\r\n2026-01-01 INFO fake line"))
                .isEqualTo("Webhook /x\\r\\n2026-01-01 INFO fake line");
        assertThat(SafeMessageConverter.escape("bell\u0007 esc\u001b[31m del\u007f nel\u0085 ls\u2028"))
                .isEqualTo("bell\\u0007 esc\\u001b[31m del\\u007f nel\\u0085 ls\\u2028");
        assertThat(SafeMessageConverter.escape("tab\there")).isEqualTo("tab\\there");
    }

    @Test
    void ordinaryTextIsReturnedAsIs() {
        String line = "Call abc (stream MZ1): barge-in, cleared the caller's playback 120 ms after speech onset — ok";
        assertThat(SafeMessageConverter.escape(line)).isSameAs(line);
    }

    @Test
    void theAllowListLetsListedPrefixesThroughAndNamesThemOtherwise() {
        DestinationAllowList list = new DestinationAllowList(List.of("+1", "44"));
        list.check("+14155550100");
        list.check("+442071838750");
        assertThatThrownBy(() -> list.check("+33142685300")).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.status()).isEqualTo(403);
            assertThat(e.error()).isEqualTo("destination_not_allowed");
            assertThat(e.getMessage()).contains("+1, +44", "MAKE_CALL_ALLOWED_PREFIXES");
        });
        new DestinationAllowList(List.of()).check("+882123456789");
    }
}
