package io.voicegateway.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import io.voicegateway.twilio.TwilioMessage.Connected;
import io.voicegateway.twilio.TwilioMessage.Dtmf;
import io.voicegateway.twilio.TwilioMessage.Mark;
import io.voicegateway.twilio.TwilioMessage.Media;
import io.voicegateway.twilio.TwilioMessage.MediaFormat;
import io.voicegateway.twilio.TwilioMessage.Start;
import io.voicegateway.twilio.TwilioMessage.Stop;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Rule: every message Twilio sends, shaped as in Twilio's documentation (counters as strings, extra fields
 * allowed), decodes to its record with every field.
 *
 * @see <a href="https://www.twilio.com/docs/voice/media-streams/websocket-messages">Media Streams WebSocket messages</a>
 */
class TwilioMessageDecodeTest {

    static final String STREAM = "MZ18ad3ab5a668481ce02b83e7395059f0";
    static final String ACCOUNT = "AC123";
    static final String CALL = "CA123";

    private final TwilioMessageCodec codec = new TwilioMessageCodec();

    @Test
    void connectedDecodesProtocolAndVersion() {
        assertThat(codec.decode("""
                {"event": "connected", "protocol": "Call", "version": "1.0.0"}"""))
                .isEqualTo(new Connected("Call", "1.0.0"));
    }

    @Test
    void startDecodesIdsTracksCustomParametersAndMediaFormat() {
        String json = """
                {
                  "event": "start",
                  "sequenceNumber": "1",
                  "start": {
                    "accountSid": "AC123",
                    "streamSid": "MZ18ad3ab5a668481ce02b83e7395059f0",
                    "callSid": "CA123",
                    "tracks": ["inbound", "outbound"],
                    "customParameters": {"FirstName": "Jane", "LastName": "Doe", "RemoteParty": "Bob"},
                    "mediaFormat": {"encoding": "audio/x-mulaw", "sampleRate": 8000, "channels": 1}
                  },
                  "streamSid": "MZ18ad3ab5a668481ce02b83e7395059f0"
                }""";

        assertThat(codec.decode(json)).isEqualTo(new Start(1, STREAM, ACCOUNT, CALL, List.of("inbound", "outbound"),
                Map.of("FirstName", "Jane", "LastName", "Doe", "RemoteParty", "Bob"),
                new MediaFormat("audio/x-mulaw", 8000, 1)));
    }

    @Test
    void startWithoutCustomParametersHasNone() {
        Start start = (Start) codec.decode("""
                {"event":"start","sequenceNumber":"1","streamSid":"MZ1","start":{"accountSid":"AC1","streamSid":"MZ1",
                 "callSid":"CA1","tracks":["inbound"],"mediaFormat":{"encoding":"audio/x-mulaw","sampleRate":8000,"channels":1}}}""");

        assertThat(start.customParameters()).isEmpty();
    }

    @Test
    void mediaDecodesCountersFromStringsAndPayloadFromBase64() {
        byte[] audio = new byte[160];
        for (int i = 0; i < audio.length; i++) {
            audio[i] = (byte) (0xFF - i);
        }
        String json = """
                {"event": "media", "sequenceNumber": "3",
                 "media": {"track": "inbound", "chunk": "1", "timestamp": "5", "payload": "%s"},
                 "streamSid": "MZ18ad3ab5a668481ce02b83e7395059f0"}""".formatted(Base64.getEncoder().encodeToString(audio));

        Media media = (Media) codec.decode(json);

        assertThat(media).usingRecursiveComparison()
                .isEqualTo(new Media(3, STREAM, "inbound", 1, 5, audio));
    }

    @Test
    void markDecodesItsName() {
        assertThat(codec.decode("""
                {"event": "mark", "sequenceNumber": "4", "streamSid": "MZ18ad3ab5a668481ce02b83e7395059f0",
                 "mark": {"name": "my label"}}"""))
                .isEqualTo(new Mark(4, STREAM, "my label"));
    }

    @Test
    void dtmfDecodesTrackAndDigit() {
        assertThat(codec.decode("""
                {"event": "dtmf", "streamSid": "MZ18ad3ab5a668481ce02b83e7395059f0", "sequenceNumber": "5",
                 "dtmf": {"track": "inbound_track", "digit": "1"}}"""))
                .isEqualTo(new Dtmf(5, STREAM, "inbound_track", "1"));
    }

    @Test
    void stopDecodesAccountAndCall() {
        assertThat(codec.decode("""
                {"event": "stop", "sequenceNumber": "5", "streamSid": "MZ18ad3ab5a668481ce02b83e7395059f0",
                 "stop": {"accountSid": "AC123", "callSid": "CA123"}}"""))
                .isEqualTo(new Stop(5, STREAM, ACCOUNT, CALL));
    }

    @Test
    void unknownFieldsAndNumericCountersAreAccepted() {
        assertThat(codec.decode("""
                {"event": "mark", "sequenceNumber": 4, "streamSid": "MZ1", "mark": {"name": "m", "extra": true},
                 "somethingNew": {"nested": [1, 2]}}"""))
                .isEqualTo(new Mark(4, "MZ1", "m"));
    }
}
