package io.voicegateway.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import io.vertx.core.Vertx;
import io.voicegateway.audio.AudioFiles;
import io.voicegateway.audio.MuLaw;
import io.voicegateway.audio.PcmAudio;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code call}: one simulated phone call against a gateway in local mode, playing Twilio's part, for people
 * trying the gateway without a phone: talks, listens, writes what it heard, prints the latencies.
 */
@Command(name = "call", mixinStandardHelpOptions = true,
        description = "Simulate one phone call against a local-mode gateway over the Twilio Media Streams protocol.")
public final class CallCommand implements Callable<Integer> {

    @picocli.CommandLine.Mixin
    CallerOptions caller;

    @Option(names = "--out", description = "Write what the caller heard to this WAV (8 kHz PCM16).")
    Path out;

    @Option(names = "--json", description = "Print the result as JSON.")
    boolean json;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Option(names = "--timeout-s", defaultValue = "60", description = "Give up after this many seconds (default ${DEFAULT-VALUE}).")
    int timeoutS;

    @Override
    public Integer call() throws Exception {
        PcmAudio speech;
        try {
            speech = caller.speech();
        } catch (IOException e) {
            spec.commandLine().getErr().println("call: " + e.getMessage());
            return 2;
        }
        Vertx vertx = Vertx.vertx();
        try {
            CallReport report = new SimulatedCaller(vertx, caller.baseUrl, new CallerAudio(speech),
                    new SimulatedCaller.Options(caller.bargeAtMs, timeoutS * 1000L))
                    .run().toCompletionStage().toCompletableFuture().get(timeoutS + 5L, TimeUnit.SECONDS);
            if (out != null) {
                AudioFiles.writeWav(out, new PcmAudio(decode(report.replyMulaw()), 8000));
            }
            print(report);
            return report.ok() ? 0 : 1;
        } finally {
            vertx.close();
        }
    }

    private static short[] decode(byte[] mulaw) {
        short[] pcm = new short[mulaw.length];
        MuLaw.decode(mulaw, 0, pcm, 0, mulaw.length);
        return pcm;
    }

    private void print(CallReport report) throws IOException {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("call_id", report.callId());
        result.put("ok", report.ok());
        result.put("error", report.error());
        result.put("frames_sent", report.framesSent());
        result.put("frames_received", report.framesReceived());
        result.put("late_frames", report.lateFrames());
        result.put("clears", report.clears());
        result.put("reply_latency_ms", report.replyLatencyMs());
        result.put("barge_in_latency_ms", report.bargeInLatencyMs());
        result.put("reply_audio_ms", report.replyMulaw().length / 8);
        if (json) {
            spec.commandLine().getOut().println(new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                    .writerWithDefaultPrettyPrinter().writeValueAsString(result));
            return;
        }
        result.forEach((k, v) -> spec.commandLine().getOut().printf("%-20s %s%n", k, v == null ? "-" : v));
    }
}
