package io.voicegateway.nova;

import org.apache.camel.spi.Metadata;

/** Headers of the {@code nova-sonic:} component. */
public final class NovaSonicConstants {

    @Metadata(label = "producer", description = "What the producer does: OPEN, AUDIO, TEXT, TOOL_RESULT or CLOSE.",
            javaType = "String", required = true)
    public static final String OPERATION = "NovaOperation";

    @Metadata(description = "The call the session belongs to. Producer: required on every operation. Consumer: the"
            + " call the event is for.", javaType = "String", required = true)
    public static final String CALL_ID = "CallId";

    @Metadata(label = "producer", description = "OPEN only: the voice for this call (a NovaVoices id, 'mathew'"
            + " accepted); default the endpoint's voiceId.", javaType = "String")
    public static final String VOICE_ID = "NovaVoiceId";

    @Metadata(label = "producer", description = "OPEN only: the system prompt for this call; default the"
            + " endpoint's systemPrompt.", javaType = "String")
    public static final String SYSTEM_PROMPT = "NovaSystemPrompt";

    @Metadata(label = "producer", description = "TOOL_RESULT only: the toolUseId of the model's tool call being"
            + " answered.", javaType = "String")
    public static final String TOOL_USE_ID = "NovaToolUseId";

    @Metadata(label = "consumer", description = "The simple name of the NovaEvent in the body: AssistantAudio,"
            + " TextOutput, Interrupted, TurnEnded, ToolUse, Usage, SessionError or SessionClosed.",
            javaType = "String")
    public static final String EVENT_TYPE = "NovaEventType";

    private NovaSonicConstants() {
    }
}
