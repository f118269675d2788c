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

/**
 * Rule: when the caller talks over the model, Nova's barge-in (sent both as {@code { "interrupted" : true }} and as
 * contentEnd INTERRUPTED) reaches the gateway as exactly one Interrupted event, and the rest of that answer is gone.
 * The emulator answers in real time here so the caller reliably speaks while it talks.
 */
class NovaSessionInterruptionTest {

    private static NovaEmulator emulator;
    private static BedrockRuntimeAsyncClient client;
    private static NovaSessions sessions;
    private final RecordingListener listener = new RecordingListener();

    @BeforeAll
    static void start() {
        emulator = new NovaEmulator(EmulatorSettings.defaults().withAnswerPace(Duration.ofMillis(100))).start();
        client = NovaClientFactory.create("us-east-1", emulator.endpoint().toString(), 10);
        sessions = new NovaSessions(client, NovaSettings.defaults());
    }

    @AfterAll
    static void stop() {
        sessions.close();
        client.close();
        emulator.close();
    }

    @Test
    void callerSpeechDuringTheAnswerInterruptsItOnce() {
        sessions.open("call-barge", new SessionOptions(null, null), listener);
        Speech.utterance(8000, 2000, 600).forEach(frame -> sessions.sendAudio("call-barge", frame));
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !listener.of("call-barge", NovaEvent.AssistantAudio.class).isEmpty());

        Speech.utterance(8000, 300, 0).forEach(frame -> sessions.sendAudio("call-barge", frame));

        await().atMost(Duration.ofSeconds(10)).until(() -> listener.types("call-barge").contains("Interrupted"));
        List<String> types = listener.types("call-barge");
        assertThat(types.stream().filter("Interrupted"::equals)).hasSize(1);
        assertThat(types.subList(0, types.indexOf("Interrupted"))).doesNotContain("TurnEnded");
        long audioChunks = types.stream().filter("AssistantAudio"::equals).count();
        assertThat(audioChunks).as("the 2.9 s answer was cut short").isLessThan(29);
        sessions.close("call-barge").join();
    }
}
