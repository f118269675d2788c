package io.voicegateway.nova.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.voicegateway.nova.NovaEvent;
import io.voicegateway.nova.codec.OutputEvent;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Rule: Nova's output becomes gateway events: barge-in once although Nova signals it twice, text carries the role
 * and stage of its block, the turn ends on the assistant audio's END_TURN, and only FINAL text enters the history.
 */
class NovaEventMapperTest {

    private final ConversationHistory history = new ConversationHistory();
    private final NovaEventMapper mapper = new NovaEventMapper(8000, history);

    @Test
    void bothFormsOfTheInterruptionSignalGiveOneInterruptedEvent() {
        List<NovaEvent> events = map(
                new OutputEvent.ContentStart("a", "AUDIO", "ASSISTANT", null),
                new OutputEvent.AudioOutput("a", new short[] {1, 2}),
                new OutputEvent.ContentEnd("a", "AUDIO", "INTERRUPTED"),
                new OutputEvent.ContentStart("t", "TEXT", "ASSISTANT", "FINAL"),
                new OutputEvent.TextOutput("t", "ASSISTANT", "{ \"interrupted\" : true }"),
                new OutputEvent.ContentEnd("t", "TEXT", "INTERRUPTED"));

        assertThat(events).containsExactly(events.get(0), new NovaEvent.Interrupted());
        assertThat(events.get(0)).isInstanceOf(NovaEvent.AssistantAudio.class);
        assertThat(history.snapshot()).isEmpty();
    }

    @Test
    void theNextAnswerCanBeInterruptedAgain() {
        map(new OutputEvent.ContentStart("a", "AUDIO", "ASSISTANT", null),
                new OutputEvent.ContentEnd("a", "AUDIO", "INTERRUPTED"));
        List<NovaEvent> second = map(new OutputEvent.ContentStart("b", "AUDIO", "ASSISTANT", null),
                new OutputEvent.TextOutput("b", "ASSISTANT", "{\"interrupted\":true}"));
        assertThat(second).containsExactly(new NovaEvent.Interrupted());
    }

    @Test
    void aTurnEndsOnTheAssistantAudiosEndTurnAndItsFinalTextIsTheBoundary() {
        List<NovaEvent> events = map(
                new OutputEvent.ContentStart("u", "TEXT", "USER", "FINAL"),
                new OutputEvent.TextOutput("u", null, "hi"),
                new OutputEvent.ContentEnd("u", "TEXT", "END_TURN"),
                new OutputEvent.ContentStart("s", "TEXT", "ASSISTANT", "SPECULATIVE"),
                new OutputEvent.TextOutput("s", "ASSISTANT", "Hello!"),
                new OutputEvent.ContentEnd("s", "TEXT", "PARTIAL_TURN"),
                new OutputEvent.ContentStart("a", "AUDIO", "ASSISTANT", null),
                new OutputEvent.ContentEnd("a", "AUDIO", "END_TURN"));
        assertThat(events).containsExactly(new NovaEvent.TextOutput("USER", "hi", "FINAL"),
                new NovaEvent.TextOutput("ASSISTANT", "Hello!", "SPECULATIVE"), new NovaEvent.TurnEnded("END_TURN"));
        assertThat(mapper.takeTurnBoundary()).isFalse();

        map(new OutputEvent.ContentStart("f", "TEXT", "ASSISTANT", "FINAL"),
                new OutputEvent.TextOutput("f", "ASSISTANT", "Hello there!"),
                new OutputEvent.ContentEnd("f", "TEXT", "END_TURN"));
        assertThat(mapper.takeTurnBoundary()).isTrue();
        assertThat(history.snapshot()).containsExactly(new ConversationHistory.Message("USER", "hi"),
                new ConversationHistory.Message("ASSISTANT", "Hello there!"));
    }

    @Test
    void toolUseAndUsagePassThrough() {
        assertThat(map(new OutputEvent.ToolUse("x", "getWeather", "id-1", "{}"), new OutputEvent.UsageEvent(5, 7)))
                .containsExactly(new NovaEvent.ToolUse("getWeather", "id-1", "{}"), new NovaEvent.Usage(5, 7));
    }

    private List<NovaEvent> map(OutputEvent... events) {
        return Stream.of(events).flatMap(e -> mapper.map(e).stream()).toList();
    }
}
