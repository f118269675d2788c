package io.voicegateway.twilio;

import io.voicegateway.twilio.TwilioMessage.Clear;
import io.voicegateway.twilio.TwilioMessage.OutboundMark;
import io.voicegateway.twilio.TwilioMessage.OutboundMedia;
import java.util.Base64;

/**
 * Writes outbound Media Streams messages as Twilio's exact JSON, field for field, without a JSON tree: media
 * goes out every 20 ms per call, so this costs one base64 buffer, one builder and the result string.
 *
 * @see <a href="https://www.twilio.com/docs/voice/media-streams/websocket-messages#send-websocket-messages-to-twilio">
 *     Send WebSocket messages to Twilio</a>
 */
final class OutboundJson {

    private static final String HEX = "0123456789abcdef";

    String encode(TwilioMessage.Outbound message) {
        if (message instanceof OutboundMedia media) {
            return media(media);
        }
        if (message instanceof OutboundMark mark) {
            StringBuilder json = start("mark", mark.streamSid(), 64 + mark.name().length());
            json.append(",\"mark\":{\"name\":");
            appendString(json, mark.name());
            return json.append("}}").toString();
        }
        Clear clear = (Clear) message;
        return start("clear", clear.streamSid(), 0).append('}').toString();
    }

    private static String media(OutboundMedia media) {
        byte[] base64 = Base64.getEncoder().encode(media.mulaw());
        StringBuilder json = start("media", media.streamSid(), 32 + base64.length);
        json.append(",\"media\":{\"payload\":\"");
        for (byte b : base64) {
            json.append((char) b);
        }
        return json.append("\"}}").toString();
    }

    /** {@code {"event":"<event>","streamSid":"<sid>"} } without the closing brace. */
    private static StringBuilder start(String event, String streamSid, int extraCapacity) {
        StringBuilder json = new StringBuilder(48 + event.length() + streamSid.length() + extraCapacity);
        json.append("{\"event\":\"").append(event).append("\",\"streamSid\":");
        appendString(json, streamSid);
        return json;
    }

    /** A JSON string literal (RFC 8259 §7): quote, backslash and control characters escaped. */
    private static void appendString(StringBuilder json, String value) {
        json.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '"' || c == '\\') {
                json.append('\\').append(c);
            } else if (c < 0x20) {
                json.append("\\u00").append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xF));
            } else {
                json.append(c);
            }
        }
        json.append('"');
    }
}
