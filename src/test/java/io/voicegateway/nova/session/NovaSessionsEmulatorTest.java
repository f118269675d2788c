package io.voicegateway.nova.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.voicegateway.emulator.EmulatorSettings;
import io.voicegateway.emulator.NovaEmulator;
import io.voicegateway.nova.NovaClientFactory;
import io.voicegateway.nova.NovaEvent;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;

/** Rule: through the real SDK client and the emulator, a session opens, hears the caller, answers and closes. */
class NovaSessionsEmulatorTest {

    private static NovaEmulator emulator;
    private static BedrockRuntimeAsyncClient client;
    private static NovaSessions sessions;
    private final RecordingListener listener = new RecordingListener();

    @BeforeAll
    static void start() {
        emulator = new NovaEmulator(EmulatorSettings.defaults()).start();
        client = NovaClientFactory.create("us-east-1", emulator.endpoint().toString(), 100);
        sessions = new NovaSessions(client, NovaSettings.defaults());
    }

    @AfterAll
    static void stop() {
        sessions.close();
        client.close();
        emulator.close();
    }

    @Test
    void anUtteranceIsAnsweredWithTranscriptTextAndAudioThenTheTurnEnds() {
        sessions.open("call-1", new SessionOptions("tiffany", "Be brief."), listener);
        Speech.utterance(8000, 600, 600).forEach(frame -> sessions.sendAudio("call-1", frame));

        await().atMost(Duration.ofSeconds(10)).until(() -> !listener.of("call-1", NovaEvent.TurnEnded.class).isEmpty());
        List<String> types = listener.types("call-1");
        assertThat(types.indexOf("TextOutput")).isLessThan(types.indexOf("AssistantAudio"));
        assertThat(types.indexOf("AssistantAudio")).isLessThan(types.indexOf("TurnEnded"));
        assertThat(listener.of("call-1", NovaEvent.TextOutput.class).get(0).role()).isEqualTo("USER");
        assertThat(listener.of("call-1", NovaEvent.TextOutput.class).get(0).text()).startsWith("(caller spoke");
        assertThat(listener.of("call-1", NovaEvent.AssistantAudio.class))
                .allSatisfy(audio -> assertThat(audio.sampleRate()).isEqualTo(8000));

        sessions.close("call-1").join();
        assertThat(listener.of("call-1")).last().isEqualTo(new NovaEvent.SessionClosed("closed"));
        assertThat(listener.overlapped()).isFalse();
        await().atMost(Duration.ofSeconds(5)).until(() -> emulator.openStreams() == 0);
        var record = emulator.streams().get(emulator.streams().size() - 1);
        assertThat(record.voiceId()).isEqualTo("tiffany");
        assertThat(record.systemPrompt()).isEqualTo("Be brief.");
        assertThat(record.inputRate()).isEqualTo(8000);
        assertThat(record.endReason()).isEqualTo("sessionEnd");
    }

    @Test
    void audioComesAtTheConfiguredOutputRate() {
        try (NovaSessions wideband = new NovaSessions(client, NovaSettings.defaults().withRates(16000, 24000))) {
            wideband.open("call-wide", new SessionOptions(null, null), listener);
            Speech.utterance(16000, 400, 600).forEach(frame -> wideband.sendAudio("call-wide", frame));

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> !listener.of("call-wide", NovaEvent.TurnEnded.class).isEmpty());
            assertThat(listener.of("call-wide", NovaEvent.AssistantAudio.class))
                    .isNotEmpty().allSatisfy(audio -> assertThat(audio.sampleRate()).isEqualTo(24000));
            var record = emulator.streams().get(emulator.streams().size() - 1);
            assertThat(record.inputRate()).isEqualTo(16000);
            assertThat(record.outputRate()).isEqualTo(24000);
            assertThat(record.voiceId()).isEqualTo("matthew");
            wideband.close("call-wide").join();
        }
    }

    @Test
    void typedTextIsSentAsAnInteractiveUserTextAndAnswered() {
        sessions.open("call-text", new SessionOptions(null, null), listener);
        sessions.sendText("call-text", "hello there");

        await().atMost(Duration.ofSeconds(10))
                .until(() -> !listener.of("call-text", NovaEvent.TurnEnded.class).isEmpty());
        assertThat(listener.of("call-text", NovaEvent.TextOutput.class))
                .anySatisfy(text -> assertThat(text.text()).isEqualTo("You said: hello there"));
        sessions.close("call-text").join();
        assertThat(emulator.streams().get(emulator.streams().size() - 1).userTexts()).containsExactly("hello there");
    }

    @Test
    void fiftySessionsOpenedAndClosedLeaveNoOpenStreams() {
        List<String> calls = java.util.stream.IntStream.range(0, 50).mapToObj(i -> "many-" + i).toList();
        calls.forEach(call -> sessions.open(call, new SessionOptions(null, null), listener));
        calls.forEach(call -> Speech.utterance(8000, 100, 0).forEach(frame -> sessions.sendAudio(call, frame)));
        await().atMost(Duration.ofSeconds(20)).until(() -> emulator.openStreams() >= 50);

        java.util.concurrent.CompletableFuture.allOf(calls.stream().map(sessions::close)
                .toArray(java.util.concurrent.CompletableFuture[]::new)).join();

        assertThat(calls).allSatisfy(call -> assertThat(listener.of(call)).last()
                .isEqualTo(new NovaEvent.SessionClosed("closed")));
        assertThat(sessions.callIds()).doesNotContainAnyElementsOf(calls);
        await().atMost(Duration.ofSeconds(10)).until(() -> emulator.openStreams() == 0);
        assertThat(listener.overlapped()).isFalse();
    }

    @Test
    void closingASessionThatWasNeverAnsweredCompletes() {
        emulator.faults().neverAnswer(true);
        try {
            sessions.open("call-silent", new SessionOptions(null, null), listener);
            Speech.utterance(8000, 600, 600).forEach(frame -> sessions.sendAudio("call-silent", frame));
            await().atMost(Duration.ofSeconds(10)).until(() -> emulator.openStreams() > 0);

            sessions.close("call-silent").orTimeout(10, java.util.concurrent.TimeUnit.SECONDS).join();
            assertThat(listener.types("call-silent")).containsExactly("SessionClosed");
            await().atMost(Duration.ofSeconds(5)).until(() -> emulator.openStreams() == 0);
        } finally {
            emulator.faults().neverAnswer(false);
        }
    }

    @Test
    void anUnknownModelIdEndsTheSessionWithAValidationError() {
        try (NovaSessions wrong = new NovaSessions(client, NovaSettings.defaults().withModelId("amazon.nova-9"))) {
            wrong.open("call-wrong-model", new SessionOptions(null, null), listener);

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> listener.types("call-wrong-model").contains("SessionClosed"));
            assertThat(listener.types("call-wrong-model")).containsExactly("SessionError", "SessionClosed");
            var error = listener.of("call-wrong-model", NovaEvent.SessionError.class).get(0);
            assertThat(error.error()).isEqualTo(io.voicegateway.nova.NovaError.VALIDATION);
            assertThat(error.message()).contains("amazon.nova-9");
        }
    }
}
