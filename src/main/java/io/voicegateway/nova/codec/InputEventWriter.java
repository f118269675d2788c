package io.voicegateway.nova.codec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Serialises {@link InputEvent}s to the JSON Nova expects inside each input chunk. Thread-safe. */
public final class InputEventWriter {

    private final ObjectMapper mapper;

    public InputEventWriter(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    public InputEventWriter() {
        this(new ObjectMapper());
    }

    /** {@code {"event":{"<name>":{...}}}} */
    public String toJson(InputEvent event) {
        ObjectNode root = mapper.createObjectNode();
        event.writeTo(root.putObject("event").putObject(event.name()));
        try {
            return mapper.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + event.name(), e);
        }
    }
}
