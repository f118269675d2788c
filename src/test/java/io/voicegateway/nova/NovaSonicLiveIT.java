package io.voicegateway.nova;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.voicegateway.nova.session.NovaSessions;
import io.voicegateway.nova.session.NovaSettings;
import io.voicegateway.nova.session.SessionOptions;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;

/**
 * Against real Amazon Bedrock (needs AWS credentials with Nova 2 Sonic access in AWS_REGION, default us-east-1;
 * skipped without credentials). Rule: a session opened the way the gateway opens it answers a typed question with
 * assistant text and 8 kHz audio, and closes cleanly. Run: {@code ./mvnw verify -Dit.test=NovaSonicLiveIT}.
 */
class NovaSonicLiveIT {

    @Test
    void realNovaSonicAnswersWithTextAndAudioAndClosesCleanly() throws Exception {
        assumeTrue(NovaClientFactory.credentialsAvailable(), "no AWS credentials: live Nova Sonic test skipped");
        String region = System.getenv().getOrDefault("AWS_REGION", "us-east-1");
        List<NovaEvent> events = new CopyOnWriteArrayList<>();
        ScheduledExecutorService silence = Executors.newSingleThreadScheduledExecutor();
        try (BedrockRuntimeAsyncClient client = NovaClientFactory.create(region, null, 4);
                NovaSessions sessions = new NovaSessions(client, NovaSettings.defaults())) {
            sessions.open("live", new SessionOptions("matthew", "Answer in one short sentence."),
                    (callId, event) -> events.add(event));
            // Nova expects a live audio stream: keep sending 20 ms of silence like a quiet phone line
            silence.scheduleAtFixedRate(() -> sessions.sendAudio("live", new short[160]), 0, 20, TimeUnit.MILLISECONDS);
            sessions.sendText("live", "Say hello.");

            await().atMost(Duration.ofSeconds(30)).until(() -> events.stream()
                    .anyMatch(NovaEvent.AssistantAudio.class::isInstance)
                    && events.stream().anyMatch(e -> e instanceof NovaEvent.TextOutput t && "ASSISTANT".equals(t.role())));
            silence.shutdownNow();
            sessions.close("live").get(10, TimeUnit.SECONDS);
        } finally {
            silence.shutdownNow();
        }
        assertThat(events).noneMatch(NovaEvent.SessionError.class::isInstance);
        assertThat(events).last().isEqualTo(new NovaEvent.SessionClosed("closed"));
        assertThat(events.stream().filter(NovaEvent.AssistantAudio.class::isInstance)
                .map(NovaEvent.AssistantAudio.class::cast)).allMatch(a -> a.sampleRate() == 8000);
    }
}
