package io.voicegateway.twilio;

import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Connect;
import com.twilio.twiml.voice.Dial;
import com.twilio.twiml.voice.Hangup;
import com.twilio.twiml.voice.Number;
import com.twilio.twiml.voice.Parameter;
import com.twilio.twiml.voice.Say;
import com.twilio.twiml.voice.Stream;

/**
 * TwiML documents we answer voice webhooks with, built with the Twilio SDK.
 *
 * @see <a href="https://www.twilio.com/docs/voice/twiml/stream">TwiML &lt;Stream&gt;</a>
 */
public final class Twiml {

    /** Name of the {@code <Parameter>} carrying the per-call stream token; arrives in start.customParameters. */
    public static final String TOKEN_PARAMETER = "token";

    private Twiml() {
    }

    /**
     * {@code <Connect><Stream>} is bidirectional and holds the call until we close the WebSocket; the token
     * lets the media-stream endpoint admit only streams started by this TwiML.
     */
    public static String connectStream(String streamUrl, String token) {
        Stream stream = new Stream.Builder().url(streamUrl)
                .parameter(new Parameter.Builder().name(TOKEN_PARAMETER).value(token).build())
                .build();
        return new VoiceResponse.Builder().connect(new Connect.Builder().stream(stream).build()).build().toXml();
    }

    /** {@code <Dial><Number>}: hands a live call to {@code to}, shown with {@code callerId} when there is one. */
    public static String dial(String to, String callerId) {
        Dial.Builder dial = new Dial.Builder().number(new Number.Builder(to).build());
        if (callerId != null && !callerId.isBlank()) {
            dial.callerId(callerId.trim());
        }
        return new VoiceResponse.Builder().dial(dial.build()).build().toXml();
    }

    /** A short apology and hang-up, for calls we cannot serve (unknown call, draining). */
    public static String sayAndHangUp(String sentence) {
        return new VoiceResponse.Builder().say(new Say.Builder(sentence).build())
                .hangup(new Hangup.Builder().build()).build().toXml();
    }
}
