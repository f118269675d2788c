package io.voicegateway.nova;

/**
 * What a Nova Sonic session tells the gateway, one event per consumer exchange ({@code from: nova-sonic:events}).
 * Barge-in is its own type ({@link Interrupted}), not a flag on another event.
 */
public sealed interface NovaEvent {

    /** Value of the {@code NovaEventType} header for this event. */
    String type();

    /** A chunk of the model's speech: PCM16 mono samples at {@code sampleRate} Hz. */
    record AssistantAudio(short[] pcm, int sampleRate) implements NovaEvent {
        public String type() {
            return "AssistantAudio";
        }
    }

    /**
     * Text from the model: role USER is the transcript of the caller, ASSISTANT what the model says.
     * {@code generationStage} is SPECULATIVE (planned speech) or FINAL (what was actually said), null when absent.
     */
    record TextOutput(String role, String text, String generationStage) implements NovaEvent {
        public String type() {
            return "TextOutput";
        }
    }

    /** The model stopped speaking because the caller talked over it: drop any of its audio not yet played. */
    record Interrupted() implements NovaEvent {
        public String type() {
            return "Interrupted";
        }
    }

    /** The model finished its turn ({@code stopReason} as sent, e.g. END_TURN). */
    record TurnEnded(String stopReason) implements NovaEvent {
        public String type() {
            return "TurnEnded";
        }
    }

    /** The model asks for a tool; {@code input} is the tool's JSON arguments as sent. */
    record ToolUse(String toolName, String toolUseId, String input) implements NovaEvent {
        public String type() {
            return "ToolUse";
        }
    }

    /**
     * Token usage: running totals of the current stream (they restart when a stream is renewed) and what this
     * event adds by direction and kind; per-call sums add up the deltas.
     */
    record Usage(long totalInputTokens, long totalOutputTokens, io.voicegateway.nova.codec.OutputEvent.Tokens delta)
            implements NovaEvent {
        public Usage(long totalInputTokens, long totalOutputTokens) {
            this(totalInputTokens, totalOutputTokens, io.voicegateway.nova.codec.OutputEvent.Tokens.NONE);
        }

        public String type() {
            return "Usage";
        }
    }

    /** The session failed; a {@link SessionClosed} follows. */
    record SessionError(NovaError error, String message) implements NovaEvent {
        public String type() {
            return "SessionError";
        }
    }

    /** The session is over (closed by us, or ended by an error); no more events follow for this call. */
    record SessionClosed(String reason) implements NovaEvent {
        public String type() {
            return "SessionClosed";
        }
    }
}
