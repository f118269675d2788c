package io.voicegateway.nova.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Rule: the history handed to a new session starts with USER, has at most 40 messages of at most 1 KB each. */
class ConversationHistoryTest {

    private final ConversationHistory history = new ConversationHistory();

    @Test
    void aLeadingAssistantMessageIsDropped() {
        history.add("ASSISTANT", "Hello, how can I help?");
        history.add("USER", "Book a table");
        assertThat(history.snapshot()).extracting(ConversationHistory.Message::role).containsExactly("USER");
    }

    @Test
    void consecutiveMessagesOfOneRoleAreMerged() {
        history.add("USER", "Book a table");
        history.add("USER", "for two");
        assertThat(history.snapshot()).containsExactly(new ConversationHistory.Message("USER", "Book a table for two"));
    }

    @Test
    void onlyTheNewestFortyMessagesAreKept() {
        for (int i = 0; i < 100; i++) {
            history.add(i % 2 == 0 ? "USER" : "ASSISTANT", "message " + i);
        }
        assertThat(history.snapshot()).hasSize(40).first().isEqualTo(new ConversationHistory.Message("USER", "message 60"));
    }

    @Test
    void aLongMessageKeepsItsLastKilobyteOnACharacterBoundary() {
        history.add("USER", "é".repeat(1000));
        String text = history.snapshot().get(0).text();
        assertThat(text.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(1024);
        assertThat(text).matches("é+");
    }
}
