package io.voicegateway.nova;

/** Values of the {@link NovaSonicConstants#OPERATION} header. */
public enum NovaOperation {
    /** Open the call's session; optional headers NovaVoiceId, NovaSystemPrompt. */
    OPEN,
    /** Send one frame of caller audio: body short[] PCM16 at inputSampleRate (one 20 ms frame). */
    AUDIO,
    /** Send caller text: body String. */
    TEXT,
    /** Answer the model's tool call: header NovaToolUseId, body String (the result, usually JSON). */
    TOOL_RESULT,
    /** Close the call's session; a SessionClosed event follows. */
    CLOSE
}
