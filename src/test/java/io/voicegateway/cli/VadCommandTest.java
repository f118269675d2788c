package io.voicegateway.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.voicegateway.audio.MuLaw;
import io.voicegateway.audio.AudioFiles;
import io.voicegateway.audio.PcmAudio;
import java.io.ByteArrayInputStream;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rules: {@code vad FILE} prints one {@code start_ms,end_ms} line per utterance; {@code --probs} prints one
 * {@code index,start_ms,probability} line per 32 ms window; a bad file is one line on stderr and exit code 2.
 */
class VadCommandTest {

    @TempDir
    Path dir;

    // the tool's own writers: a gateway started by another test in this JVM may log to stdout meanwhile
    private final java.io.StringWriter out = new java.io.StringWriter();
    private final java.io.StringWriter err = new java.io.StringWriter();

    private int run(String... args) {
        return Commands.run(new java.io.PrintWriter(out), new java.io.PrintWriter(err), args);
    }

    @Test
    void printsOneSegmentPerUtteranceStartingNearTheTrueOnsets() {
        int code = run("vad", fixture("two-utterances.wav").toString());

        assertThat(code).isZero();
        List<String> lines = stdout();
        assertThat(lines).hasSize(2).allMatch(line -> line.matches("\\d+,\\d+"));
        List<Long> onsets = onsets("two-utterances.wav");
        for (int i = 0; i < lines.size(); i++) {
            long start = Long.parseLong(lines.get(i).split(",")[0]);
            long end = Long.parseLong(lines.get(i).split(",")[1]);
            assertThat(start).isCloseTo(onsets.get(i), within(64L));
            assertThat(end).isGreaterThan(start);
        }
    }

    @Test
    void probsPrintsEveryWindowWithSixDecimals() throws Exception {
        Path file = fixture("one-utterance.wav");
        int samples = AudioFiles.read(file).samples().length;

        assertThat(run("vad", file.toString(), "--probs")).isZero();

        List<String> lines = stdout();
        assertThat(lines).hasSize(samples / 256);
        AtomicInteger index = new AtomicInteger();
        assertThat(lines).allSatisfy(line -> {
            int i = index.getAndIncrement();
            assertThat(line).matches(i + "," + (i * 32) + ",[01]\\.\\d{6}");
        });
    }

    @Test
    void rawMuLawFilesAreReadAsEightKilohertzTelephoneAudio() throws Exception {
        short[] pcm = AudioFiles.read(fixture("one-utterance.wav")).samples();
        byte[] ulaw = new byte[pcm.length];
        MuLaw.encode(pcm, 0, ulaw, 0, pcm.length);
        Path raw = Files.write(dir.resolve("call.ulaw"), ulaw);

        assertThat(run("vad", raw.toString())).isZero();
        assertThat(stdout()).hasSize(1);
        assertThat(Long.parseLong(stdout().get(0).split(",")[0])).isCloseTo(onsets("one-utterance.wav").get(0), within(64L));
    }

    @Test
    void wavFilesAtOtherRatesAreResampledFirst() throws Exception {
        PcmAudio at16k = AudioFiles.read(fixture("two-utterances.wav")).resampledTo(16000);
        Path wav = dir.resolve("wideband.wav");
        byte[] bytes = new byte[at16k.samples().length * 2];
        java.nio.ByteBuffer.wrap(bytes).order(java.nio.ByteOrder.LITTLE_ENDIAN).asShortBuffer().put(at16k.samples());
        AudioFormat format = new AudioFormat(16000, 16, 1, true, false);
        try (AudioInputStream stream = new AudioInputStream(new ByteArrayInputStream(bytes), format, at16k.samples().length)) {
            AudioSystem.write(stream, AudioFileFormat.Type.WAVE, wav.toFile());
        }

        assertThat(run("vad", wav.toString())).isZero();
        List<String> lines = stdout();
        assertThat(lines).hasSize(2);
        List<Long> onsets = onsets("two-utterances.wav");
        for (int i = 0; i < lines.size(); i++) {
            assertThat(Long.parseLong(lines.get(i).split(",")[0])).isCloseTo(onsets.get(i), within(64L));
        }
    }

    @Test
    void silencePrintsNoSegment() {
        assertThat(run("vad", fixture("silence-3s.wav").toString())).isZero();
        assertThat(stdout()).isEmpty();
    }

    @Test
    void aFileThatIsNotAudioIsOneLineOnStderrAndExitCodeTwo() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.wav"), "hello, not a wav");

        assertThat(run("vad", text.toString())).isEqualTo(2);
        assertThat(stdout()).isEmpty();
        assertThat(err.toString().lines().toList())
                .singleElement().asString().startsWith("vad: ").contains("not a WAV file");
    }

    @Test
    void aMissingFileIsExitCodeTwo() {
        assertThat(run("vad", dir.resolve("nope.wav").toString())).isEqualTo(2);
        assertThat(err.toString().lines().toList()).singleElement().asString().contains("no such file");
    }

    private List<String> stdout() {
        return out.toString().lines().toList();
    }

    private static Path fixture(String name) {
        try {
            return Path.of(VadCommandTest.class.getResource("/audio/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Long> onsets(String file) {
        try {
            return Files.readAllLines(fixture("onsets.csv")).stream()
                    .filter(line -> line.startsWith(file + ","))
                    .map(line -> line.split(",", -1)[1])
                    .flatMap(cell -> java.util.Arrays.stream(cell.split(";")))
                    .map(Long::valueOf)
                    .toList();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
