package io.voicegateway.cli;

import io.voicegateway.audio.AudioFiles;
import io.voicegateway.audio.PcmAudio;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** What a simulated caller needs, shared by {@code call} and {@code load} (a picocli mixin). */
public final class CallerOptions {

    @Option(names = "--base-url", defaultValue = "http://localhost:7860", description = "Gateway URL (default ${DEFAULT-VALUE}).")
    URI baseUrl;

    @Option(names = "--api-key", defaultValue = "${env:API_KEY}",
            description = "API key for the gateway's /calls (and /metrics when not public); default: env API_KEY.")
    String apiKey;

    @Option(names = "--wav", description = "What the caller says: WAV (PCM16 or μ-law, any rate) or raw .ulaw. Default: a built-in utterance.")
    Path wav;

    @Option(names = "--barge-at", defaultValue = "-1", description = "Talk over each reply this many ms after it starts playing (default: never).")
    int bargeAtMs;

    /** The caller's utterance: the --wav file, or the built-in one. */
    PcmAudio speech() throws IOException {
        return wav != null ? AudioFiles.read(wav) : CallerAudioSamples.defaultUtterance();
    }
}
