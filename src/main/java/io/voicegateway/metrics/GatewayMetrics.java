package io.voicegateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.voicegateway.nova.NovaError;
import io.voicegateway.nova.session.NovaSessionObserver;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.springframework.stereotype.Component;

/**
 * Every meter of the gateway, named in this one place (Prometheus names in the comments: Micrometer turns dots
 * into underscores, adds {@code _total} to counters and {@code _seconds} to timers). No meter carries a per-call
 * tag: tags have a handful of fixed values. Hot-path methods only increment pre-registered meters.
 */
@Component
public class GatewayMetrics implements NovaSessionObserver {

    private static final Duration[] SLO = {Duration.ofNanos(100_000), Duration.ofNanos(500_000), Duration.ofMillis(1),
        Duration.ofMillis(2), Duration.ofMillis(5), Duration.ofMillis(20), Duration.ofMillis(50), Duration.ofMillis(80),
        Duration.ofMillis(200), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofSeconds(2)};

    private final MeterRegistry registry;
    /** gateway_frames_inbound_total: caller frames taken into the pipeline. */
    private final Counter framesIn;
    /** gateway_frames_outbound_total: 20 ms frames of model audio sent to callers. */
    private final Counter framesOut;
    /** gateway_frame_processing_seconds: inbound frame, route start → handed to the model stream. */
    private final Timer frameProcessing;
    /** gateway_frames_late_total: inbound frames whose processing took longer than a frame (20 ms). */
    private final Counter framesLate;
    /** gateway_vad_inference_seconds: one Silero window (32 ms of audio). */
    private final Timer vadInference;
    /** gateway_model_audio_forward_seconds: model audio chunk received → its frames sent to the caller. */
    private final Timer modelAudioForward;
    /** gateway_reply_latency_seconds: caller's last speech frame → first reply frame sent. */
    private final Timer replyLatency;
    /** gateway_bargein_latency_seconds: first frame of the caller's speech over the model → clear sent. */
    private final Timer bargeInLatency;

    public GatewayMetrics(MeterRegistry registry) {
        this.registry = registry;
        framesIn = Counter.builder("gateway.frames.inbound").description("Caller frames received").register(registry);
        framesOut = Counter.builder("gateway.frames.outbound").description("Model audio frames sent").register(registry);
        framesLate = Counter.builder("gateway.frames.late").description("Inbound frames processed slower than 20 ms")
                .register(registry);
        frameProcessing = latency("gateway.frame.processing", "Inbound frame processing time");
        vadInference = latency("gateway.vad.inference", "Silero VAD inference per 32 ms window");
        modelAudioForward = latency("gateway.model.audio.forward", "Model audio chunk to caller frames sent");
        replyLatency = latency("gateway.reply.latency", "Caller turn end to first reply frame");
        bargeInLatency = latency("gateway.bargein.latency", "Caller speech onset over the model to clear sent");
    }

    private Timer latency(String name, String description) {
        return Timer.builder(name).description(description).publishPercentiles(0.5, 0.95, 0.99)
                .serviceLevelObjectives(SLO).distributionStatisticExpiry(Duration.ofSeconds(60))
                .register(registry);
    }

    public void frameIn() {
        framesIn.increment();
    }

    public void framesOut(int n) {
        framesOut.increment(n);
    }

    public void frameProcessed(long nanos) {
        frameProcessing.record(nanos, TimeUnit.NANOSECONDS);
        if (nanos > 20_000_000L) {
            framesLate.increment();
        }
    }

    public void vadInference(long nanos) {
        vadInference.record(nanos, TimeUnit.NANOSECONDS);
    }

    public void modelAudioForwarded(long nanos) {
        modelAudioForward.record(nanos, TimeUnit.NANOSECONDS);
    }

    public void replyLatency(long nanos) {
        replyLatency.record(nanos, TimeUnit.NANOSECONDS);
    }

    /** gateway_bargeins_total{source=vad|model}: barge-ins acted on, by who detected them. */
    public void bargeIn(String source, long latencyNanos) {
        registry.counter("gateway.bargeins", "source", source).increment();
        if (latencyNanos >= 0) {
            bargeInLatency.record(latencyNanos, TimeUnit.NANOSECONDS);
        }
    }

    /** gateway_frames_dropped_total{reason}: inbound messages dropped (malformed, unadmitted, error). */
    public void frameDropped(String reason) {
        registry.counter("gateway.frames.dropped", "reason", reason).increment();
    }

    /** gateway_calls_ended_total{status}: calls by final Twilio status word. */
    public void callEnded(String status) {
        registry.counter("gateway.calls.ended", "status", status).increment();
    }

    /** gateway_webhooks_total{result=ok|forged|invalid}. */
    public void webhook(String result) {
        registry.counter("gateway.webhooks", "result", result).increment();
    }

    /** gateway_websocket_refused_total{reason}: media streams refused at admission. */
    public void streamRefused(String reason) {
        registry.counter("gateway.websocket.refused", "reason", reason).increment();
    }

    /**
     * gateway_api_refused_total{reason}: REST requests the API's guards refused (unauthorized, forbidden,
     * rate_limited, destination_not_allowed, twilio_busy): key guessing, toll-fraud attempts, a full Twilio pool.
     */
    public void apiRefused(String reason) {
        registry.counter("gateway.api.refused", "reason", reason).increment();
    }

    /** gateway_nova_sessions_total{event=opened|renewed|reopened|failed, reason}. */
    private void session(String event, String reason) {
        registry.counter("gateway.nova.sessions", "event", event, "reason", reason).increment();
    }

    @Override
    public void opened(String callId) {
        session("opened", "none");
    }

    @Override
    public void renewed(String callId) {
        session("renewed", "none");
    }

    @Override
    public void reopened(String callId, NovaError cause) {
        session("reopened", cause.name().toLowerCase(Locale.ROOT));
    }

    @Override
    public void failed(String callId, NovaError cause) {
        session("failed", cause.name().toLowerCase(Locale.ROOT));
    }

    Timer frameProcessingTimer() {
        return frameProcessing;
    }

    Timer vadTimer() {
        return vadInference;
    }

    Timer replyTimer() {
        return replyLatency;
    }

    Counter framesInCounter() {
        return framesIn;
    }

    Counter framesOutCounter() {
        return framesOut;
    }

    double bargeIns() {
        return registry.find("gateway.bargeins").counters().stream().mapToDouble(Counter::count).sum();
    }
}
