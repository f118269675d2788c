package io.voicegateway.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.Vertx;
import io.voicegateway.audio.PcmAudio;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code load}: many simulated calls at once from one process, each behaving like {@code call}, with the
 * caller-side and gateway-side figures of the run in one table.
 */
@Command(name = "load", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Run N concurrent simulated calls against a local-mode gateway (one shared Vert.x, no thread per call).",
            "",
            "Call i starts at i × ramp / N. Each call behaves like `call`: it says its utterance, listens to the "
                + "reply (talking over it --barge-at ms after it starts playing, if given) and hangs up once the "
                + "last reply has played out and 1.5 s passed quietly.",
            "With --duration-s every call keeps taking turns while it is younger than the duration: after each "
                + "reply it speaks again (by barging in, or 0.5 s after the reply played out); the turn in "
                + "progress when the duration ends is finished and its reply heard. So all N calls are up together "
                + "from the end of the ramp to about ramp + duration; expect the run to take ramp + duration + "
                + "a few seconds.",
            "",
            "Lost frames = frames sent minus the gateway's per-call stats.frames_in; late frames = sender ticks "
                + "that had to catch up (the load generator itself fell behind). The gateway's frame p50/p99 come "
                + "from its histogram buckets, interpolated (bucket resolution), as do its queueing delay (frame arrival → "
                + "processing start) and frame age (arrival → handed to the model). CPU and heap are the gateway's, "
                + "sampled from /metrics every 2 s. The load generator runs on the same machine: on a small box it "
                + "competes with the gateway for CPU."})
public final class LoadCommand implements Callable<Integer> {

    static final String FRAME_HISTOGRAM = "gateway_frame_processing_seconds";
    static final String QUEUE_DELAY_HISTOGRAM = "gateway_frame_queue_delay_seconds";
    static final String FRAME_AGE_HISTOGRAM = "gateway_frame_age_seconds";
    private static final double MB = 1024.0 * 1024.0;

    @Option(names = "--calls", required = true, description = "Concurrent calls.")
    int calls;

    @Option(names = "--ramp-s", defaultValue = "0", description = "Start the calls evenly over this many seconds (default ${DEFAULT-VALUE}).")
    double rampS;

    @Option(names = "--duration-s", defaultValue = "0", description = "Keep each call talking, turn after turn, for this many seconds (default: one turn).")
    double durationS;

    @picocli.CommandLine.Mixin
    CallerOptions caller;

    @Option(names = "--json", description = "Also write the figures to this JSON file.")
    Path jsonOut;

    @Option(names = "--timeout-s", defaultValue = "120", description = "Fail a call still running this long after its duration (default ${DEFAULT-VALUE}).")
    int timeoutS;

