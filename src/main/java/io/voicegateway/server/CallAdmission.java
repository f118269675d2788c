package io.voicegateway.server;

import io.voicegateway.call.CallRegistry;
import io.voicegateway.media.QueueingDelay;
import io.voicegateway.metrics.GatewayMetrics;
import io.voicegateway.nova.NovaEventLoops;
import java.util.Locale;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Whether a new call may start: not while draining, not above {@code overload.max-concurrent-calls}, and not while
 * the gateway is behind real time (inbound queueing delay above {@code overload.queue-delay-ms}, or the model
 * streams' event loops behind by more than {@code overload.model-lag-ms}), so the calls already running keep
 * their audio timely. Asked by the voice webhook (which then answers TwiML that apologises
 * and hangs up) and by POST /make-call and /local/calls (503). Every decline is counted by reason.
 */
@Component
public class CallAdmission {

    private static final Logger LOG = LoggerFactory.getLogger(CallAdmission.class);

    private final DrainState drain;
    private final CallRegistry calls;
    private final QueueingDelay queueing;
    private final OverloadProperties overload;
    private final GatewayMetrics metrics;
    private final LongSupplier modelLagNanos;

    @Autowired
    public CallAdmission(DrainState drain, CallRegistry calls, QueueingDelay queueing, OverloadProperties overload,
                         GatewayMetrics metrics, ObjectProvider<NovaEventLoops> modelLoops) {
        this(drain, calls, queueing, overload, metrics, () -> {
            NovaEventLoops loops = modelLoops.getIfAvailable();
            return loops == null ? 0 : loops.lagNanos();
        });
    }

    /** @param modelLagNanos how far the model streams' event loops are behind (tests give their own) */
    CallAdmission(DrainState drain, CallRegistry calls, QueueingDelay queueing, OverloadProperties overload,
                  GatewayMetrics metrics, LongSupplier modelLagNanos) {
        this.drain = drain;
        this.calls = calls;
        this.queueing = queueing;
        this.overload = overload;
        this.metrics = metrics;
        this.modelLagNanos = modelLagNanos;
    }

    /** Null when a new call is admitted; otherwise the reason (draining, max_calls, overloaded), already counted. */
    public String declineReason() {
        String reason = reason();
        if (reason != null) {
            metrics.callDeclined(reason);
        }
        return reason;
    }

    /** Throws the API's 503 (error = the reason) when a new call is declined. */
    public void admitNewCall() {
        String reason = declineReason();
        if (reason == null) {
            return;
        }
        String message = switch (reason) {
            case "draining" -> "This instance is draining and takes no new calls; retry on another instance";
            case "max_calls" -> "This instance is at its limit of " + overload.maxConcurrentCalls()
                    + " concurrent calls (MAX_CONCURRENT_CALLS); retry later or on another instance";
            default -> "This instance is not keeping up with its calls' audio (inbound queueing delay above "
                    + overload.queueDelayMs() + " ms, OVERLOAD_QUEUE_DELAY_MS, or model streams more than "
                    + overload.modelLagMs() + " ms behind, OVERLOAD_MODEL_LAG_MS); retry later or on another instance";
        };
        throw new ApiException(503, reason, message);
    }

    private String reason() {
        if (drain.isDraining()) {
            return "draining";
        }
        int max = overload.maxConcurrentCalls();
        if (max > 0 && calls.activeCount() >= max) {
            LOG.warn("New call declined: {} calls active, MAX_CONCURRENT_CALLS is {}", calls.activeCount(), max);
            return "max_calls";
        }
        if (behind("inbound queueing delay", queueing.recentMeanMs(), "OVERLOAD_QUEUE_DELAY_MS", overload.queueDelayMs())
                || behind("model-stream event loop lag", modelLagNanos.getAsLong() / 1e6, "OVERLOAD_MODEL_LAG_MS",
                        overload.modelLagMs())) {
            return "overloaded";
        }
        return null;
    }

    /** True (and logged) when {@code valueMs} is above a threshold that is set (> 0): the gateway is behind. */
    private static boolean behind(String what, double valueMs, String setting, int limitMs) {
        if (limitMs <= 0 || valueMs <= limitMs) {
            return false;
        }
        LOG.warn("New call declined: {} {} ms is above {} {}", what, String.format(Locale.ROOT, "%.1f", valueMs),
                setting, limitMs);
        return true;
    }
}
