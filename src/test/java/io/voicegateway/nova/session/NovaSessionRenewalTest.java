package io.voicegateway.nova.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.voicegateway.emulator.EmulatorSettings;
import io.voicegateway.emulator.NovaEmulator;
import io.voicegateway.emulator.StreamRecord;
import io.voicegateway.nova.NovaClientFactory;
import io.voicegateway.nova.NovaEvent;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;

/**
 * Rule: before the stream cap, the next stream is opened early, takes over at a turn boundary with the conversation
 * as text history (first message USER), and the old stream is closed cleanly; the call never sees an error. The
 * emulator caps streams at 4 s (modelTimeoutException, like Bedrock at 8 min); renewal is due after 1 s.
 */
class NovaSessionRenewalTest {

    private NovaEmulator emulator;
    private BedrockRuntimeAsyncClient client;
    private NovaSessions sessions;
    private final RecordingListener listener = new RecordingListener();

    @BeforeEach
    void start() {
        emulator = new NovaEmulator(EmulatorSettings.defaults().withSessionCap(Duration.ofSeconds(4))).start();
        client = NovaClientFactory.create("us-east-1", emulator.endpoint().toString(), 10);
        sessions = new NovaSessions(client, NovaSettings.defaults().withRenewAfter(Duration.ofSeconds(1)));
    }

    @AfterEach
    void stop() {
        sessions.close();
        client.close();
        emulator.close();
    }

    @Test
    void theSessionIsRenewedAtATurnBoundaryWithTheConversationAsHistory() {
        sessions.open("call", new SessionOptions("amy", "Be brief."), listener);
        speak();
        awaitTurns(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> emulator.streams().size() == 2);

        speak();
        awaitTurns(2);
        StreamRecord first = emulator.streams().get(0);
        await().atMost(Duration.ofSeconds(10)).until(() -> first.endReason() != null);
        speak();
        awaitTurns(3);

        assertThat(first.endReason()).isEqualTo("sessionEnd");
        StreamRecord renewed = emulator.streams().get(1);
        List<String> history = renewed.history();
        assertThat(history).hasSize(4);
        assertThat(history.get(0)).startsWith("USER: (caller spoke");
        assertThat(history.get(1)).startsWith("ASSISTANT: You said");
        assertThat(renewed.voiceId()).isEqualTo("amy");
        assertThat(renewed.systemPrompt()).isEqualTo("Be brief.");
        assertThat(renewed.audioFrames()).isPositive();
        assertThat(listener.types("call")).doesNotContain("SessionError", "Interrupted");
        sessions.close("call").join();
        await().atMost(Duration.ofSeconds(5)).until(() -> emulator.openStreams() == 0);
        assertThat(emulator.streams()).noneSatisfy(s -> assertThat(s.endReason()).startsWith("modelTimeout"));
    }

    @Test
    void noHandOverWhileAToolCallIsOpenSoItsResultReachesTheStreamThatAsked() {
        String schema = "{\"type\":\"object\"}";
        sessions.open("call", new SessionOptions(null, null,
                List.of(new io.voicegateway.nova.codec.ToolSpec("current_time", "Tells the time", schema)), null),
                listener);
        sessions.sendText("call", "current time please");
        await().atMost(Duration.ofSeconds(10)).until(() -> !listener.of("call", NovaEvent.ToolUse.class).isEmpty());
        String toolUseId = listener.of("call", NovaEvent.ToolUse.class).get(0).toolUseId();
        await().atMost(Duration.ofSeconds(10)).until(() -> emulator.streams().size() == 2); // renewal is due

        sessions.sendText("call", "hello"); // a turn boundary while the tool call is open
        awaitTurns(1);
        sessions.sendToolResult("call", toolUseId, "{\"time\":\"12:00\"}");

        StreamRecord first = emulator.streams().get(0);
        await().atMost(Duration.ofSeconds(10)).until(() -> first.toolResults().size() == 1);
        awaitTurns(2); // the result was spoken; that turn's end is the hand-over
        await().atMost(Duration.ofSeconds(10)).until(() -> first.endReason() != null);
        assertThat(first.endReason()).isEqualTo("sessionEnd");
        assertThat(listener.of("call", NovaEvent.TextOutput.class))
                .anySatisfy(t -> assertThat(t.text()).isEqualTo("current_time result: {\"time\":\"12:00\"}"));
        sessions.close("call").join();
    }

    private void speak() {
        Speech.utterance(8000, 600, 600).forEach(frame -> sessions.sendAudio("call", frame));
    }

    private void awaitTurns(int count) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> listener.of("call", NovaEvent.TurnEnded.class).size() >= count);
    }
}
