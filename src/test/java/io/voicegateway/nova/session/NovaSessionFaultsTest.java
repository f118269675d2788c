package io.voicegateway.nova.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.voicegateway.emulator.EmulatorSettings;
import io.voicegateway.emulator.NovaEmulator;
import io.voicegateway.nova.NovaClientFactory;
import io.voicegateway.nova.NovaError;
import io.voicegateway.nova.NovaEvent;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;

/**
 * Rule: opening retries with backoff; a stream broken mid-call is reopened once with the conversation as history
 * and the caller's unanswered audio; otherwise the session ends with SessionError then SessionClosed. Nothing is
 * left open on the emulator.
 */
class NovaSessionFaultsTest {

    private NovaEmulator emulator;
    private BedrockRuntimeAsyncClient client;
    private NovaSessions sessions;
    private final RecordingListener listener = new RecordingListener();

    @BeforeEach
    void start() {
        emulator = new NovaEmulator(EmulatorSettings.defaults().withSessionCap(Duration.ofMillis(2500))).start();
        client = NovaClientFactory.create("us-east-1", emulator.endpoint().toString(), 10);
        sessions = new NovaSessions(client, NovaSettings.defaults());
    }

    @AfterEach
    void stop() {
        sessions.close();
        client.close();
        await().atMost(Duration.ofSeconds(5)).until(() -> emulator.openStreams() == 0);
        emulator.close();
    }

    @Test
    void aThrottledOpenIsRetriedAndTheCallIsAnswered() {
        emulator.faults().throttleNextOpens(2);
        sessions.open("call", new SessionOptions(null, null), listener);
        speak();

        awaitTurns(1);
        assertThat(listener.types("call")).doesNotContain("SessionError");
        assertThat(emulator.streams()).hasSize(1);
    }

    @Test
    void anOpenThrottledOnEveryAttemptEndsWithSessionErrorThenSessionClosed() {
        emulator.faults().throttleNextOpens(100);
        sessions.open("call", new SessionOptions(null, null), listener);

        await().atMost(Duration.ofSeconds(10)).until(() -> listener.types("call").contains("SessionClosed"));
        assertThat(listener.types("call")).containsExactly("SessionError", "SessionClosed");
        assertThat(listener.of("call", NovaEvent.SessionError.class).get(0).error()).isEqualTo(NovaError.THROTTLING);
        assertThat(listener.of("call", NovaEvent.SessionClosed.class).get(0).reason()).isEqualTo("throttling");
        assertThat(sessions.callIds()).doesNotContain("call");
        emulator.faults().throttleNextOpens(0);
    }

    @Test
    void aStreamResetMidAnswerIsReopenedWithHistoryAndTheLostUtteranceAnswered() {
        sessions.open("call", new SessionOptions(null, null), listener);
        speak();
        awaitTurns(1);

        emulator.faults().resetNextAnswers(1);
        speak();

        awaitTurns(2);
        assertThat(listener.types("call")).doesNotContain("SessionError");
        assertThat(emulator.streams()).hasSize(2);
        assertThat(emulator.streams().get(0).endReason()).isEqualTo("reset");
        assertThat(emulator.streams().get(1).history()).first().asString().startsWith("USER: (caller spoke");
        assertThat(emulator.streams().get(1).history()).anySatisfy(m -> assertThat(m).startsWith("ASSISTANT: You said"));
    }

    @Test
    void aStreamThatBreaksAgainBeforeAnyTurnEndsTheSession() {
        sessions.open("call", new SessionOptions(null, null), listener);
        emulator.faults().resetNextAnswers(2);
        speak();

        await().atMost(Duration.ofSeconds(10)).until(() -> listener.types("call").contains("SessionClosed"));
        assertThat(listener.types("call")).endsWith("SessionError", "SessionClosed");
        assertThat(listener.of("call", NovaEvent.SessionError.class).get(0).error())
                .isEqualTo(NovaError.CONNECTION_RESET);
    }

    @Test
    void aStreamCutOffByTheSessionCapIsReopenedWithHistory() {
        sessions.open("call", new SessionOptions(null, null), listener);
        speak();
        awaitTurns(1);

        await().atMost(Duration.ofSeconds(10)).until(() -> emulator.streams().size() == 2);
        speak();

        awaitTurns(2);
        assertThat(emulator.streams().get(0).endReason()).startsWith("modelTimeoutException");
        assertThat(emulator.streams().get(1).history()).first().asString().startsWith("USER: (caller spoke");
        assertThat(listener.types("call")).doesNotContain("SessionError");
    }

    private void speak() {
        Speech.utterance(8000, 600, 600).forEach(frame -> sessions.sendAudio("call", frame));
    }

    private void awaitTurns(int count) {
        await().atMost(Duration.ofSeconds(10))
                .until(() -> listener.of("call", NovaEvent.TurnEnded.class).size() >= count);
    }
}
