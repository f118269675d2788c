package io.voicegateway.nova.session;

import io.voicegateway.nova.NovaEvent;
import io.voicegateway.nova.codec.OutputEvent;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns Nova's output events of one stream into the gateway's {@link NovaEvent}s. Keeps the role and generation
 * stage of each open content block (text events refer to them by contentId), reports Nova's barge-in once even
 * though it arrives in two forms (the {@code { "interrupted" : true }} text and contentEnd INTERRUPTED), and hands
 * FINAL texts to the conversation history. Not thread-safe: one stream's events arrive in order on one thread.
 */
final class NovaEventMapper {

    private record Block(String type, String role, String stage) {
    }

    private final int outputSampleRate;
    private final ConversationHistory history;
    private final Map<String, Block> blocks = new HashMap<>();
    private boolean interruptReported;
    private boolean turnBoundary;

    NovaEventMapper(int outputSampleRate, ConversationHistory history) {
        this.outputSampleRate = outputSampleRate;
        this.history = history;
    }

    List<NovaEvent> map(OutputEvent event) {
        if (event instanceof OutputEvent.ContentStart start) {
            return contentStart(start);
        }
        if (event instanceof OutputEvent.TextOutput text) {
            return textOutput(text);
        }
        if (event instanceof OutputEvent.AudioOutput audio) {
            return List.of(new NovaEvent.AssistantAudio(audio.pcm(), outputSampleRate));
        }
        if (event instanceof OutputEvent.ContentEnd end) {
            return contentEnd(end);
        }
        if (event instanceof OutputEvent.ToolUse tool) {
            return List.of(new NovaEvent.ToolUse(tool.toolName(), tool.toolUseId(), tool.content()));
        }
        if (event instanceof OutputEvent.UsageEvent usage) {
            return List.of(new NovaEvent.Usage(usage.totalInputTokens(), usage.totalOutputTokens(), usage.delta()));
        }
        return List.of();
    }

    private List<NovaEvent> contentStart(OutputEvent.ContentStart start) {
        blocks.put(key(start.contentId()), new Block(start.type(), start.role(), start.generationStage()));
        if ("ASSISTANT".equals(start.role()) && "AUDIO".equals(start.type())) {
            interruptReported = false;
        }
        return List.of();
    }

    private List<NovaEvent> textOutput(OutputEvent.TextOutput text) {
        Optional<Block> block = Optional.ofNullable(blocks.get(key(text.contentId())));
        if (text.isInterruption()) {
            return interrupted();
        }
        String role = text.role() != null ? text.role() : block.map(Block::role).orElse("ASSISTANT");
        String stage = block.map(Block::stage).orElse(null);
        if (!"SPECULATIVE".equals(stage)) {
            history.add(role, text.content());
        }
        return List.of(new NovaEvent.TextOutput(role, text.content(), stage));
    }

    private List<NovaEvent> contentEnd(OutputEvent.ContentEnd end) {
        Block block = blocks.remove(key(end.contentId()));
        boolean assistant = block == null || "ASSISTANT".equals(block.role());
        if (assistant && "INTERRUPTED".equals(end.stopReason())) {
            return interrupted();
        }
        if (assistant && block != null && "TEXT".equals(block.type()) && "FINAL".equals(block.stage())
                && "END_TURN".equals(end.stopReason())) {
            turnBoundary = true;
        }
        boolean audio = block != null ? "AUDIO".equals(block.type()) : "AUDIO".equals(end.type());
        if (assistant && audio && "END_TURN".equals(end.stopReason())) {
            return List.of(new NovaEvent.TurnEnded(end.stopReason()));
        }
        return List.of();
    }

    /**
     * True once after the model's FINAL text of a turn ended: the turn and its transcript are complete, so a renewal
     * can hand over without losing the last answer from the history (it comes after the audio's END_TURN).
     */
    boolean takeTurnBoundary() {
        boolean result = turnBoundary;
        turnBoundary = false;
        return result;
    }

    private List<NovaEvent> interrupted() {
        if (interruptReported) {
            return List.of();
        }
        interruptReported = true;
        return List.of(new NovaEvent.Interrupted());
    }

    private static String key(String contentId) {
        return contentId == null ? "" : contentId;
    }
}
