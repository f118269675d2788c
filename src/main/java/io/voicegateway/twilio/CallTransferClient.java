package io.voicegateway.twilio;

import com.twilio.exception.ApiException;
import com.twilio.exception.TwilioException;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Call;
import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Dial;
import com.twilio.twiml.voice.Number;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.stereotype.Component;

/**
 * Hands a live call to a phone number: updates the Twilio call with {@code <Dial><Number>} TwiML, which replaces
 * what the call is doing (our {@code <Connect><Stream>}) at once; Twilio then ends the media stream.
 * (https://www.twilio.com/docs/voice/tutorials/how-to-modify-calls-in-progress)
 */
@Component
public class CallTransferClient {

    private final TwilioProperties twilio;
    private final AtomicReference<TwilioRestClient> client = new AtomicReference<>();

    public CallTransferClient(TwilioProperties twilio) {
        this.twilio = twilio;
    }

    /** Settings missing for REST calls, as environment variable names; empty when it can transfer. */
    public List<String> missingSettings() {
        return twilio.missingForOutboundCalls();
    }

    /** The TwiML a transferred call runs. */
    public static String dialTwiml(String to, String callerId) {
        Dial.Builder dial = new Dial.Builder().number(new Number.Builder(to).build());
        if (callerId != null && !callerId.isBlank()) {
            dial.callerId(callerId.trim());
        }
        return new VoiceResponse.Builder().dial(dial.build()).build().toXml();
    }

    /**
     * Redirects call {@code callSid} to dial {@code to}.
     *
     * @throws TransferException with Twilio's code and message when Twilio refuses
     */
    public void transfer(String callSid, String to) {
        try {
            Call.updater(callSid).setTwiml(new com.twilio.type.Twiml(dialTwiml(to, twilio.phoneNumber())))
                    .update(client());
        } catch (ApiException e) {
            throw new TransferException(e.getCode(), e.getMessage(), e);
        } catch (TwilioException e) {
            throw new TransferException(null, e.getMessage(), e);
        }
    }

    private TwilioRestClient client() {
        return client.updateAndGet(c -> c != null ? c : TwilioRestClientFactory.create(twilio));
    }

    /** Twilio refused the update; {@code code} is Twilio's error code when it gave one. */
    public static final class TransferException extends RuntimeException {
        private final Integer code;

        TransferException(Integer code, String message, Throwable cause) {
            super(message, cause);
            this.code = code;
        }

        public Integer code() {
            return code;
        }
    }
}
