package io.voicegateway.nova;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.voicegateway.emulator.EmulatorSettings;
import io.voicegateway.emulator.NovaEmulator;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.camel.CamelContext;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rule: through Camel routes, OPEN/AUDIO/CLOSE on a {@code nova-sonic:} producer drive a session against the
 * emulator (real SDK client, real wire protocol), and {@code from nova-sonic:events} receives typed events with
 * CallId and NovaEventType headers, in order.
 */
class NovaSonicComponentTest {

    private NovaEmulator emulator;
    private CamelContext camel;
    private ProducerTemplate template;
    private final List<Exchange> received = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        emulator = new NovaEmulator(EmulatorSettings.defaults()).start();
        camel = new DefaultCamelContext();
        camel.addComponent("nova-sonic", new NovaSonicComponent());
        String novaUri = "nova-sonic:session?endpointOverride=" + emulator.endpoint() + "&renewAfter=10m";
        camel.addRoutes(new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:media").routeId("media-to-nova").to(novaUri);
                from("nova-sonic:events").routeId("nova-events").process(received::add);
            }
        });
        camel.start();
        template = camel.createProducerTemplate();
    }

    @AfterEach
    void stop() {
        camel.stop();
        emulator.close();
    }

    @Test
    void aCallStreamedThroughARouteReceivesAssistantAudioAndTextEvents() {
        send("OPEN", "call-7", null, Map.of(NovaSonicConstants.VOICE_ID, "mathew"));
        for (short[] frame : tone(8000, 400, 600)) {
            send("AUDIO", "call-7", frame, Map.of());
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(types()).contains("TurnEnded"));
        send("CLOSE", "call-7", null, Map.of());
        await().atMost(Duration.ofSeconds(10)).until(() -> types().contains("SessionClosed"));

        assertThat(types()).contains("TextOutput", "AssistantAudio");
        assertThat(types().indexOf("TextOutput")).isLessThan(types().indexOf("AssistantAudio"));
        assertThat(types()).last().isEqualTo("SessionClosed");
        assertThat(received).allSatisfy(exchange -> {
            assertThat(exchange.getIn().getHeader(NovaSonicConstants.CALL_ID)).isEqualTo("call-7");
            assertThat(exchange.getIn().getHeader(NovaSonicConstants.EVENT_TYPE))
                    .isEqualTo(exchange.getIn().getBody(NovaEvent.class).type());
        });
        NovaEvent.AssistantAudio audio = received.stream().map(e -> e.getIn().getBody())
                .filter(NovaEvent.AssistantAudio.class::isInstance).map(NovaEvent.AssistantAudio.class::cast)
                .findFirst().orElseThrow();
        assertThat(audio.sampleRate()).isEqualTo(8000);
        assertThat(audio.pcm()).isNotEmpty();
        assertThat(emulator.streams().get(0).voiceId()).isEqualTo("matthew");
        await().atMost(Duration.ofSeconds(5)).until(() -> emulator.openStreams() == 0);
    }

    @Test
    void theSchemeResolvesWithoutRegisteringTheComponent() throws Exception {
        try (CamelContext plain = new DefaultCamelContext()) {
            assertThat(plain.getComponent("nova-sonic")).isInstanceOf(NovaSonicComponent.class);
        }
    }

    @Test
    void anOperationWithoutACallIdIsRejected() {
        assertThatThrownBy(() -> template.sendBodyAndHeader("direct:media", null, NovaSonicConstants.OPERATION, "OPEN"))
                .isInstanceOf(CamelExecutionException.class).hasRootCauseMessage(
                        "nova-sonic: header CallId is required");
    }

    @Test
    void anUnknownVoiceIsRejectedNamingTheHeader() {
        assertThatThrownBy(() -> send("OPEN", "call-8", null, Map.of(NovaSonicConstants.VOICE_ID, "hal9000")))
                .isInstanceOf(CamelExecutionException.class).rootCause().hasMessageContaining("NovaVoiceId");
    }

    @Test
    void anUnknownOperationIsRejected() {
        assertThatThrownBy(() -> send("DANCE", "call-9", null, Map.of()))
                .isInstanceOf(CamelExecutionException.class).cause()
                .hasMessageContaining("expected OPEN, AUDIO, TEXT, TOOL_RESULT or CLOSE");
    }

    @Test
    void aToolResultWithoutItsToolUseIdIsRejectedNamingTheHeader() {
        assertThatThrownBy(() -> send("TOOL_RESULT", "call-10", "{}", Map.of()))
                .isInstanceOf(CamelExecutionException.class).rootCause()
                .hasMessageContaining(NovaSonicConstants.TOOL_USE_ID);
    }

    private void send(String operation, String callId, Object body, Map<String, Object> extra) {
        Map<String, Object> headers = new java.util.HashMap<>(extra);
        headers.put(NovaSonicConstants.OPERATION, operation);
        headers.put(NovaSonicConstants.CALL_ID, callId);
        template.sendBodyAndHeaders("direct:media", body, headers);
    }

    private List<String> types() {
        return received.stream().map(e -> e.getIn().getHeader(NovaSonicConstants.EVENT_TYPE, String.class)).toList();
    }

    /** A loud 440 Hz burst ("speech") then silence, in 20 ms frames. */
    static List<short[]> tone(int rate, int toneMs, int silenceMs) {
        List<short[]> frames = new java.util.ArrayList<>();
        int frame = rate / 50;
        for (int f = 0; f < (toneMs + silenceMs) / 20; f++) {
            short[] samples = new short[frame];
            for (int i = 0; f < toneMs / 20 && i < frame; i++) {
                samples[i] = (short) (10000 * Math.sin(2 * Math.PI * 440 * (f * frame + i) / rate));
            }
            frames.add(samples);
        }
        return frames;
    }
}
