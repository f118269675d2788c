package io.voicegateway.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voicegateway.twilio.TwilioMessageException.Problem;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Rule: a message we cannot decode fails with a TwilioMessageException naming the problem and the field. */
class TwilioMessageErrorTest {

    private final TwilioMessageCodec codec = new TwilioMessageCodec();

    @Test
    void malformedJsonIsReportedAsSuch() {
        assertFails("{\"event\": \"media\",", Problem.MALFORMED_JSON, "not valid JSON");
    }

    @Test
    void jsonThatIsNotAnObjectIsMalformed() {
        assertFails("[1, 2]", Problem.MALFORMED_JSON, "not a JSON object");
        assertFails("", Problem.MALFORMED_JSON, "not a JSON object");
        assertFails(null, Problem.MALFORMED_JSON, "null");
    }

    @Test
    void aMessageWithoutEventIsMissingAField() {
        assertFails("{\"streamSid\": \"MZ1\"}", Problem.MISSING_FIELD, "'event'");
    }

    @Test
    void anUnknownEventIsNamed() {
        assertFails("{\"event\": \"transcript\"}", Problem.UNKNOWN_EVENT, "'transcript'");
    }

    @Test
    void aMissingNestedFieldIsNamedWithItsPath() {
        assertFails(media("\"track\": \"inbound\", \"chunk\": \"1\", \"timestamp\": \"5\""),
                Problem.MISSING_FIELD, "'media.payload'");
    }

    @Test
    void aMissingNestedObjectIsNamed() {
        assertFails("{\"event\": \"stop\", \"sequenceNumber\": \"5\", \"streamSid\": \"MZ1\"}",
                Problem.MISSING_FIELD, "'stop'");
    }

    @Test
    void aCounterThatIsNotANumberIsInvalid() {
        assertFails(media("\"track\": \"inbound\", \"chunk\": \"one\", \"timestamp\": \"5\", \"payload\": \"\""),
                Problem.INVALID_FIELD, "'media.chunk'");
    }

    @Test
    void aPayloadThatIsNotBase64IsReportedAsSuch() {
        assertFails(media("\"track\": \"inbound\", \"chunk\": \"1\", \"timestamp\": \"5\", \"payload\": \"!!not base64!!\""),
                Problem.PAYLOAD_NOT_BASE64, "not base64");
    }

    @Test
    void aPayloadOverTwoHundredMillisecondsIsTooLarge() {
        assertFails(mediaWithPayloadOf(1601), Problem.PAYLOAD_TOO_LARGE, "1600");
        assertFails(mediaWithPayloadOf(100_000), Problem.PAYLOAD_TOO_LARGE, "1600");
    }

    @Test
    void aPayloadOfExactlyTwoHundredMillisecondsIsAccepted() {
        codec.decode(mediaWithPayloadOf(1600));
    }

    private String mediaWithPayloadOf(int bytes) {
        String payload = Base64.getEncoder().encodeToString(new byte[bytes]);
        return media("\"track\": \"inbound\", \"chunk\": \"1\", \"timestamp\": \"5\", \"payload\": \"" + payload + "\"");
    }

    private static String media(String fields) {
        return "{\"event\": \"media\", \"sequenceNumber\": \"3\", \"streamSid\": \"MZ1\", \"media\": {" + fields + "}}";
    }

    private void assertFails(String json, Problem problem, String messagePart) {
        assertThatThrownBy(() -> codec.decode(json))
                .isInstanceOfSatisfying(TwilioMessageException.class,
                        e -> assertThat(e.problem()).isEqualTo(problem))
                .hasMessageContaining(messagePart);
    }
}
