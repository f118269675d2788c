package io.voicegateway.nova;

import io.voicegateway.nova.session.NovaSessions;
import io.voicegateway.nova.session.SessionOptions;
import org.apache.camel.Exchange;
import org.apache.camel.InvalidPayloadException;
import org.apache.camel.Message;
import org.apache.camel.support.DefaultProducer;

/**
 * Drives sessions from the media path. Every operation only queues work (AUDIO is called 50 times a second per
 * call): it never waits for the network. Headers: {@link NovaSonicConstants#OPERATION}, {@link NovaSonicConstants#CALL_ID}.
 */
public class NovaSonicProducer extends DefaultProducer {

    public NovaSonicProducer(NovaSonicEndpoint endpoint) {
        super(endpoint);
    }

    @Override
    public NovaSonicEndpoint getEndpoint() {
        return (NovaSonicEndpoint) super.getEndpoint();
    }

    @Override
    public void process(Exchange exchange) throws Exception {
        Message in = exchange.getIn();
        String callId = in.getHeader(NovaSonicConstants.CALL_ID, String.class);
        if (callId == null || callId.isBlank()) {
            throw new IllegalArgumentException("nova-sonic: header " + NovaSonicConstants.CALL_ID + " is required");
        }
        NovaSessions sessions = getEndpoint().sessions();
        switch (operation(in)) {
            case OPEN -> sessions.open(callId, options(in), getEndpoint().dispatcher());
            case AUDIO -> sessions.sendAudio(callId, audio(exchange));
            case TEXT -> sessions.sendText(callId, in.getMandatoryBody(String.class));
            case TOOL_RESULT -> sessions.sendToolResult(callId, required(in, NovaSonicConstants.TOOL_USE_ID),
                    in.getMandatoryBody(String.class));
            case CLOSE -> sessions.close(callId);
        }
    }

    private static NovaOperation operation(Message in) {
        String value = in.getHeader(NovaSonicConstants.OPERATION, String.class);
        if (value == null) {
            throw new IllegalArgumentException("nova-sonic: header " + NovaSonicConstants.OPERATION
                    + " is required (OPEN, AUDIO, TEXT, TOOL_RESULT or CLOSE)");
        }
        try {
            return NovaOperation.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("nova-sonic: header " + NovaSonicConstants.OPERATION + " is '" + value
                    + "'; expected OPEN, AUDIO, TEXT, TOOL_RESULT or CLOSE", e);
        }
    }

    private SessionOptions options(Message in) {
        NovaSonicConfiguration configuration = getEndpoint().getConfiguration();
        String requested = in.getHeader(NovaSonicConstants.VOICE_ID, configuration.getVoiceId(), String.class);
        String voice = NovaVoices.normalize(requested)
                .filter(NovaVoices.forModel(configuration.getModelId())::contains)
                .orElseThrow(() -> new IllegalArgumentException("nova-sonic: voice '" + requested + "' (header "
                        + NovaSonicConstants.VOICE_ID + " or option voiceId) is not a voice of "
                        + configuration.getModelId() + "; voices: " + NovaVoices.forModel(configuration.getModelId())));
        String prompt = in.getHeader(NovaSonicConstants.SYSTEM_PROMPT, configuration.getSystemPrompt(), String.class);
        return new SessionOptions(voice, prompt, configuration.getTools(), configuration.getGreeting());
    }

    private static String required(Message in, String header) {
        String value = in.getHeader(header, String.class);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("nova-sonic: header " + header + " is required for this operation");
        }
        return value;
    }

    private static short[] audio(Exchange exchange) throws InvalidPayloadException {
        Object body = exchange.getIn().getBody();
        if (body instanceof short[] pcm) {
            return pcm;
        }
        return exchange.getIn().getMandatoryBody(short[].class);
    }
}
