package io.voicegateway.twilio;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.voicegateway.twilio.TwilioMessage.Connected;
import io.voicegateway.twilio.TwilioMessage.Dtmf;
import io.voicegateway.twilio.TwilioMessage.Mark;
import io.voicegateway.twilio.TwilioMessage.Media;
import io.voicegateway.twilio.TwilioMessage.MediaFormat;
import io.voicegateway.twilio.TwilioMessage.Start;
import io.voicegateway.twilio.TwilioMessage.Stop;
import io.voicegateway.twilio.TwilioMessageException.Problem;
import java.util.Base64;

/**
 * Decodes the JSON messages Twilio sends on a Media Streams WebSocket and encodes the ones we send back.
 * Decoding ignores fields it does not know (Twilio adds some over time) and reports every defect as a
 * {@link TwilioMessageException}. Thread-safe.
 *
 * @see <a href="https://www.twilio.com/docs/voice/media-streams/websocket-messages">Media Streams WebSocket messages</a>
 */
public class TwilioMessageCodec {

    /** Largest media payload accepted: 200 ms of 8 kHz μ-law; Twilio sends 20 ms (160 bytes). */
    public static final int MAX_PAYLOAD_BYTES = 1600;
    private static final int MAX_PAYLOAD_BASE64_CHARS = (MAX_PAYLOAD_BYTES + 2) / 3 * 4;

    private final ObjectMapper mapper = JsonMapper.builder().build();
    private final OutboundJson outbound = new OutboundJson();

    public TwilioMessage.Inbound decode(String json) {
        JsonNode tree = parse(json);
        JsonNode eventNode = tree.get("event");
        if (eventNode == null || !eventNode.isTextual()) {
            throw new TwilioMessageException(Problem.MISSING_FIELD, "message has no string field 'event'");
        }
        String event = eventNode.textValue();
        JsonFields message = new JsonFields(tree, event);
        return switch (event) {
            case "connected" -> new Connected(message.text("protocol"), message.text("version"));
            case "start" -> start(message);
            case "media" -> media(message);
            case "mark" -> new Mark(message.number("sequenceNumber"), message.text("streamSid"),
                    message.object("mark").text("name"));
            case "dtmf" -> dtmf(message);
            case "stop" -> stop(message);
            default -> throw new TwilioMessageException(Problem.UNKNOWN_EVENT, "unknown event '" + event + "'");
        };
    }

    /** Twilio's exact JSON for an outbound message; a wrong field name would be Twilio error 31951. */
    public String encode(TwilioMessage.Outbound message) {
        return outbound.encode(message);
    }

    private JsonNode parse(String json) {
        if (json == null) {
            throw new TwilioMessageException(Problem.MALFORMED_JSON, "message is null");
        }
        JsonNode root;
        try {
            root = mapper.readTree(json);
        } catch (JacksonException e) {
            throw new TwilioMessageException(Problem.MALFORMED_JSON, "message is not valid JSON: " + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw new TwilioMessageException(Problem.MALFORMED_JSON, "message is not a JSON object");
        }
        return root;
    }

    private static Start start(JsonFields message) {
        JsonFields start = message.object("start");
        JsonFields format = start.object("mediaFormat");
        String streamSid = message.optionalText("streamSid");
        return new Start(message.number("sequenceNumber"), streamSid != null ? streamSid : start.text("streamSid"),
                start.text("accountSid"), start.text("callSid"), start.texts("tracks"),
                start.optionalTextMap("customParameters"),
                new MediaFormat(format.text("encoding"), format.integer("sampleRate"), format.integer("channels")));
    }

    private static Media media(JsonFields message) {
        JsonFields media = message.object("media");
        return new Media(message.number("sequenceNumber"), message.text("streamSid"), media.text("track"),
                media.number("chunk"), media.number("timestamp"), payload(media.text("payload")));
    }

    private static Dtmf dtmf(JsonFields message) {
        JsonFields dtmf = message.object("dtmf");
        return new Dtmf(message.number("sequenceNumber"), message.text("streamSid"), dtmf.text("track"),
                dtmf.text("digit"));
    }

    private static Stop stop(JsonFields message) {
        JsonFields stop = message.object("stop");
        return new Stop(message.number("sequenceNumber"), message.text("streamSid"), stop.text("accountSid"),
                stop.text("callSid"));
    }

    private static byte[] payload(String base64) {
        // Checked on the text first, so a grossly oversized payload is never decoded.
        if (base64.length() > MAX_PAYLOAD_BASE64_CHARS) {
            throw payloadTooLarge(base64.length() / 4 * 3);
        }
        byte[] payload;
        try {
            payload = Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new TwilioMessageException(Problem.PAYLOAD_NOT_BASE64, "media payload is not base64: " + e.getMessage(), e);
        }
        if (payload.length > MAX_PAYLOAD_BYTES) {
            throw payloadTooLarge(payload.length);
        }
        return payload;
    }

    private static TwilioMessageException payloadTooLarge(int bytes) {
        return new TwilioMessageException(Problem.PAYLOAD_TOO_LARGE,
                "media payload of about " + bytes + " bytes exceeds " + MAX_PAYLOAD_BYTES + " bytes (200 ms of 8 kHz μ-law)");
    }
}
