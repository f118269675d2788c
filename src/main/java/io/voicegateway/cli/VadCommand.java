package io.voicegateway.cli;

import io.voicegateway.audio.AudioFiles;
import io.voicegateway.audio.PcmAudio;
import io.voicegateway.vad.SileroVadModel;
import io.voicegateway.vad.TurnDetector;
import io.voicegateway.vad.VadEvent;
import io.voicegateway.vad.VadModelException;
import io.voicegateway.vad.VadStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * Runs the gateway's VAD (Silero + the same turn detector the calls use) over an audio file and prints the speech
 * segments, so thresholds can be tuned on recordings. Exit code 2 when the file or model cannot be used.
 */
@Command(name = "vad", mixinStandardHelpOptions = true,
        description = "Print speech segments (start_ms,end_ms) found by the Silero VAD in a WAV or raw μ-law file.")
public final class VadCommand implements Callable<Integer> {

    static final int EXIT_BAD_INPUT = 2;

    @Parameters(index = "0", description = "WAV (PCM16 or μ-law, any rate) or raw 8 kHz μ-law (.ulaw, .ul, .raw)")
    Path file;

    @Option(names = "--threshold", defaultValue = "0.5", description = "Speech probability threshold (default ${DEFAULT-VALUE}).")
    float threshold;

    @Option(names = "--min-speech-ms", defaultValue = "250", description = "Shortest speech that starts a segment, ms (default ${DEFAULT-VALUE}).")
    long minSpeechMs;

    @Option(names = "--min-silence-ms", defaultValue = "700", description = "Silence that ends a segment, ms (default ${DEFAULT-VALUE}).")
    long minSilenceMs;

    @Option(names = "--probs", description = "Print every window as index,start_ms,probability instead of segments.")
    boolean probs;

    @Option(names = "--model", description = "A Silero VAD ONNX file instead of the bundled model.")
    String modelPath;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try {
            TurnDetector turns = new TurnDetector(threshold, minSpeechMs, minSilenceMs);
            PcmAudio audio = AudioFiles.read(file).resampledTo(SileroVadModel.SAMPLE_RATE);
            try (SileroVadModel model = SileroVadModel.fromSetting(modelPath);
                 VadStream stream = model.newStream()) {
                stream.feed(audio.samples(), 0, audio.samples().length, (index, probability) -> {
                    long startMs = index * SileroVadModel.WINDOW_MS;
                    if (probs) {
                        out.printf(Locale.ROOT, "%d,%d,%.6f%n", index, startMs, probability);
                    } else {
                        printSegment(out, turns.onWindow(startMs, SileroVadModel.WINDOW_MS, probability));
                    }
                });
            }
            if (!probs) {
                printSegment(out, turns.finish(audio.durationMs()));
            }
            out.flush();
            return 0;
        } catch (IOException | VadModelException | IllegalArgumentException e) {
            err.println("vad: " + e.getMessage());
            err.flush();
            return EXIT_BAD_INPUT;
        }
    }

    private static void printSegment(PrintWriter out, VadEvent event) {
        if (event instanceof VadEvent.SpeechEnded ended) {
            out.println(ended.startedAtMs() + "," + ended.atMs());
        }
    }
}
