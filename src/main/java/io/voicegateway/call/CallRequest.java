package io.voicegateway.call;

import com.fasterxml.jackson.databind.JsonNode;
import io.voicegateway.nova.NovaVoices;
import io.voicegateway.security.PhoneNumbers;
import io.voicegateway.server.ApiException;
import io.voicegateway.server.GatewayProperties;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A validated request body of {@code POST /make-call} or {@code POST /local/calls}. Validation happens before
 * anything else, so a 400 never depends on configuration.
 */
public record CallRequest(String to, String voiceId, String systemPrompt) {

    /** E.164: "+", country code not starting with 0, up to 15 digits in all. */
    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");
    static final int MAX_SYSTEM_PROMPT_CHARS = 10_000;

    /** Parses the body of {@code POST /make-call}: {@code to} required. */
    public static CallRequest outbound(JsonNode body, GatewayProperties gateway) {
        String to = text(body, "to");
        if (to == null || to.isBlank()) {
            throw ApiException.badRequest("invalid_to", "'to' is required: the number to call in E.164 form, e.g. +14155550100");
        }
        if (!E164.matcher(to.trim()).matches()) {
            // masked: this message is also logged, and a number in the wrong format is still someone's number
            throw ApiException.badRequest("invalid_to", "'to' must be an E.164 number like +14155550100, got '"
                    + PhoneNumbers.mask(to) + "'");
        }
        return new CallRequest(to.trim(), voice(body, gateway), prompt(body, gateway));
    }

    /** Parses the optional body of {@code POST /local/calls}. */
    public static CallRequest local(JsonNode body, GatewayProperties gateway) {
        return new CallRequest(null, voice(body, gateway), prompt(body, gateway));
    }

    /** This request, if its voice speaks on {@code modelId}; else the API's 400 {@code invalid_voice} naming both. */
    public CallRequest requireVoiceOf(String modelId) {
        NovaVoices.problemWith(voiceId, modelId).ifPresent(problem -> {
            throw new ApiException(400, "invalid_voice", problem,
                    Map.of("model_id", modelId, "valid_voices", NovaVoices.forModel(modelId)));
        });
        return this;
    }

    private static String voice(JsonNode body, GatewayProperties gateway) {
        String voice = text(body, "voice_id");
        if (voice == null) {
            return gateway.defaultVoiceId();
        }
        return NovaVoices.normalize(voice).orElseThrow(() -> new ApiException(400, "invalid_voice",
                "Unknown voice_id '" + voice + "'; valid voices: " + String.join(", ", NovaVoices.all()),
                Map.of("valid_voices", NovaVoices.all())));
    }

    private static String prompt(JsonNode body, GatewayProperties gateway) {
        String prompt = text(body, "system_prompt");
        if (prompt == null || prompt.isBlank()) {
            return gateway.defaultSystemPrompt();
        }
        if (prompt.length() > MAX_SYSTEM_PROMPT_CHARS) {
            throw ApiException.badRequest("invalid_system_prompt",
                    "'system_prompt' is longer than " + MAX_SYSTEM_PROMPT_CHARS + " characters");
        }
        return prompt;
    }

    private static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw ApiException.badRequest("invalid_" + field, "'" + field + "' must be a string");
        }
        return node.asText();
    }
}
