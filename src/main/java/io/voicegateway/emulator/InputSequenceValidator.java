package io.voicegateway.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * Checks the order and required fields of input events like the service does (DESIGN §7,
 * https://docs.aws.amazon.com/nova/latest/userguide/input-events.html): sessionStart, promptStart, content blocks
 * (SYSTEM text first, then history, then the interactive audio block; interactive USER text may open while audio is
 * open), promptEnd, sessionEnd. Every violation throws {@link EmulatorValidationException} naming the event and field.
 */
final class InputSequenceValidator {

    static final Set<Integer> RATES = Set.of(8000, 16000, 24000);

    private enum Phase { NEW, SESSION, PROMPT, PROMPT_ENDED, ENDED }

    private Phase phase = Phase.NEW;
    private String promptName;
    private final Map<String, String> openContents = new HashMap<>();
    private final java.util.List<String> toolNames = new java.util.ArrayList<>();
    /** toolUseIds the model asked for and no result block has answered yet. */
    private final Set<String> openToolUses = new java.util.HashSet<>();
    private boolean audioStarted;

    /** Validates one event; {@code body} is the object under its name. */
    void accept(String name, JsonNode body) {
        switch (name) {
            case "sessionStart" -> sessionStart(body);
            case "promptStart" -> promptStart(body);
            case "contentStart" -> contentStart(body);
            case "textInput", "audioInput" -> contentInput(name, body);
            case "contentEnd" -> contentEnd(body);
            case "promptEnd" -> promptEnd(body);
            case "sessionEnd" -> expect(Phase.PROMPT_ENDED, name, Phase.ENDED);
            case "toolResult" -> contentInput(name, body);
            default -> throw new EmulatorValidationException("Unknown input event '" + name + "'");
        }
    }

    private void sessionStart(JsonNode body) {
        expect(Phase.NEW, "sessionStart", Phase.SESSION);
        require(body, "inferenceConfiguration", "sessionStart");
        JsonNode sensitivity = body.path("turnDetectionConfiguration").path("endpointingSensitivity");
        if (!sensitivity.isMissingNode() && !Set.of("HIGH", "MEDIUM", "LOW").contains(sensitivity.asText())) {
            throw new EmulatorValidationException("sessionStart.turnDetectionConfiguration.endpointingSensitivity must"
                    + " be HIGH, MEDIUM or LOW, got '" + sensitivity.asText() + "'");
        }
    }

    private void promptStart(JsonNode body) {
        expect(Phase.SESSION, "promptStart", Phase.PROMPT);
        promptName = require(body, "promptName", "promptStart").asText();
        JsonNode audio = require(body, "audioOutputConfiguration", "promptStart");
        rate(audio, "promptStart.audioOutputConfiguration");
        require(audio, "voiceId", "promptStart.audioOutputConfiguration");
        JsonNode tools = body.path("toolConfiguration");
        if (!tools.isMissingNode()) {
            toolConfiguration(tools);
        }
    }

    /**
     * {@code toolConfiguration.tools[].toolSpec{name, description, inputSchema{json}}}: names unique, the schema
     * a JSON object inside a string (as Bedrock requires).
     */
    private void toolConfiguration(JsonNode configuration) {
        JsonNode tools = configuration.path("tools");
        if (!tools.isArray()) {
            throw new EmulatorValidationException("promptStart.toolConfiguration.tools must be an array");
        }
        for (int i = 0; i < tools.size(); i++) {
            String where = "promptStart.toolConfiguration.tools[" + i + "].toolSpec";
            JsonNode spec = require(tools.get(i), "toolSpec", "promptStart.toolConfiguration.tools[" + i + "]");
            String name = require(spec, "name", where).asText();
            if (toolNames.contains(name)) {
                throw new EmulatorValidationException(where + ".name '" + name + "' is not unique");
            }
            require(spec, "description", where);
            JsonNode schema = require(require(spec, "inputSchema", where), "json", where + ".inputSchema");
            if (!schema.isTextual()) {
                throw new EmulatorValidationException(where + ".inputSchema.json must be a string holding JSON");
            }
            try {
                if (!new com.fasterxml.jackson.databind.ObjectMapper().readTree(schema.asText()).isObject()) {
                    throw new EmulatorValidationException(where + ".inputSchema.json must be a JSON object");
                }
            } catch (java.io.IOException e) {
                throw new EmulatorValidationException(where + ".inputSchema.json is not valid JSON");
            }
            toolNames.add(name);
        }
    }

    /** Names of the tools promptStart offered, in order. */
    java.util.List<String> toolNames() {
        return java.util.List.copyOf(toolNames);
    }

    /** The model (the emulator) asked for a tool: exactly one result block may answer {@code toolUseId}. */
    void toolUseIssued(String toolUseId) {
        openToolUses.add(toolUseId);
    }

    private void contentStart(JsonNode body) {
        inPrompt("contentStart", body);
        String contentName = require(body, "contentName", "contentStart").asText();
        String type = require(body, "type", "contentStart").asText();
        String role = require(body, "role", "contentStart").asText();
        if (openContents.containsKey(contentName)) {
            throw new EmulatorValidationException("contentStart: content '" + contentName + "' is already open");
        }
        if ("AUDIO".equals(type)) {
            if (audioStarted) {
                throw new EmulatorValidationException("contentStart: only one AUDIO content per prompt");
            }
            rate(require(body, "audioInputConfiguration", "contentStart"), "contentStart.audioInputConfiguration");
            audioStarted = true;
        } else if ("TEXT".equals(type)) {
            textStart(role, body.path("interactive").asBoolean(false));
        } else if ("TOOL".equals(type)) {
            toolResultStart(body, role);
        } else {
            throw new EmulatorValidationException("contentStart.type must be TEXT, AUDIO or TOOL, got '" + type + "'");
        }
        openContents.put(contentName, type);
    }

    private void textStart(String role, boolean interactive) {
        if ("SYSTEM".equals(role) && audioStarted) {
            throw new EmulatorValidationException("contentStart: the SYSTEM prompt must come before the audio content");
        }
        if (audioStarted && !interactive) {
            throw new EmulatorValidationException(
                    "contentStart: history (non-interactive TEXT) must come before the audio content");
        }
        if (openContents.containsValue("TEXT")) {
            throw new EmulatorValidationException("contentStart: a TEXT content is still open");
        }
    }

    private void toolResultStart(JsonNode body, String role) {
        if (!"TOOL".equals(role)) {
            throw new EmulatorValidationException("contentStart: a TOOL content must have role TOOL, got '" + role + "'");
        }
        JsonNode config = require(body, "toolResultInputConfiguration", "contentStart");
        String toolUseId = require(config, "toolUseId", "contentStart.toolResultInputConfiguration").asText();
        if (!openToolUses.remove(toolUseId)) {
            throw new EmulatorValidationException("contentStart.toolResultInputConfiguration.toolUseId '" + toolUseId
                    + "' is not a tool use waiting for its result");
        }
        require(config, "type", "contentStart.toolResultInputConfiguration");
    }

    private void contentInput(String name, JsonNode body) {
        inPrompt(name, body);
        String contentName = require(body, "contentName", name).asText();
        String type = openContents.get(contentName);
        String wanted = switch (name) {
            case "audioInput" -> "AUDIO";
            case "textInput" -> "TEXT";
            default -> "TOOL";
        };
        if (!wanted.equals(type)) {
            throw new EmulatorValidationException(name + ": content '" + contentName + "' is not an open " + wanted
                    + " content");
        }
        require(body, "content", name);
    }

    private void contentEnd(JsonNode body) {
        inPrompt("contentEnd", body);
        String contentName = require(body, "contentName", "contentEnd").asText();
        if (openContents.remove(contentName) == null) {
            throw new EmulatorValidationException("contentEnd: content '" + contentName + "' is not open");
        }
    }

    private void promptEnd(JsonNode body) {
        inPrompt("promptEnd", body);
        if (!openContents.isEmpty()) {
            throw new EmulatorValidationException("promptEnd: contents still open: " + openContents.keySet());
        }
        phase = Phase.PROMPT_ENDED;
    }

    private void inPrompt(String name, JsonNode body) {
        if (phase != Phase.PROMPT) {
            throw new EmulatorValidationException(name + " is out of order: no open prompt (state " + phase + ")");
        }
        String given = require(body, "promptName", name).asText();
        if (!given.equals(promptName)) {
            throw new EmulatorValidationException(name + ".promptName '" + given + "' does not match promptStart's '"
                    + promptName + "'");
        }
    }

    private void expect(Phase wanted, String name, Phase next) {
        if (phase != wanted) {
            throw new EmulatorValidationException(name + " is out of order: expected state " + wanted + ", was " + phase);
        }
        phase = next;
    }

    private static void rate(JsonNode config, String where) {
        int rate = require(config, "sampleRateHertz", where).asInt();
        if (!RATES.contains(rate)) {
            throw new EmulatorValidationException(where + ".sampleRateHertz must be 8000, 16000 or 24000, got " + rate);
        }
    }

    private static JsonNode require(JsonNode body, String field, String where) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            throw new EmulatorValidationException(where + " is missing the required field '" + field + "'");
        }
        return node;
    }
}
