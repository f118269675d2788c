package io.voicegateway.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.voicegateway.nova.NovaError;
import io.voicegateway.nova.session.NovaSessionObserver;
import java.time.Duration;
import java.util.List;
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

    /** Histogram buckets: fine at the bottom so 0.05, 0.1, 0.2 and 0.5 ms frame and queueing times differ. */
    private static final Duration[] SLO = {Duration.ofNanos(50_000), Duration.ofNanos(100_000),
        Duration.ofNanos(200_000), Duration.ofNanos(500_000), Duration.ofMillis(1), Duration.ofMillis(2),
        Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(50),
        Duration.ofMillis(80), Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(500),
        Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(5)};

    /** Label values each counter is registered with at startup, so every series exists (at 0) before it moves. */
    public static final List<String> BARGE_IN_SOURCES = List.of("vad", "model");
    /**
     * no_stream: no admitted stream; stale: waited longer than overload.stale-audio-ms; queue_full: see
     * ConnectionQueues; model_backlog: the model stream's input queue was full (a stalled Bedrock stream).
     */
    public static final List<String> DROP_REASONS = List.of("no_stream", "malformed", "before_start", "stale",
            "queue_full", "model_backlog");
    public static final List<String> WEBHOOK_RESULTS = List.of("ok", "forged", "invalid");
    public static final List<String> REFUSAL_REASONS = List.of("unknown_call", "ended_call", "duplicate_stream",
            "signature", "token", "unsigned", "start_timeout", "oversize", "flood");
    public static final List<String> DECLINE_REASONS = List.of("draining", "max_calls", "overloaded");
    public static final List<String> TIMEOUT_REASONS = List.of("stream_wait", "model_reply");
    /** Refusals by the REST API's guards (see ApiErrorResponder). */
    public static final List<String> API_REFUSAL_REASONS = List.of("unauthorized", "forbidden", "rate_limited",
            "destination_not_allowed", "twilio_busy");
    public static final List<String> TRANSFER_OUTCOMES = List.of("ok", "failed");
    /**
     * Batched VAD windows not evaluated in time: late (the frame's wait for its result ran out; the result came with
     * a later frame), dropped (the batcher was 16 windows behind; the window got no probability).
     */
    public static final List<String> VAD_BATCH_MISSES = List.of("late", "dropped");

    private final MeterRegistry registry;
    /** gateway_frames_inbound_total: caller frames taken into the pipeline. */
    private final Counter framesIn;
    /** gateway_frames_outbound_total: 20 ms frames of model audio sent to callers. */
    private final Counter framesOut;
    /** gateway_frame_processing_seconds: inbound frame, route start → handed to the model stream. */
    private final Timer frameProcessing;
    /** gateway_frames_late_total: inbound frames whose processing took longer than a frame (20 ms). */
    private final Counter framesLate;
    /**
     * gateway_vad_inference_seconds: one Silero run: one 32 ms window, or with vad.batch-tick-ms above 0 one batch
     * of windows from many calls (see gateway_vad_batch_size).
     */
    private final Timer vadInference;
    /** gateway_vad_batch_size: windows per batched Silero run (only with vad.batch-tick-ms above 0). */
    private final DistributionSummary vadBatchSize;
    /** gateway_model_audio_forward_seconds: model audio chunk received → its frames sent to the caller. */
    private final Timer modelAudioForward;
    /** gateway_reply_latency_seconds: caller's last speech frame → first reply frame sent. */
    private final Timer replyLatency;
    /** gateway_bargein_latency_seconds: first frame of the caller's speech over the model → clear sent. */
    private final Timer bargeInLatency;
    /**
     * gateway_frame_queue_delay_seconds: inbound frame's arrival at the WebSocket consumer (event loop) → taken
     * into the pipeline on its connection's worker: the time spent waiting behind the call's earlier messages.
     */
    private final Timer queueDelay;
    /** gateway_frame_age_seconds: inbound frame's arrival at the WebSocket consumer → handed to the model stream. */
    private final Timer frameAge;

    public GatewayMetrics(MeterRegistry registry) {
        this.registry = registry;
        framesIn = Counter.builder("gateway.frames.inbound").description("Caller frames received").register(registry);
        framesOut = Counter.builder("gateway.frames.outbound").description("Model audio frames sent").register(registry);
        framesLate = Counter.builder("gateway.frames.late").description("Inbound frames processed slower than 20 ms")
                .register(registry);
        frameProcessing = latency("gateway.frame.processing", "Inbound frame processing time");
        vadInference = latency("gateway.vad.inference", "Silero VAD inference per 32 ms window or batch run");
        vadBatchSize = DistributionSummary.builder("gateway.vad.batch.size")
                .description("Windows per batched Silero VAD run").publishPercentiles(0.5, 0.95, 0.99)
                .distributionStatisticExpiry(Duration.ofSeconds(60)).register(registry);
        modelAudioForward = latency("gateway.model.audio.forward", "Model audio chunk to caller frames sent");
        replyLatency = latency("gateway.reply.latency", "Caller turn end to first reply frame");
        bargeInLatency = latency("gateway.bargein.latency", "Caller speech onset over the model to clear sent");
        queueDelay = latency("gateway.frame.queue.delay", "Inbound frame arrival to processing start");
        frameAge = latency("gateway.frame.age", "Inbound frame arrival to handed to the model");
        BARGE_IN_SOURCES.forEach(source -> registry.counter("gateway.bargeins", "source", source));
        DROP_REASONS.forEach(reason -> registry.counter("gateway.frames.dropped", "reason", reason));
        WEBHOOK_RESULTS.forEach(result -> registry.counter("gateway.webhooks", "result", result));
        REFUSAL_REASONS.forEach(reason -> registry.counter("gateway.websocket.refused", "reason", reason));
        DECLINE_REASONS.forEach(reason -> registry.counter("gateway.calls.declined", "reason", reason));
        TIMEOUT_REASONS.forEach(reason -> registry.counter("gateway.calls.timed.out", "reason", reason));
        API_REFUSAL_REASONS.forEach(reason -> registry.counter("gateway.api.refused", "reason", reason));
        VAD_BATCH_MISSES.forEach(outcome -> registry.counter("gateway.vad.batch.misses", "outcome", outcome));
        TRANSFER_OUTCOMES.forEach(outcome -> registry.counter("gateway.transfers", "outcome", outcome));
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

    public void frameQueued(long nanos) {
        queueDelay.record(nanos, TimeUnit.NANOSECONDS);
    }

    public void frameHandedOn(long ageNanos) {
        frameAge.record(ageNanos, TimeUnit.NANOSECONDS);
    }

    public void vadInference(long nanos) {
        vadInference.record(nanos, TimeUnit.NANOSECONDS);
    }

    /** One batched Silero run of {@code windows} windows from as many calls. */
    public void vadBatch(int windows, long nanos) {
        vadInference.record(nanos, TimeUnit.NANOSECONDS);
        vadBatchSize.record(windows);
    }

    /** gateway_vad_batch_misses_total{outcome=late|dropped}: {@code n} batched windows not evaluated in time. */
    public void vadBatchMisses(String outcome, long n) {
        if (n > 0) {
            registry.counter("gateway.vad.batch.misses", "outcome", outcome).increment(n);
        }
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

    @Override
    public void inputDropped(String callId) {
        frameDropped("model_backlog");
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

    /** gateway_calls_timed_out_total{reason=stream_wait|model_reply}: calls ended by a media timeout. */
    public void callTimedOut(String reason) {
        registry.counter("gateway.calls.timed.out", "reason", reason).increment();
    }

    /** gateway_calls_declined_total{reason=draining|max_calls|overloaded}: new calls turned away at admission. */
    public void callDeclined(String reason) {
        registry.counter("gateway.calls.declined", "reason", reason).increment();
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

    /**
     * gateway_tool_calls_total{tool,outcome=ok|error|timeout|unknown_tool} and gateway_tool_call_seconds: the
     * model's tool calls ({@code tool} is a configured tool name, a short fixed list; unknown names count as
     * "unknown").
     */
    public void toolCall(String tool, String outcome, long nanos) {
        registry.counter("gateway.tool.calls", "tool", "unknown_tool".equals(outcome) ? "unknown" : tool,
                "outcome", outcome).increment();
        Timer.builder("gateway.tool.call").description("Tool call, model request to result sent")
                .register(registry).record(nanos, TimeUnit.NANOSECONDS);
    }

    /** gateway_transfers_total{outcome=ok|failed}: calls handed to a person through Twilio. */
    public void transfer(String outcome) {
        registry.counter("gateway.transfers", "outcome", outcome).increment();
    }

    /** gateway_model_tokens_total{direction=input|output,kind=speech|text}: tokens Nova reported using. */
    public void modelTokens(String direction, String kind, long tokens) {
        if (tokens > 0) {
            registry.counter("gateway.model.tokens", "direction", direction, "kind", kind).increment(tokens);
        }
    }

    Timer frameProcessingTimer() {
        return frameProcessing;
    }

    Timer queueDelayTimer() {
        return queueDelay;
    }

    Timer frameAgeTimer() {
        return frameAge;
    }

    DistributionSummary vadBatchSizeSummary() {
        return vadBatchSize;
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
