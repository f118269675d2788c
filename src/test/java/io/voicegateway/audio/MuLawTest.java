package io.voicegateway.audio;

import static org.assertj.core.api.Assertions.assertThat;

import io.voicegateway.SystemTool;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The codec must match sox bit for bit: sox is the reference the fixtures and operators use. sox runs with
 * {@code -D} because by default it dithers when it narrows 16-bit PCM to μ-law, which adds noise to its output.
 */
class MuLawTest {

    @TempDir
    static Path dir;

    @BeforeAll
    static void needsSox() {
        SystemTool.require(SoxSupport.available(), "sox is not installed (apt-get install sox)");
    }

    @Test
    void encodingEverySixteenBitSampleMatchesSox() throws Exception {
        short[] all = new short[65536];
        for (int i = 0; i < all.length; i++) {
            all[i] = (short) (i - 32768);
        }
        Path in = dir.resolve("all.raw");
        Files.write(in, littleEndian(all));
        Path out = dir.resolve("all.ul");
        sox(in, "-t", "raw", "-r", "8000", "-e", "signed", "-b", "16", "-c", "1", in.toString(),
                "-t", "raw", "-e", "mu-law", out.toString());
        byte[] expected = Files.readAllBytes(out);

        byte[] actual = new byte[all.length];
        MuLaw.encode(all, 0, actual, 0, all.length);
        assertThat(actual).isEqualTo(expected);
        for (int i = 0; i < all.length; i += 97) {
            assertThat(MuLaw.encode(all[i])).as("per-sample encode of %d", all[i]).isEqualTo(expected[i]);
        }
    }

    @Test
    void decodingAll256CodesMatchesSox() throws Exception {
        byte[] codes = new byte[256];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = (byte) i;
        }
        Path in = dir.resolve("codes.ul");
        Files.write(in, codes);
        Path out = dir.resolve("codes.raw");
        sox(in, "-t", "raw", "-r", "8000", "-e", "mu-law", "-b", "8", "-c", "1", in.toString(),
                "-t", "raw", "-e", "signed", "-b", "16", out.toString());
        short[] expected = fromLittleEndian(Files.readAllBytes(out));

        short[] actual = new short[256];
        MuLaw.decode(codes, 0, actual, 0, codes.length);
        assertThat(actual).isEqualTo(expected);
        for (int i = 0; i < 256; i++) {
            assertThat(MuLaw.decode(codes[i])).isEqualTo(expected[i]);
        }
    }

    @Test
    void decodingThenEncodingReturnsEveryCodeExceptNegativeZero() {
        for (int code = 0; code < 256; code++) {
            byte back = MuLaw.encode(MuLaw.decode((byte) code));
            // 0x7F is "negative zero": it decodes to 0, which encodes as 0xFF (positive zero).
            int expected = code == 0x7F ? 0xFF : code;
            assertThat(back & 0xFF).as("code %02x", code).isEqualTo(expected);
        }
    }

    @Test
    void arrayMethodsHonourOffsets() {
        byte[] in = {0, 0, (byte) 0x80, (byte) 0x00, 0};
        short[] out = new short[6];
        MuLaw.decode(in, 2, out, 3, 2);
        assertThat(out).containsExactly(0, 0, 0, MuLaw.decode((byte) 0x80), MuLaw.decode((byte) 0), 0);
    }

    private static void sox(Path unused, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("sox", "-D"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("sox said: %s", output).isZero();
    }

    static byte[] littleEndian(short[] samples) {
        ByteBuffer buffer = ByteBuffer.allocate(samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        buffer.asShortBuffer().put(samples);
        return buffer.array();
    }

    static short[] fromLittleEndian(byte[] bytes) {
        short[] samples = new short[bytes.length / 2];
        ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN).asShortBuffer().get(samples);
        return samples;
    }
}
