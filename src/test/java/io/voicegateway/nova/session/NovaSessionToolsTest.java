package io.voicegateway.nova.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.voicegateway.emulator.EmulatorSettings;
import io.voicegateway.emulator.NovaEmulator;
import io.voicegateway.emulator.StreamRecord;
import io.voicegateway.nova.NovaClientFactory;
import io.voicegateway.nova.NovaEvent;
import io.voicegateway.nova.codec.ToolSpec;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.bedrockruntime.BedrockRuntimeAsyncClient;

/**
 * Rule: through the real SDK client and the emulator, offered tools reach promptStart, a tool call arrives as a
 * ToolUse event, its result goes back on the stream that asked (a TOOL block the emulator validates) and is
 * spoken; several calls may be open at once; a greeting is the caller's first text, so the model speaks first.
 */
class NovaSessionToolsTest {

    private static final String EMPTY_SCHEMA = "{\"type\":\"object\",\"properties\":{}}";
    private static final List<ToolSpec> TOOLS = List.of(new ToolSpec("current_time", "Tells the time", EMPTY_SCHEMA),
            new ToolSpec("lookup_order", "Looks an order up", EMPTY_SCHEMA));

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

    private StreamRecord open(String callId, String greeting) {
        int before = emulator.streams().size();
        sessions.open(callId, new SessionOptions(null, null, TOOLS, greeting), listener);
        await().atMost(Duration.ofSeconds(10)).until(() -> emulator.streams().size() > before);
        return emulator.streams().get(emulator.streams().size() - 1);
    }

    private List<NovaEvent.ToolUse> toolUses(String callId, int count) {
        await().atMost(Duration.ofSeconds(10)).until(() -> listener.of(callId, NovaEvent.ToolUse.class).size() >= count);
        return listener.of(callId, NovaEvent.ToolUse.class);
    }

    private boolean said(String callId, String text) {
        return listener.of(callId, NovaEvent.TextOutput.class).stream()
                .anyMatch(t -> "ASSISTANT".equals(t.role()) && text.equals(t.text()));
    }

    @Test
    void aToolNamedByTheCallerBecomesAToolUseAndItsResultIsSpoken() {
        StreamRecord record = open("tool-1", null);
        sessions.sendText("tool-1", "lookup_order {\"order_id\":\"42\"}");

        NovaEvent.ToolUse use = toolUses("tool-1", 1).get(0);
        assertThat(use.toolName()).isEqualTo("lookup_order");
        assertThat(use.input()).isEqualTo("{\"order_id\":\"42\"}");
        sessions.sendToolResult("tool-1", use.toolUseId(), "{\"status\":\"shipped\"}");

        await().atMost(Duration.ofSeconds(10)).until(() -> said("tool-1", "lookup_order result: {\"status\":\"shipped\"}"));
        assertThat(record.tools()).containsExactly("current_time", "lookup_order");
        assertThat(record.toolResults()).containsExactly("{\"status\":\"shipped\"}");
        sessions.close("tool-1").join();
        assertThat(record.endReason()).isEqualTo("sessionEnd");
    }

    @Test
    void twoToolCallsOpenAtOnceAreEachAnsweredWhateverTheOrder() {
        StreamRecord record = open("tool-2", null);
        sessions.sendText("tool-2", "what is the current time");
        sessions.sendText("tool-2", "lookup_order {\"order_id\":\"7\"}");
        List<NovaEvent.ToolUse> uses = toolUses("tool-2", 2);
        assertThat(uses).extracting(NovaEvent.ToolUse::toolName).containsExactly("current_time", "lookup_order");
        assertThat(uses.get(0).toolUseId()).isNotEqualTo(uses.get(1).toolUseId());

        sessions.sendToolResult("tool-2", uses.get(1).toolUseId(), "{\"status\":\"lost\"}");
        sessions.sendToolResult("tool-2", uses.get(0).toolUseId(), "{\"time\":\"12:00\"}");

        await().atMost(Duration.ofSeconds(10)).until(() -> said("tool-2", "lookup_order result: {\"status\":\"lost\"}")
                && said("tool-2", "current_time result: {\"time\":\"12:00\"}"));
        assertThat(record.endReason()).isNull();
        sessions.close("tool-2").join();
    }

    @Test
    void aResultForNoOpenToolCallIsDroppedAndTheCallGoesOn() {
        StreamRecord record = open("tool-3", null);
        sessions.sendToolResult("tool-3", "no-such-id", "{}");
        sessions.sendText("tool-3", "hello");

        await().atMost(Duration.ofSeconds(10)).until(() -> said("tool-3", "You said: hello"));
        assertThat(record.toolResults()).isEmpty();
        assertThat(record.endReason()).isNull();
        sessions.close("tool-3").join();
    }

    @Test
    void aGreetingIsTheCallersFirstTextSoTheModelSpeaksFirst() {
        StreamRecord record = open("greet", "Greet the caller.");

        await().atMost(Duration.ofSeconds(10)).until(() -> said("greet", "You said: Greet the caller."));
        assertThat(record.userTexts()).containsExactly("Greet the caller.");
        assertThat(listener.of("greet", NovaEvent.AssistantAudio.class)).isNotEmpty();
        sessions.close("greet").join();
    }

    @Test
    void usageEventsCarryTheDeltaByDirectionAndKind() {
        open("usage", null);
        sessions.sendText("usage", "hello");

        await().atMost(Duration.ofSeconds(10)).until(() -> !listener.of("usage", NovaEvent.Usage.class).isEmpty());
        NovaEvent.Usage usage = listener.of("usage", NovaEvent.Usage.class).get(0);
        assertThat(usage.delta().inputText()).isPositive();
        assertThat(usage.delta().outputSpeech()).isPositive();
        assertThat(usage.totalInputTokens() + usage.totalOutputTokens()).isEqualTo(usage.delta().total());
        sessions.close("usage").join();
    }

    @Test
    void onNovaSonicV1NeitherGreetingNorCallerTextIsSent() {
        try (NovaSessions v1 = new NovaSessions(client, NovaSettings.defaults().withModelId("amazon.nova-sonic-v1:0"))) {
            int before = emulator.streams().size();
            v1.open("v1", new SessionOptions(null, null, TOOLS, "Greet the caller."), listener);
            await().atMost(Duration.ofSeconds(10)).until(() -> emulator.streams().size() > before);
            StreamRecord record = emulator.streams().get(emulator.streams().size() - 1);
            await().atMost(Duration.ofSeconds(10)).until(() -> record.voiceId() != null);
            v1.sendText("v1", "hello");
            v1.close("v1").join();
            assertThat(record.userTexts()).isEmpty();
            assertThat(record.endReason()).isEqualTo("sessionEnd");
        }
    }
}