    @Option(names = "--quiet", description = "No progress bar.")
    boolean quiet;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PcmAudio speech;
        try {
            speech = caller.speech();
        } catch (IOException e) {
            spec.commandLine().getErr().println("load: " + e.getMessage());
            return 2;
        }
        long rampMs = (long) (rampS * 1000);
        long durationMs = (long) (durationS * 1000);
        long maxCallMs = durationMs + timeoutS * 1000L;
        GatewayProbe probe = new GatewayProbe(caller.baseUrl, caller.apiKey);
        Vertx vertx = Vertx.vertx();
        try {
            PrometheusText before = probe.scrape();
            Samples samples = new Samples(); // during the run only: idle before/after would dilute the CPU mean
            LoadRun run = new LoadRun(vertx, caller.baseUrl, new CallerAudio(speech),
                    new SimulatedCaller.Options(caller.bargeAtMs, maxCallMs, durationMs, false), calls, rampMs);
            long started = System.nanoTime();
            run.start();
            waitWithProgress(run, probe, samples, started, rampMs + maxCallMs + 10_000);
            double wallS = (System.nanoTime() - started) / 1e9;
            List<CallReport> reports = run.reports();
            long lost = lostFrames(probe, reports);
            PrometheusText after = probe.scrape();
            LoadResult result = result(run, reports, lost, before, after, samples, wallS);
            spec.commandLine().getOut().print(result.table());
            spec.commandLine().getOut().flush();
            if (jsonOut != null) {
                new ObjectMapper().writerWithDefaultPrettyPrinter().writeValue(jsonOut.toFile(), result.toMap());
            }
            return result.failed() == 0 ? 0 : 1;
        } finally {
            vertx.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        }
    }

    private void waitWithProgress(LoadRun run, GatewayProbe probe, Samples samples, long started, long maxMs)
            throws InterruptedException {
        PrintWriter err = spec.commandLine().getErr();
        int second = 0;
        while (!run.await(1, TimeUnit.SECONDS)) {
            second++;
            if (second % 2 == 0) {
                samples.add(probe.scrape());
            }
            if (!quiet) {
                err.print("\r" + Progress.line(run.calls(), run.active(), run.ok(), run.failed(),
                        (System.nanoTime() - started) / 1_000_000_000L));
                err.flush();
            }
            if ((System.nanoTime() - started) / 1_000_000 > maxMs) {
                break;
            }
        }
        if (!quiet) {
            err.println("\r" + Progress.line(run.calls(), run.active(), run.ok(), run.failed(),
                    (System.nanoTime() - started) / 1_000_000_000L));
            err.flush();
        }
    }

    /**
     * Frames the gateway did not count, per call, summed. The gateway may still be working through a queue when
     * a caller hangs up, so a call that looks short is asked again (up to 3 s) before its frames count as lost.
     */
    private static long lostFrames(GatewayProbe probe, List<CallReport> reports) throws InterruptedException {
        long lost = 0;
        for (CallReport report : reports) {
            if (report.callId() == null || report.framesSent() == 0) {
                continue;
            }
            long counted = probe.framesIn(report.callId());
            for (int retry = 0; retry < 3 && counted >= 0 && counted < report.framesSent(); retry++) {
                Thread.sleep(1000);
                counted = probe.framesIn(report.callId());
            }
            if (counted >= 0) {
                lost += Math.max(0, report.framesSent() - counted);
            }
        }
        return lost;
    }

    private static LoadResult result(LoadRun run, List<CallReport> reports, long lost, PrometheusText before,
                                     PrometheusText after, Samples samples, double wallS) {
        Map<String, Integer> errors = new TreeMap<>();
        List<Double> reply = new ArrayList<>();
        List<Double> bargeIn = new ArrayList<>();
        long sent = 0;
        long received = 0;
        long late = 0;
        long turns = 0;
        for (CallReport r : reports) {
            if (!r.ok()) {
                errors.merge(r.error(), 1, Integer::sum);
            }
            reply.addAll(r.replyLatenciesMs());
            bargeIn.addAll(r.bargeInLatenciesMs());
            sent += r.framesSent();
            received += r.framesReceived();
            late += r.lateFrames();
            turns += r.turns();
        }
        int failed = run.calls() - run.ok();
        boolean scraped = after.has(FRAME_HISTOGRAM + "_count");
        double frames = delta(before, after, FRAME_HISTOGRAM + "_count");
        TreeMap<Double, Double> bucketsBefore = before.buckets(FRAME_HISTOGRAM);
        TreeMap<Double, Double> bucketsAfter = after.buckets(FRAME_HISTOGRAM);
        return new LoadResult(run.calls(), run.ok(), failed, errors, turns, wallS, sent, received, lost,
                (long) delta(before, after, "gateway_frames_inbound_total"), late,
                (long) delta(before, after, "gateway_frames_late_total"),
                (long) delta(before, after, "gateway_frames_dropped_total"),
                Percentiles.of(reply), Percentiles.of(bargeIn),
                ms(PrometheusText.quantileOfDelta(bucketsBefore, bucketsAfter, 0.50)),
                ms(PrometheusText.quantileOfDelta(bucketsBefore, bucketsAfter, 0.99)),
                scraped && frames > 0 ? delta(before, after, FRAME_HISTOGRAM + "_sum") / frames * 1000 : null,
                quantileMs(before, after, QUEUE_DELAY_HISTOGRAM, 0.50), quantileMs(before, after, QUEUE_DELAY_HISTOGRAM, 0.99),
                quantileMs(before, after, FRAME_AGE_HISTOGRAM, 0.99),
                samples.cpuMean(), samples.cpuMax(),
                scraped && frames > 0 ? delta(before, after, "process_cpu_time_ns_total") / 1000 / frames : null,
                scraped ? delta(before, after, "jvm_gc_pause_seconds_sum") * 1000 : null,
                heapMb(before), heapMb(after), samples.heapMaxMb());
    }

    private static double delta(PrometheusText before, PrometheusText after, String name) {
        return after.sum(name) - before.sum(name);
    }

    private static Double quantileMs(PrometheusText before, PrometheusText after, String histogram, double q) {
        return ms(PrometheusText.quantileOfDelta(before.buckets(histogram), after.buckets(histogram), q));
    }

    private static Double ms(Double seconds) {
        return seconds == null ? null : seconds * 1000;
    }

    private static Double heapMb(PrometheusText scrape) {
        return scrape.has("jvm_memory_used_bytes") ? scrape.sum("jvm_memory_used_bytes", "area=\"heap\"") / MB : null;
    }

    /** The gateway's CPU and heap, sampled during the run. */
    private static final class Samples {
        private final List<Double> cpu = new ArrayList<>();
        private Double heapMax;

        void add(PrometheusText scrape) {
            if (scrape.has("process_cpu_usage")) {
                cpu.add(scrape.sum("process_cpu_usage"));
            }
            Double heap = heapMb(scrape);
            if (heap != null) {
                heapMax = heapMax == null ? heap : Math.max(heapMax, heap);
            }
        }

        Double cpuMean() {
            return cpu.isEmpty() ? null : cpu.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        }

        Double cpuMax() {
            return cpu.isEmpty() ? null : cpu.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        }

        Double heapMaxMb() {
            return heapMax;
        }
    }
}
