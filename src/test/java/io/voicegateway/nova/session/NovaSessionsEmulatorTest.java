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
}
