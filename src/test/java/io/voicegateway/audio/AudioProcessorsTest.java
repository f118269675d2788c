package io.voicegateway.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.voicegateway.vad.SileroVadModel;
import io.voicegateway.vad.VadBatcher;
import io.voicegateway.vad.VadEvent;
import io.voicegateway.vad.VadProperties;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.AfterAll;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.voicegateway.metrics.GatewayMetrics;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The three per-frame processors chained as the media-stream route will chain them, one 20 ms μ-law frame per
 * exchange. Rules: the body becomes the decoded PCM; VAD headers appear on every frame and {@code VadEvent} only on
 * the frames that start or end a turn; each call id has its own state.
 */
class AudioProcessorsTest {

    private static SileroVadModel model;
    private static CamelContext camel;

    private final CallAudioStates states = new CallAudioStates(new AudioProperties(-55, 200, 20),
            new VadProperties(0.5f, 250, 700, "", 0), () -> model.newStream());
    private final MuLawDecodeProcessor decode = new MuLawDecodeProcessor();
    private final NoiseGateProcessor gate = new NoiseGateProcessor(states);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final VadProcessor vad = new VadProcessor(states, new GatewayMetrics(meters));

    @BeforeAll
    static void start() {
        model = SileroVadModel.loadBundled();
        camel = new DefaultCamelContext();
    }

    @AfterAll
    static void stop() throws Exception {
        camel.close();
        model.close();
    }

    @Test
    void decodingReplacesTheMuLawBodyWithPcm() throws Exception {
        byte[] frame = new byte[160];
        for (int i = 0; i < frame.length; i++) {
            frame[i] = (byte) i;
        }
        Exchange exchange = frame("call-1", frame);
        decode.process(exchange);
        short[] expected = new short[160];
        MuLaw.decode(frame, 0, expected, 0, 160);
        assertThat(exchange.getMessage().getBody()).isEqualTo(expected);
    }

    @Test
    void aCallsFramesGiveOneStartedAndOneEndedEventHeaderPerUtterance() throws Exception {
        List<Exchange> out = runCall("call-1", "two-utterances.wav");

        List<Object> events = out.stream().map(e -> e.getMessage().getHeader(AudioHeaders.VAD_EVENT))
                .filter(e -> e != null).toList();
        assertThat(events).hasSize(4);
        assertThat(events.get(0)).isInstanceOf(VadEvent.SpeechStarted.class);
        assertThat(events.get(1)).isInstanceOf(VadEvent.SpeechEnded.class);
        assertThat(events.get(2)).isInstanceOf(VadEvent.SpeechStarted.class);
        assertThat(events.get(3)).isInstanceOf(VadEvent.SpeechEnded.class);
        assertThat(out).allSatisfy(e -> {
            assertThat(e.getMessage().getHeader(AudioHeaders.VAD_SPEECH_PROBABILITY)).isInstanceOf(Float.class);
            assertThat(e.getMessage().getHeader(AudioHeaders.VAD_SPEAKING)).isInstanceOf(Boolean.class);
        });
        assertThat(out).anyMatch(e -> e.getMessage().getHeader(AudioHeaders.VAD_SPEAKING, Boolean.class))
                .anyMatch(e -> !e.getMessage().getHeader(AudioHeaders.VAD_SPEAKING, Boolean.class));
        // 160-sample frames complete a 256-sample window 5 times in 8 frames; every window is inferred and timed,
        // digital silence too (see VadStream: skipping it would change Silero's later results)
        long windows = out.size() * 160L / 256;
        long inferences = meters.get("gateway.vad.inference").timer().count();
        assertThat(inferences).isEqualTo(windows);
    }

    @Test
    void noiseAloneIsGatedOrAtLeastNeverStartsATurn() throws Exception {
        List<Exchange> out = runCall("call-noise", "noise-3s.wav");
        assertThat(out).noneMatch(e -> e.getMessage().getHeader(AudioHeaders.VAD_EVENT) != null);
        assertThat(out).noneMatch(e -> e.getMessage().getHeader(AudioHeaders.VAD_SPEAKING, Boolean.class));
    }

    @Test
    void eachCallIdGetsItsOwnStateAndRemovingForgetsIt() {
        CallAudioState first = states.get("a");
        assertThat(states.get("a")).isSameAs(first);
        assertThat(states.get("b")).isNotSameAs(first);
        assertThat(states.size()).isEqualTo(2);
        assertThat(states.remove("a")).isTrue();
        assertThat(states.remove("a")).isFalse();
        assertThat(states.get("a")).isNotSameAs(first);
    }

    @Test
    void batchedWindowsTheBatcherDidNotRunInTimeAreCountedAsLate() throws Exception {
        // a batcher whose thread never starts: every window-completing frame waits 1 ms in vain
        try (VadBatcher batcher = new VadBatcher(model, 32, 8, 1, (n, nanos) -> { })) {
            CallAudioStates batchedStates = new CallAudioStates(new AudioProperties(-55, 200, 20),
                    new VadProperties(0.5f, 250, 700, "", 32), batcher::newStream);
            VadProcessor batchedVad = new VadProcessor(batchedStates, new GatewayMetrics(meters));
            for (int i = 0; i < 8; i++) { // 8 frames of 160 samples complete 5 windows of 256
                Exchange exchange = frame("call-batched", new byte[160]);
                decode.process(exchange);
                batchedVad.process(exchange);
            }
            assertThat(meters.get("gateway.vad.batch.misses").tag("outcome", "late").counter().count()).isEqualTo(5);
            assertThat(meters.get("gateway.vad.batch.misses").tag("outcome", "dropped").counter().count()).isZero();
            batchedStates.remove("call-batched");
        }
    }

    @Test
    void aFrameWithoutACallIdIsRejectedNamingTheHeader() {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setBody(new short[160]);
        assertThatThrownBy(() -> vad.process(exchange)).hasMessageContaining(AudioHeaders.CALL_ID);
    }

    private List<Exchange> runCall(String callId, String fixture) throws Exception {
        short[] pcm = AudioFiles.read(Path.of(getClass().getResource("/audio/" + fixture).toURI())).samples();
        byte[] ulaw = new byte[pcm.length];
        MuLaw.encode(pcm, 0, ulaw, 0, pcm.length);
        List<Exchange> out = new ArrayList<>();
        for (int off = 0; off + 160 <= ulaw.length; off += 160) {
            Exchange exchange = frame(callId, Arrays.copyOfRange(ulaw, off, off + 160));
            decode.process(exchange);
            gate.process(exchange);
            vad.process(exchange);
            out.add(exchange);
        }
        return out;
    }

    private static Exchange frame(String callId, byte[] ulaw) {
        Exchange exchange = new DefaultExchange(camel);
        exchange.getMessage().setHeader(AudioHeaders.CALL_ID, callId);
        exchange.getMessage().setBody(ulaw);
        return exchange;
    }
}
