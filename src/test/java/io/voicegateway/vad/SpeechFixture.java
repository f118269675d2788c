package io.voicegateway.vad;

import io.voicegateway.audio.AudioFiles;
import io.voicegateway.audio.PcmAudio;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * A WAV made by scripts/make-audio-fixtures.sh and the true onsets of its utterances, read from the
 * onsets.csv the script writes next to the files (so no expected value is typed into a test).
 */
record SpeechFixture(String file, List<Long> onsetsMs) {

    static final Path DIR = resource("/audio");

    static List<SpeechFixture> all() {
        try {
            return Files.readAllLines(DIR.resolve("onsets.csv")).stream()
                    .skip(1)
                    .map(line -> line.split(",", -1))
                    .map(cols -> new SpeechFixture(cols[0], cols[1].isEmpty() ? List.of()
                            : Arrays.stream(cols[1].split(";")).map(Long::valueOf).toList()))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static SpeechFixture named(String file) {
        return all().stream().filter(f -> f.file.equals(file)).findFirst().orElseThrow();
    }

    Path path() {
        return DIR.resolve(file);
    }

    PcmAudio audio() {
        try {
            return AudioFiles.read(path());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public String toString() {
        return file;
    }

    private static Path resource(String name) {
        try {
            return Path.of(SpeechFixture.class.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
