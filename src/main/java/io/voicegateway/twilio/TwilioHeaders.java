package io.voicegateway.twilio;

/** Exchange header and property names used by the Twilio webhook routes. */
public final class TwilioHeaders {

    /** Exchange property: {@code Map<String,String>} of the webhook's POST parameters (set by the signature check). */
    public static final String PARAMS = "TwilioParams";
    /** Header Twilio signs requests with. */
    public static final String SIGNATURE = "X-Twilio-Signature";
    /** Path parameter of {@code /webhooks/voice/{callId}}. */
    public static final String CALL_ID = "callId";

    private TwilioHeaders() {
    }
}
