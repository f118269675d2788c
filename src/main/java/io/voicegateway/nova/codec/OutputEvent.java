package io.voicegateway.nova.codec;

/**
 * Events Nova Sonic sends back, as parsed by {@link OutputEventParser}
 * (https://docs.aws.amazon.com/nova/latest/userguide/output-events.html). Only the fields the gateway uses are kept;
 * identifiers are kept where they tie a block together ({@code contentId}).
 */
public sealed interface OutputEvent {

    /** A response starts. */
    record CompletionStart(String sessionId, String promptName, String completionId) implements OutputEvent {
    }

    /**
     * A content block starts: {@code type} TEXT|AUDIO|TOOL, {@code role} USER|ASSISTANT|TOOL;
     * {@code generationStage} SPECULATIVE|FINAL comes from the {@code additionalModelFields} JSON string, else null.
     */
    record ContentStart(String contentId, String type, String role, String generationStage) implements OutputEvent {
    }

    /** Text of the current block; {@code role} may be null in which case the block's role applies. */
    record TextOutput(String contentId, String role, String content) implements OutputEvent {

        /** True for Nova's barge-in marker, a text whose content is the JSON {@code { "interrupted" : true }}. */
        public boolean isInterruption() {
            return OutputEventParser.isInterruptionMarker(content);
        }
    }

    /** A chunk of speech, PCM16 samples decoded from base64 little-endian LPCM. */
    record AudioOutput(String contentId, short[] pcm) implements OutputEvent {
        @Override
        public String toString() {
            return "AudioOutput[" + contentId + ", " + pcm.length + " samples]";
        }
    }

    /** The model calls a tool; {@code content} is the arguments JSON as sent. */
    record ToolUse(String contentId, String toolName, String toolUseId, String content) implements OutputEvent {
    }

    /** A content block ends: {@code stopReason} PARTIAL_TURN|END_TURN|INTERRUPTED|TOOL_USE. */
    record ContentEnd(String contentId, String type, String stopReason) implements OutputEvent {
    }

    /**
     * Token usage: {@code totalInputTokens}/{@code totalOutputTokens} are running totals of the stream;
     * {@code delta} is what this event adds, split by direction and kind ({@code details.delta.input.speechTokens}
     * etc.), all zero when Nova sent no details.
     */
    record UsageEvent(long totalInputTokens, long totalOutputTokens, Tokens delta) implements OutputEvent {
        public UsageEvent(long totalInputTokens, long totalOutputTokens) {
            this(totalInputTokens, totalOutputTokens, Tokens.NONE);
        }
    }

    /** Token counts by direction (input = what the model heard/read, output = what it said/wrote) and kind. */
    record Tokens(long inputSpeech, long inputText, long outputSpeech, long outputText) {
        public static final Tokens NONE = new Tokens(0, 0, 0, 0);

        public Tokens plus(Tokens other) {
            return new Tokens(inputSpeech + other.inputSpeech, inputText + other.inputText,
                    outputSpeech + other.outputSpeech, outputText + other.outputText);
        }

        public long total() {
            return inputSpeech + inputText + outputSpeech + outputText;
        }
    }

    /** The response ends. */
    record CompletionEnd(String stopReason) implements OutputEvent {
    }

    /** An event this gateway does not know; kept so a new event type never breaks a call. */
    record Unknown(String name) implements OutputEvent {
    }
}
