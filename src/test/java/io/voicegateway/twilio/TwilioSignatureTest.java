package io.voicegateway.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import com.twilio.security.RequestValidator;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Our signer (used by the simulator and the sign command) must agree with the Twilio SDK's validator. */
class TwilioSignatureTest {

    private static final String URL = "https://mycompany.com/myapp.php?foo=1&bar=2";
    private static final Map<String, String> PARAMS = Map.of("CallSid", "CA1234567890ABCDE", "Caller", "+12349013030",
            "Digits", "1234", "From", "+12349013030", "To", "+18005551212");

    @Test
    void aSignatureWeComputeIsAcceptedByTheTwilioSdk() {
        String signature = TwilioSignature.sign("12345", URL, PARAMS);
        assertThat(new RequestValidator("12345").validate(URL, PARAMS, signature)).isTrue();
    }

    @Test
    void theSdkRejectsItForAnotherTokenUrlOrParameterValue() {
        String signature = TwilioSignature.sign("12345", URL, PARAMS);
        assertThat(new RequestValidator("54321").validate(URL, PARAMS, signature)).isFalse();
        assertThat(new RequestValidator("12345").validate(URL + "&x=1", PARAMS, signature)).isFalse();
        assertThat(new RequestValidator("12345").validate(URL, Map.of("CallSid", "CA1"), signature)).isFalse();
    }
}
