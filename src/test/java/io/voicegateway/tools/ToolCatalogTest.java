package io.voicegateway.tools;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Rule: tool definitions are checked at startup, and a bad one fails naming the key to fix. */
class ToolCatalogTest {

    private static ToolsProperties.Definition tool(String name, String schema, boolean enabled) {
        return new ToolsProperties.Definition(name, "Does " + name, schema, "direct:" + name, null, enabled);
    }

    private static ToolCatalog catalog(boolean enabled, ToolsProperties.Definition... tools) {
        return new ToolCatalog(new ToolsProperties(enabled, Duration.ofSeconds(3), List.of(tools), "http://x", null,
                Duration.ofSeconds(1), "UTC"));
    }

    @Test
    void enabledToolsAreOfferedInOrderWithACompactSchemaAndTheDefaultTimeout() {
        ToolCatalog catalog = catalog(true, tool("b", "{ \"type\" : \"object\" }", true), tool("off", null, false),
                tool("a", null, true));

        assertThat(catalog.names()).containsExactly("b", "a");
        assertThat(catalog.specs().get(0).inputSchemaJson()).isEqualTo("{\"type\":\"object\"}");
        assertThat(catalog.specs().get(1).inputSchemaJson()).contains("\"properties\":{}");
        assertThat(catalog.find("a").orElseThrow().timeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(catalog.find("off")).isEmpty();
    }

    @Test
    void toolsSwitchedOffOfferNothing() {
        assertThat(catalog(false, tool("a", null, true)).specs()).isEmpty();
    }

    @Test
    void aDuplicateNameFailsNamingTheEntry() {
        assertThatThrownBy(() -> catalog(true, tool("a", null, true), tool("a", null, true)))
                .hasMessageContaining("tools.definitions[1].name 'a' is declared twice");
    }

    @Test
    void aSchemaThatIsNotAJsonObjectFailsNamingTheEntry() {
        assertThatThrownBy(() -> catalog(true, tool("a", "{broken", true)))
                .hasMessageContaining("tools.definitions[0].input-schema is not valid JSON");
        assertThatThrownBy(() -> catalog(true, tool("a", "[1]", true)))
                .hasMessageContaining("tools.definitions[0].input-schema must be a JSON object");
    }

    @Test
    void aNameBedrockWouldRefuseFails() {
        assertThatThrownBy(() -> catalog(true, tool("look up", null, true)))
                .hasMessageContaining("tools.definitions[0].name must match");
    }
}
