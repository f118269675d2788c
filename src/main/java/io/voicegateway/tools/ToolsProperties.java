package io.voicegateway.tools;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The {@code tools.*} settings (config/application.yaml documents each key): the tools offered to the model, each
 * answered by a Camel endpoint, and the settings of the example tools in routes/tools.camel.yaml.
 *
 * @param enabled        false offers no tools at all
 * @param timeout        how long a tool may take when its definition gives no timeout
 * @param definitions    the tools
 * @param orderApiUrl    base URL of the order service the lookup_order example calls over HTTP
 * @param transferNumber E.164 number the transfer_call tool hands callers to; empty = the tool answers an error
 * @param endCallDelay   how long the end_call tool waits before hanging up, so the model's goodbye is heard
 * @param timeZone       time zone of the current_time example tool (routes read it as {{tools.time-zone}})
 */
@ConfigurationProperties(prefix = "tools")
public record ToolsProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("10s") Duration timeout,
        List<Definition> definitions,
        @DefaultValue("http://localhost:8081") String orderApiUrl,
        String transferNumber,
        @DefaultValue("4s") Duration endCallDelay,
        @DefaultValue("UTC") String timeZone) {

    public ToolsProperties {
        definitions = definitions == null ? List.of() : List.copyOf(definitions);
    }

    /**
     * One tool: the model sees name, description and input schema; a call becomes an exchange to {@code endpoint}
     * (any Camel URI) with the input JSON as body.
     *
     * @param inputSchema JSON Schema of the input, as a JSON document
     * @param timeout     null = {@code tools.timeout}
     * @param enabled     false leaves the tool out (e.g. when the service behind it is not configured)
     */
    public record Definition(String name, String description, String inputSchema, String endpoint,
            Duration timeout, @DefaultValue("true") boolean enabled) {
    }
}
