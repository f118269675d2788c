package io.voicegateway.cli;

import io.voicegateway.audio.AudioFiles;
import io.voicegateway.audio.PcmAudio;
import java.io.IOException;
import java.io.InputStream;

/** The utterance the simulator says when given no WAV (made by scripts/make-caller-sample.sh). */
public final class CallerAudioSamples {

    static final String HELLO = "/caller/hello.wav";

    private CallerAudioSamples() {
    }

    public static PcmAudio defaultUtterance() throws IOException {
        try (InputStream in = CallerAudioSamples.class.getResourceAsStream(HELLO)) {
            if (in == null) {
                throw new IOException("built-in utterance " + HELLO + " is missing from the jar");
            }
            return AudioFiles.readWav(in.readAllBytes(), "hello.wav");
        }
    }
}
