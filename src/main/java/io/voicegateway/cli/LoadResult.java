package io.voicegateway.cli;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of one load run, as the table printed at the end and as the {@code --json} document (same names).
 * Frame counts are the caller's; "lost" compares them with what the gateway counted. Latencies in ms.
 *
 * @param framesLost            frames sent minus the gateway's per-call {@code stats.frames_in}, summed over calls
 * @param gatewayFramesCounted  increase of {@code gateway_frames_inbound_total} during the run
 * @param framesLate            sender ticks that had to catch up (the load generator fell behind its 20 ms clock)
 * @param gatewayFramesLate     increase of {@code gateway_frames_late_total} (frames the gateway took > 20 ms for)
 * @param gatewayFrameP99Ms     p99 of {@code gateway_frame_processing_seconds} over the run, interpolated within
 *                              histogram buckets (bucket resolution: 0.1, 0.5, 1, 2, 5, 20 ms …)
 * @param gatewayFrameMeanMs    its mean ({@code _sum}/{@code _count} delta)
 * @param cpuMean               mean of the sampled {@code process_cpu_usage} (0–1 of all cores)
 * @param cpuUsPerFrame         gateway CPU time ({@code process_cpu_time_ns_total} delta) per inbound frame, in µs:
 *                              all its work (both directions, the emulator in local mode, GC, JIT) over the frames
 *                              in; unlike latencies, barely moved by other processes on the machine
 * @param queueDelayP50Ms       p50 of {@code gateway_frame_queue_delay_seconds} over the run (arrival at the
 *                              gateway's WebSocket → its call's worker starts on the frame), bucket resolution
 * @param queueDelayP99Ms       p99 of the same
 * @param frameAgeP99Ms         p99 of {@code gateway_frame_age_seconds} (arrival → handed to the model)
 * @param gcPauseMs             total GC pause during the run ({@code jvm_gc_pause_seconds_sum} delta)
 */
record LoadResult(int calls, int ok, int failed, Map<String, Integer> errors, long turns, double wallSeconds,
                  long framesSent, long framesReceived, long framesLost, long gatewayFramesCounted,
                  long framesLate, long gatewayFramesLate, long gatewayFramesDropped,
                  Percentiles replyMs, Percentiles bargeInMs,
                  Double gatewayFrameP50Ms, Double gatewayFrameP99Ms, Double gatewayFrameMeanMs,
                  Double queueDelayP50Ms, Double queueDelayP99Ms, Double frameAgeP99Ms,
                  Double cpuMean, Double cpuMax, Double cpuUsPerFrame, Double gcPauseMs,
                  Double heapBeforeMb, Double heapAfterMb, Double heapMaxMb) {

    /** The result as a flat, ordered map: the {@code --json} document. */
    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("calls", calls);
        m.put("calls_ok", ok);
        m.put("calls_failed", failed);
        m.put("errors", errors);
        m.put("turns", turns);
        m.put("wall_s", round(wallSeconds));
        m.put("frames_sent", framesSent);
        m.put("frames_received", framesReceived);
        m.put("frames_lost", framesLost);
        m.put("gateway_frames_counted", gatewayFramesCounted);
        m.put("frames_late", framesLate);
        m.put("gateway_frames_late", gatewayFramesLate);
        m.put("gateway_frames_dropped", gatewayFramesDropped);
        putPercentiles(m, "reply_latency_ms", replyMs);
        putPercentiles(m, "barge_in_latency_ms", bargeInMs);
        m.put("gateway_frame_p50_ms", round(gatewayFrameP50Ms));
        m.put("gateway_frame_p99_ms", round(gatewayFrameP99Ms));
        m.put("gateway_frame_mean_ms", round(gatewayFrameMeanMs));
        m.put("queue_delay_p50_ms", round(queueDelayP50Ms));
        m.put("queue_delay_p99_ms", round(queueDelayP99Ms));
        m.put("frame_age_p99_ms", round(frameAgeP99Ms));
        m.put("cpu_mean", round(cpuMean));
        m.put("cpu_max", round(cpuMax));
        m.put("cpu_us_per_frame", round(cpuUsPerFrame));
        m.put("gc_pause_ms", round(gcPauseMs));
        m.put("heap_before_mb", round(heapBeforeMb));
        m.put("heap_after_mb", round(heapAfterMb));
        m.put("heap_max_mb", round(heapMaxMb));
        return m;
    }

    private static void putPercentiles(Map<String, Object> m, String name, Percentiles p) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("count", p.count());
        values.put("p50", round(p.p50()));
        values.put("p95", round(p.p95()));
        values.put("p99", round(p.p99()));
        values.put("max", round(p.max()));
        m.put(name, values);
    }

    /** The human-readable table. */
    String table() {
        StringBuilder t = new StringBuilder();
        row(t, "calls", "%d ok, %d failed (of %d), %d turns, %.1f s", ok, failed, calls, turns, wallSeconds);
        errors.forEach((error, n) -> row(t, "  failure", "%d × %s", n, error));
        row(t, "frames sent", "%d", framesSent);
        row(t, "frames received", "%d (reply audio, 20 ms each)", framesReceived);
        row(t, "frames lost", "%d (gateway counted %d of %d sent)", framesLost, gatewayFramesCounted, framesSent);
        row(t, "frames late", "%d caller ticks caught up; gateway: %d frames > 20 ms, %d dropped", framesLate,
                gatewayFramesLate, gatewayFramesDropped);
        row(t, "reply latency", "%s", latency(replyMs));
        row(t, "barge-in latency", "%s", latency(bargeInMs));
        row(t, "gateway frame", "p50 %s  p99 %s  mean %s ms (p50/p99 at bucket resolution)", fmt(gatewayFrameP50Ms),
                fmt(gatewayFrameP99Ms), fmt(gatewayFrameMeanMs));
        row(t, "queueing delay", "p50 %s  p99 %s ms; frame age p99 %s ms (arrival → model, bucket resolution)",
                fmt(queueDelayP50Ms), fmt(queueDelayP99Ms), fmt(frameAgeP99Ms));
        row(t, "gateway CPU", "mean %s  max %s %% of all cores; %s µs CPU per inbound frame; GC pauses %s ms",
                pct(cpuMean), pct(cpuMax), fmt(cpuUsPerFrame), fmt(gcPauseMs));
        row(t, "gateway heap", "%s MB before, %s MB after, %s MB max sampled", fmt(heapBeforeMb), fmt(heapAfterMb),
                fmt(heapMaxMb));
        return t.toString();
    }

    private static String latency(Percentiles p) {
        if (p.count() == 0) {
            return "- (none measured)";
        }
        return String.format(Locale.ROOT, "p50 %s  p95 %s  p99 %s  max %s ms (n=%d)", fmt(p.p50()), fmt(p.p95()),
                fmt(p.p99()), fmt(p.max()), p.count());
    }

    private static void row(StringBuilder t, String name, String format, Object... args) {
        t.append(String.format(Locale.ROOT, "%-18s " + format + "%n", prepend(name, args)));
    }

    private static Object[] prepend(Object first, Object[] rest) {
        Object[] all = new Object[rest.length + 1];
        all[0] = first;
        System.arraycopy(rest, 0, all, 1, rest.length);
        return all;
    }

    static String fmt(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, v < 10 ? "%.2f" : "%.1f", v);
    }

    private static String pct(Double v) {
        return v == null ? "-" : String.format(Locale.ROOT, "%.0f", v * 100);
    }

    private static Double round(Double v) {
        return v == null ? null : Math.round(v * 1000) / 1000.0;
    }
}
