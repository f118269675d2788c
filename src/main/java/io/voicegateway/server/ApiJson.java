package io.voicegateway.server;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.apache.camel.Exchange;
import org.springframework.stereotype.Component;

/** JSON of the REST API: snake_case names, ISO-8601 times, and the helpers processors use to read and answer. */
@Component
public class ApiJson {

    private final ObjectMapper mapper = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .setSerializationInclusion(JsonInclude.Include.ALWAYS)
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    public ObjectMapper mapper() {
        return mapper;
    }

    /**
     * Parses a request body that must be a JSON object; an empty body is an empty object when {@code optional}.
     *
     * @throws ApiException 400 invalid_json naming what is wrong
     */
    public JsonNode readObject(String body, boolean optional) {
        if (body == null || body.isBlank()) {
            if (optional) {
                return mapper.createObjectNode();
            }
            throw ApiException.badRequest("invalid_json", "Request body must be a JSON object");
        }
        try {
            JsonNode node = mapper.readTree(body);
            if (node == null || !node.isObject()) {
                throw ApiException.badRequest("invalid_json", "Request body must be a JSON object");
            }
            return node;
        } catch (JsonProcessingException e) {
            // some failures carry no location (e.g. Jackson's nesting-depth limit, StreamConstraintsException)
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
            throw ApiException.badRequest("invalid_json", "Malformed JSON" + where + ": " + e.getOriginalMessage());
        }
    }

    /**
     * Refuses a request body that is not declared as JSON ({@code application/json} or {@code ...+json},
     * any charset), so form posts and text are told what to send instead of being parsed by luck.
     *
     * @throws ApiException 415 unsupported_media_type
     */
    public void requireJsonContent(Exchange exchange) {
        String type = exchange.getIn().getHeader(Exchange.CONTENT_TYPE, "", String.class);
        String mediaType = type.split(";", 2)[0].trim().toLowerCase(java.util.Locale.ROOT);
        if (!mediaType.equals("application/json") && !mediaType.endsWith("+json")) {
            throw new ApiException(415, "unsupported_media_type",
                    "Send the request body as JSON with 'Content-Type: application/json'"
                            + (mediaType.isEmpty() ? "" : " (got '" + mediaType + "')"));
        }
    }

    /**
     * Sets status, content type and a JSON body on the exchange's message. Request headers are dropped first:
     * platform-http would otherwise echo them back as response headers.
     */
    public void respond(Exchange exchange, int status, Object body) {
        exchange.getMessage().removeHeaders("*");
        try {
            exchange.getMessage().setBody(mapper.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Cannot write response JSON", e);
        }
        exchange.getMessage().setHeader(Exchange.HTTP_RESPONSE_CODE, status);
        exchange.getMessage().setHeader(Exchange.CONTENT_TYPE, "application/json");
    }
}
