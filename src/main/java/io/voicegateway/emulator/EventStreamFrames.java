package io.voicegateway.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.eventstream.HeaderValue;
import software.amazon.awssdk.eventstream.Message;

/**
 * The {@code application/vnd.amazon.eventstream} framing of Bedrock's bidirectional stream, server side
 * (https://smithy.io/2.0/aws/amazon-eventstream.html). Framing and CRCs are the SDK's {@link Message}.
 *
 * <p>Input: the SDK signs each event (SigV4 event signing): the frame on the wire carries {@code :date} and
 * {@code :chunk-signature} headers and its payload is the encoded event message; a final signed frame with an
 * empty payload ends the stream. The event message has {@code :message-type event}, {@code :event-type chunk} and
 * a payload {@code {"bytes":"<base64 event JSON>"}}. Output uses the same event shape, unsigned.
 */
final class EventStreamFrames {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private EventStreamFrames() {
    }

    /**
     * The event JSON inside one input frame; empty for the closing signature frame.
     * Throws {@link EmulatorValidationException} when the frame is not a chunk event.
     */
    static Optional<String> inputEventJson(Message frame) {
        Message event = frame;
        if (frame.getHeaders().containsKey(":chunk-signature")) {
            if (frame.getPayload().length == 0) {
                return Optional.empty();
            }
            event = Message.decode(ByteBuffer.wrap(frame.getPayload()));
        }
        String messageType = header(event, ":message-type");
        String eventType = header(event, ":event-type");
        if (!"event".equals(messageType) || !"chunk".equals(eventType)) {
            throw new EmulatorValidationException("Expected an input event of type chunk but got :message-type "
                    + messageType + ", :event-type " + eventType);
        }
        return Optional.of(new String(Base64.getDecoder().decode(bytesField(event.getPayload())),
                StandardCharsets.UTF_8));
    }

    /** An output chunk carrying {@code eventJson}. */
    static byte[] outputEvent(String eventJson) {
        Map<String, HeaderValue> headers = new LinkedHashMap<>();
        headers.put(":message-type", HeaderValue.fromString("event"));
        headers.put(":event-type", HeaderValue.fromString("chunk"));
        headers.put(":content-type", HeaderValue.fromString("application/json"));
        String payload = MAPPER.createObjectNode()
                .put("bytes", Base64.getEncoder().encodeToString(eventJson.getBytes(StandardCharsets.UTF_8)))
                .toString();
        return encode(new Message(headers, payload.getBytes(StandardCharsets.UTF_8)));
    }

    /** A modelled exception, e.g. {@code validationException}, as Bedrock sends it inside the stream. */
    static byte[] exception(String exceptionType, String message) {
        Map<String, HeaderValue> headers = new LinkedHashMap<>();
        headers.put(":message-type", HeaderValue.fromString("exception"));
        headers.put(":exception-type", HeaderValue.fromString(exceptionType));
        headers.put(":content-type", HeaderValue.fromString("application/json"));
        String payload = MAPPER.createObjectNode().put("message", message).toString();
        return encode(new Message(headers, payload.getBytes(StandardCharsets.UTF_8)));
    }

    private static String bytesField(byte[] payload) {
        try {
            JsonNode bytes = MAPPER.readTree(payload).path("bytes");
            if (!bytes.isTextual()) {
                throw new EmulatorValidationException("Input chunk payload has no \"bytes\" field");
            }
            return bytes.asText();
        } catch (IOException e) {
            throw new EmulatorValidationException("Input chunk payload is not JSON");
        }
    }

    private static String header(Message message, String name) {
        HeaderValue value = message.getHeaders().get(name);
        return value == null ? null : value.getString();
    }

    private static byte[] encode(Message message) {
        ByteBuffer buffer = message.toByteBuffer();
        byte[] bytes = new byte[buffer.remaining()];
        buffer.get(bytes);
        return bytes;
    }
}
