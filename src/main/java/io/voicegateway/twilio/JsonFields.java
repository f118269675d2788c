package io.voicegateway.twilio;

import com.fasterxml.jackson.databind.JsonNode;
import io.voicegateway.twilio.TwilioMessageException.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads required fields of one JSON object of a Twilio message, failing with a {@link TwilioMessageException}
 * that names the event and the dotted field path. Twilio sends counters as strings ("sequenceNumber":"1") and
 * sizes as numbers ("sampleRate":8000); numeric fields accept either.
 */
final class JsonFields {

    private final JsonNode node;
    private final String event;
    private final String prefix;

    JsonFields(JsonNode node, String event) {
        this(node, event, "");
    }

    private JsonFields(JsonNode node, String event, String prefix) {
        this.node = node;
        this.event = event;
        this.prefix = prefix;
    }

    JsonFields object(String name) {
        JsonNode child = required(name);
        if (!child.isObject()) {
            throw invalid(name, "an object");
        }
        return new JsonFields(child, event, prefix + name + ".");
    }

    String text(String name) {
        JsonNode child = required(name);
        if (!child.isValueNode()) {
            throw invalid(name, "a string");
        }
        return child.asText();
    }

    /** The field's text, or {@code null} when absent. */
    String optionalText(String name) {
        JsonNode child = node.get(name);
        return child == null || child.isNull() ? null : text(name);
    }

    long number(String name) {
        JsonNode child = required(name);
        if (child.isIntegralNumber() && child.canConvertToLong()) {
            return child.longValue();
        }
        try {
            return Long.parseLong(child.isTextual() ? child.textValue() : "not a number");
        } catch (NumberFormatException e) {
            throw invalid(name, "a whole number");
        }
    }

    int integer(String name) {
        long value = number(name);
        if (value != (int) value) {
            throw invalid(name, "a whole number in int range");
        }
        return (int) value;
    }

    List<String> texts(String name) {
        JsonNode child = required(name);
        if (!child.isArray()) {
            throw invalid(name, "an array");
        }
        List<String> values = new ArrayList<>(child.size());
        child.forEach(element -> values.add(element.asText()));
        return values;
    }

    /** A flat string-to-string object; empty when absent, as Twilio omits it without {@code <Parameter>}s. */
    Map<String, String> optionalTextMap(String name) {
        JsonNode child = node.get(name);
        if (child == null || child.isNull()) {
            return Map.of();
        }
        if (!child.isObject()) {
            throw invalid(name, "an object");
        }
        Map<String, String> values = new LinkedHashMap<>();
        child.fields().forEachRemaining(entry -> values.put(entry.getKey(), entry.getValue().asText()));
        return values;
    }

    private TwilioMessageException invalid(String name, String expected) {
        return new TwilioMessageException(Problem.INVALID_FIELD,
                "field '" + prefix + name + "' of a '" + event + "' message is not " + expected);
    }

    private JsonNode required(String name) {
        JsonNode child = node.get(name);
        if (child == null || child.isNull()) {
            throw new TwilioMessageException(Problem.MISSING_FIELD,
                    "'" + event + "' message has no field '" + prefix + name + "'");
        }
        return child;
    }
}
