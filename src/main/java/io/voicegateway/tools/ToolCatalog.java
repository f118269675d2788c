package io.voicegateway.tools;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.voicegateway.nova.codec.ToolSpec;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The enabled tools, checked once at startup so a bad definition fails the gateway with the key to fix instead of
 * failing a call: names unique and of the characters Bedrock accepts, a description, an input schema that is a
 * JSON object, an endpoint URI.
 */
public final class ToolCatalog {

    /** Bedrock's tool name pattern (ToolSpecification.name). */
    private static final Pattern NAME = Pattern.compile("[a-zA-Z0-9_-]{1,64}");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A validated tool: what the model sees, where calls go, how long they may take. */
    public record Tool(ToolSpec spec, String endpoint, Duration timeout) {
        public String name() {
            return spec.name();
        }
    }

    private final Map<String, Tool> tools = new LinkedHashMap<>();

    public ToolCatalog(ToolsProperties properties) {
        if (!properties.enabled()) {
            return;
        }
        for (int i = 0; i < properties.definitions().size(); i++) {
            ToolsProperties.Definition d = properties.definitions().get(i);
            if (d.enabled()) {
                add(d, "tools.definitions[" + i + "]", properties.timeout());
            }
        }
    }

    private void add(ToolsProperties.Definition d, String key, Duration defaultTimeout) {
        if (d.name() == null || !NAME.matcher(d.name()).matches()) {
            throw new IllegalArgumentException(key + ".name must match " + NAME.pattern() + ", got '" + d.name() + "'");
        }
        if (tools.containsKey(d.name())) {
            throw new IllegalArgumentException(key + ".name '" + d.name() + "' is declared twice");
        }
        if (d.description() == null || d.description().isBlank()) {
            throw new IllegalArgumentException(key + ".description is required: the model chooses tools by it");
        }
        if (d.endpoint() == null || d.endpoint().isBlank()) {
            throw new IllegalArgumentException(key + ".endpoint is required (a Camel URI, e.g. direct:my-tool)");
        }
        Duration timeout = d.timeout() != null ? d.timeout() : defaultTimeout;
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException(key + ".timeout must be positive, got " + timeout);
        }
        tools.put(d.name(), new Tool(new ToolSpec(d.name(), d.description().trim(), schema(d.inputSchema(), key)),
                d.endpoint().trim(), timeout));
    }

    /** The schema re-serialised compactly; an empty schema means "no input". */
    private static String schema(String json, String key) {
        if (json == null || json.isBlank()) {
            return "{\"type\":\"object\",\"properties\":{},\"required\":[]}";
        }
        try {
            JsonNode node = MAPPER.readTree(json);
            if (node == null || !node.isObject()) {
                throw new IllegalArgumentException(key + ".input-schema must be a JSON object");
            }
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(key + ".input-schema is not valid JSON: " + e.getOriginalMessage(), e);
        }
    }

    public Optional<Tool> find(String name) {
        return Optional.ofNullable(name == null ? null : tools.get(name));
    }

    /** What promptStart offers the model. */
    public List<ToolSpec> specs() {
        return tools.values().stream().map(Tool::spec).toList();
    }

    public List<String> names() {
        return List.copyOf(tools.keySet());
    }
}
