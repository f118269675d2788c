package io.voicegateway.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import io.voicegateway.nova.codec.Pcm16;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.eventstream.Message;
import software.amazon.awssdk.eventstream.MessageDecoder;

/**
 * One {@code invoke-with-bidirectional-stream} request: decodes input frames as they arrive, validates the sequence,
 * feeds the echo persona and streams its output at once (it never waits for the input to end). Everything runs on
 * the request's event loop. The stream counts as open until both directions are finished or it is reset.
 */
final class EmulatorStream {

    private static final Logger LOG = LoggerFactory.getLogger(EmulatorStream.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Vertx vertx;
    private final HttpServerRequest request;
    private final HttpServerResponse response;
    private final EmulatorSettings settings;
    private final EmulatorFaults faults;
    private final StreamRecord record;
    private final Runnable onClosed;
    private final InputSequenceValidator validator = new InputSequenceValidator();
    private final MessageDecoder decoder = new MessageDecoder(this::onFrame);
    private final String sessionId = UUID.randomUUID().toString();
    private OutputEventJson json;
    private EchoPersona persona;
    private String textRole;
    private boolean textInteractive;
    /** Open TOOL result blocks: contentName → the toolUseId they answer. */
    private final Map<String, String> toolResultBlocks = new java.util.HashMap<>();
    private boolean requestEnded;
    private boolean responseEnded;
    private boolean closed;
    private long capTimer = -1;

    EmulatorStream(Vertx vertx, HttpServerRequest request, EmulatorSettings settings, EmulatorFaults faults,
            StreamRecord record, Runnable onClosed) {
        this.vertx = vertx;
        this.request = request;
        this.response = request.response();
        this.settings = settings;
        this.faults = faults;
        this.record = record;
        this.onClosed = onClosed;
    }

    void start() {
        response.setStatusCode(200).putHeader("content-type", "application/vnd.amazon.eventstream")
                .putHeader("x-amzn-requestid", sessionId).setChunked(true);
        response.writeHead();
        request.handler(buffer -> decode(buffer.getBytes()));
        request.endHandler(v -> onRequestEnd());
        request.exceptionHandler(e -> broken("client reset: " + e.getClass().getSimpleName()));
        response.closeHandler(v -> broken("connection closed"));
        capTimer = vertx.setTimer(settings.sessionCap().toMillis(), id -> fail("modelTimeoutException",
                "Timed out waiting for input events: session exceeded " + settings.sessionCap().toSeconds() + " s"));
    }

    private void decode(byte[] bytes) {
        try {
            decoder.feed(bytes);
        } catch (RuntimeException e) {
            fail("validationException", "Malformed event stream frame: " + e.getMessage());
        }
    }

    private void onFrame(Message frame) {
        if (responseEnded) {
            return;
        }
        try {
            EventStreamFrames.inputEventJson(frame).ifPresent(this::onEvent);
        } catch (EmulatorValidationException e) {
            fail("validationException", e.getMessage());
        }
    }

    private void onEvent(String eventJson) {
        JsonNode event;
        try {
            event = MAPPER.readTree(eventJson).path("event");
        } catch (IOException e) {
            throw new EmulatorValidationException("Input event is not valid JSON");
        }
        Iterator<Map.Entry<String, JsonNode>> fields = event.fields();
        if (!fields.hasNext()) {
            throw new EmulatorValidationException("Input JSON has no \"event\" object with one event in it");
        }
        Map.Entry<String, JsonNode> entry = fields.next();
        validator.accept(entry.getKey(), entry.getValue());
        dispatch(entry.getKey(), entry.getValue());
    }

    private void dispatch(String name, JsonNode body) {
        switch (name) {
            case "promptStart" -> promptStart(body);
            case "contentStart" -> contentStart(body);
            case "textInput" -> textInput(body.path("content").asText());
            case "audioInput" -> audioInput(body.path("content").asText());
            case "toolResult" -> toolResult(body.path("contentName").asText(), body.path("content").asText());
            case "sessionEnd" -> finish("sessionEnd");
            default -> {
                // sessionStart, contentEnd, promptEnd: validated, nothing to do
            }
        }
    }

    private void promptStart(JsonNode body) {
        JsonNode audio = body.path("audioOutputConfiguration");
        record.outputRate(audio.path("sampleRateHertz").asInt());
        record.voiceId(audio.path("voiceId").asText());
        json = new OutputEventJson(sessionId, body.path("promptName").asText(), UUID.randomUUID().toString());
        record.tools(validator.toolNames());
    }

    private void contentStart(JsonNode body) {
        if ("AUDIO".equals(body.path("type").asText())) {
            int rate = body.path("audioInputConfiguration").path("sampleRateHertz").asInt();
            record.inputRate(rate);
            persona = new EchoPersona(vertx, settings.detectorFactory().create(rate), rate, record.outputRate(),
                    settings, faults, json, new PersonaOutput(), validator.toolNames());
        } else if ("TOOL".equals(body.path("type").asText())) {
            toolResultBlocks.put(body.path("contentName").asText(),
                    body.path("toolResultInputConfiguration").path("toolUseId").asText());
        } else {
            textRole = body.path("role").asText();
            textInteractive = body.path("interactive").asBoolean(false);
        }
    }

    private void textInput(String text) {
        record.text(textRole, textInteractive, text);
        if (textInteractive && persona != null) {
            persona.onUserText(text);
        }
    }

    private void toolResult(String contentName, String content) {
        String toolUseId = toolResultBlocks.remove(contentName);
        record.toolResult(content);
        if (persona != null) {
            persona.onToolResult(toolUseId, content);
        }
    }

    private void audioInput(String base64) {
        record.audioFrame();
        persona.onAudio(Pcm16.fromBase64(base64));
    }

    private void write(byte[] frame) {
        if (!responseEnded) {
            response.write(Buffer.buffer(frame));
        }
    }

    /** Sends a modelled exception and ends the response, as Bedrock does. */
    private void fail(String exceptionType, String message) {
        if (responseEnded) {
            return;
        }
        LOG.info("emulator stream {} ends with {}: {}", sessionId, exceptionType, message);
        record.ended(exceptionType + ": " + message);
        write(EventStreamFrames.exception(exceptionType, message));
        endResponse();
    }

    private void finish(String reason) {
        record.ended(reason);
        if (json != null && !responseEnded) {
            write(EventStreamFrames.outputEvent(json.completionEnd("END_TURN")));
        }
        endResponse();
    }

    private void endResponse() {
        if (persona != null) {
            persona.stop();
        }
        if (!responseEnded) {
            responseEnded = true;
            response.end();
        }
        closeIfDone();
    }

    private void onRequestEnd() {
        requestEnded = true;
        if (!responseEnded) {
            finish("input ended");
        }
        closeIfDone();
    }

    private void broken(String reason) {
        record.ended(reason);
        responseEnded = true;
        requestEnded = true;
        if (persona != null) {
            persona.stop();
        }
        closeIfDone();
    }

    private void closeIfDone() {
        if (!closed && requestEnded && responseEnded) {
            closed = true;
            vertx.cancelTimer(capTimer);
            onClosed.run();
        }
    }

    /** Where the persona writes; also the mid-answer reset fault. */
    private final class PersonaOutput implements EchoPersona.Output {
        @Override
        public void event(String eventJson) {
            write(EventStreamFrames.outputEvent(eventJson));
        }

        @Override
        public void toolUseIssued(String toolUseId) {
            validator.toolUseIssued(toolUseId);
        }

        @Override
        public void afterAudioChunk() {
            if (!responseEnded && faults.takeReset()) {
                LOG.info("emulator stream {} resets mid-answer (fault injection)", sessionId);
                record.ended("reset");
                response.reset();
                broken("reset");
            }
        }
    }
}
