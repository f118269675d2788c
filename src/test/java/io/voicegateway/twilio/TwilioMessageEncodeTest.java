package io.voicegateway.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.voicegateway.twilio.TwilioMessage.Clear;
import io.voicegateway.twilio.TwilioMessage.Media;
import io.voicegateway.twilio.TwilioMessage.OutboundMark;
import io.voicegateway.twilio.TwilioMessage.OutboundMedia;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * Rule: outbound messages are Twilio's exact JSON, with no extra fields (a wrong name is error 31951), and
 * audio survives the trip through base64 unchanged.
 *
 * @see <a href="https://www.twilio.com/docs/voice/media-streams/websocket-messages#send-websocket-messages-to-twilio">
 *     Send WebSocket messages to Twilio</a>
 */
class TwilioMessageEncodeTest {

    private static final String STREAM = "MZ18ad3ab5a668481ce02b83e7395059f0";

    private final TwilioMessageCodec codec = new TwilioMessageCodec();

    @Test
    void mediaIsEventStreamSidAndBase64Payload() {
        assertThat(codec.encode(new OutboundMedia(STREAM, new byte[] {(byte) 0xFF, 0x7F, 0x00})))
                .isEqualTo("{\"event\":\"media\",\"streamSid\":\"" + STREAM + "\",\"media\":{\"payload\":\"/38A\"}}");
    }

    @Test
    void markIsEventStreamSidAndName() {
        assertThat(codec.encode(new OutboundMark(STREAM, "response-7")))
                .isEqualTo("{\"event\":\"mark\",\"streamSid\":\"" + STREAM + "\",\"mark\":{\"name\":\"response-7\"}}");
    }

    @Test
    void clearIsEventAndStreamSid() {
        assertThat(codec.encode(new Clear(STREAM)))
                .isEqualTo("{\"event\":\"clear\",\"streamSid\":\"" + STREAM + "\"}");
    }

    @Test
    void markNamesWithQuotesBackslashesAndControlCharactersStayValidJson() throws Exception {
        String name = "say \"hi\" \\ then\nwait\u0001";

        JsonNode json = new ObjectMapper().readTree(codec.encode(new OutboundMark(STREAM, name)));

        assertThat(json.get("mark").get("name").asText()).isEqualTo(name);
    }

    @Test
    void outboundMediaAudioDecodesBackToTheSameBytes() throws Exception {
        byte[] audio = new byte[160];
        for (int i = 0; i < audio.length; i++) {
            audio[i] = (byte) (i * 7);
        }

        JsonNode json = new ObjectMapper().readTree(codec.encode(new OutboundMedia(STREAM, audio)));

        assertThat(Base64.getDecoder().decode(json.get("media").get("payload").asText())).isEqualTo(audio);
    }

    @Test
    void inboundMediaPayloadReencodesToTwilioBase64Unchanged() {
        String payload = "fn5+fv//AAB/f39/gICAgA==";
        Media media = (Media) codec.decode("{\"event\":\"media\",\"sequenceNumber\":\"2\",\"streamSid\":\"" + STREAM
                + "\",\"media\":{\"track\":\"inbound\",\"chunk\":\"1\",\"timestamp\":\"20\",\"payload\":\"" + payload + "\"}}");

        assertThat(codec.encode(new OutboundMedia(media.streamSid(), media.payload())))
                .isEqualTo("{\"event\":\"media\",\"streamSid\":\"" + STREAM + "\",\"media\":{\"payload\":\"" + payload + "\"}}");
    }

    @Test
    void aMarkWeSendDecodesAsTheMarkTwilioEchoes() {
        String sent = codec.encode(new OutboundMark(STREAM, "response-7"));
        String echoed = sent.replace("{\"event\":\"mark\",", "{\"event\":\"mark\",\"sequenceNumber\":\"9\",");

        assertThat(codec.decode(echoed)).isEqualTo(new TwilioMessage.Mark(9, STREAM, "response-7"));
    }
}
