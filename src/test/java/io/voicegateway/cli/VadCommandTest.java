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
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rules: {@code vad FILE} prints one {@code start_ms,end_ms} line per utterance; {@code --probs} prints one
 * {@code index,start_ms,probability} line per 32 ms window; a bad file is one line on stderr and exit code 2.
 */
class VadCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void capture() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    @Test
    void printsOneSegmentPerUtteranceStartingNearTheTrueOnsets() {
        int code = Commands.run(new String[] {"vad", fixture("two-utterances.wav").toString()});

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

        assertThat(Commands.run(new String[] {"vad", file.toString(), "--probs"})).isZero();

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

        assertThat(Commands.run(new String[] {"vad", raw.toString()})).isZero();
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

        assertThat(Commands.run(new String[] {"vad", wav.toString()})).isZero();
        List<String> lines = stdout();
        assertThat(lines).hasSize(2);
        List<Long> onsets = onsets("two-utterances.wav");
        for (int i = 0; i < lines.size(); i++) {
            assertThat(Long.parseLong(lines.get(i).split(",")[0])).isCloseTo(onsets.get(i), within(64L));
        }
    }

    @Test
    void silencePrintsNoSegment() {
        assertThat(Commands.run(new String[] {"vad", fixture("silence-3s.wav").toString()})).isZero();
        assertThat(stdout()).isEmpty();
    }

    @Test
    void aFileThatIsNotAudioIsOneLineOnStderrAndExitCodeTwo() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.wav"), "hello, not a wav");

        assertThat(Commands.run(new String[] {"vad", text.toString()})).isEqualTo(2);
        assertThat(stdout()).isEmpty();
        assertThat(err.toString(StandardCharsets.UTF_8).lines().toList())
                .singleElement().asString().startsWith("vad: ").contains("not a WAV file");
    }

    @Test
    void aMissingFileIsExitCodeTwo() {
        assertThat(Commands.run(new String[] {"vad", dir.resolve("nope.wav").toString()})).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8).lines().toList()).singleElement().asString().contains("no such file");
    }

    private List<String> stdout() {
        return out.toString(StandardCharsets.UTF_8).lines().toList();
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
