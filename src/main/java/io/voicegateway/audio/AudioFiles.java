package io.voicegateway.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Reads the audio files the tools accept: WAV (RIFF, little-endian) holding PCM16 or G.711 μ-law, any rate and
 * channel count (channels are averaged to mono), and headerless {@code .ulaw}/{@code .ul}/{@code .raw} files of
 * 8 kHz μ-law, the format of Twilio media payloads. Not for the per-frame path: it reads whole files.
 * WAV layout: http://soundfile.sapp.org/doc/WaveFormat/ and Microsoft's WAVE_FORMAT_EXTENSIBLE.
 */
public final class AudioFiles {

    private static final int FORMAT_PCM = 1;
    private static final int FORMAT_MULAW = 7;
    private static final int FORMAT_EXTENSIBLE = 0xFFFE;

    private AudioFiles() {
    }

    /** Reads {@code path}; throws {@link IOException} with a one-line reason when it is not usable audio. */
    public static PcmAudio read(Path path) throws IOException {
        if (!Files.isRegularFile(path)) {
            throw new IOException("no such file: " + path);
        }
        byte[] bytes = Files.readAllBytes(path);
        String name = path.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".ulaw") || name.endsWith(".ul") || name.endsWith(".raw")) {
            short[] samples = new short[bytes.length];
            MuLaw.decode(bytes, 0, samples, 0, bytes.length);
            return new PcmAudio(samples, 8000);
        }
        return readWav(path, ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN));
    }

    /** Reads a WAV held in memory (e.g. a resource); {@code name} only labels errors. */
    public static PcmAudio readWav(byte[] bytes, String name) throws IOException {
        return readWav(Path.of(name), ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN));
    }

    /** Writes mono PCM16 as a canonical 44-byte-header WAV (little-endian RIFF). */
    public static void writeWav(Path path, PcmAudio audio) throws IOException {
        short[] samples = audio.samples();
        ByteBuffer out = ByteBuffer.allocate(44 + samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(0x46464952).putInt(36 + samples.length * 2).putInt(0x45564157); // "RIFF" size "WAVE"
        out.putInt(0x20746d66).putInt(16).putShort((short) FORMAT_PCM).putShort((short) 1); // "fmt " PCM mono
        out.putInt(audio.sampleRateHz()).putInt(audio.sampleRateHz() * 2).putShort((short) 2).putShort((short) 16);
        out.putInt(0x61746164).putInt(samples.length * 2); // "data"
        for (short s : samples) {
            out.putShort(s);
        }
        Files.write(path, out.array());
    }

    private static PcmAudio readWav(Path path, ByteBuffer in) throws IOException {
        if (in.remaining() < 12 || in.getInt(0) != 0x46464952 /* "RIFF" */ || in.getInt(8) != 0x45564157 /* "WAVE" */) {
            throw new IOException(path + " is not a WAV file (no RIFF/WAVE header); raw μ-law needs a .ulaw name");
        }
        in.position(12);
        int format = -1;
        int channels = 0;
        int rate = 0;
        int bits = 0;
        while (in.remaining() >= 8) {
            int id = in.getInt();
            int size = in.getInt();
            if (size < 0 || size > in.remaining()) {
                size = in.remaining();
            }
            int body = in.position();
            if (id == 0x20746d66 /* "fmt " */ && size >= 16) {
                format = Short.toUnsignedInt(in.getShort(body));
                channels = Short.toUnsignedInt(in.getShort(body + 2));
                rate = in.getInt(body + 4);
                bits = Short.toUnsignedInt(in.getShort(body + 14));
                if (format == FORMAT_EXTENSIBLE && size >= 26) {
                    format = Short.toUnsignedInt(in.getShort(body + 24));
                }
            } else if (id == 0x61746164 /* "data" */) {
                if (format < 0) {
                    throw new IOException(path + ": WAV data chunk comes before its fmt chunk");
                }
                return decode(path, in.slice(body, size).order(ByteOrder.LITTLE_ENDIAN), format, channels, rate, bits);
            }
            in.position(body + size + (size & 1)); // chunks are padded to even sizes
        }
        throw new IOException(path + ": WAV file has no data chunk");
    }

    private static PcmAudio decode(Path path, ByteBuffer data, int format, int channels, int rate, int bits)
            throws IOException {
        if (channels < 1 || rate <= 0) {
            throw new IOException(path + ": WAV header says " + channels + " channels at " + rate + " Hz");
        }
        boolean pcm16 = format == FORMAT_PCM && bits == 16;
        boolean mulaw = format == FORMAT_MULAW && bits == 8;
        if (!pcm16 && !mulaw) {
            throw new IOException(path + ": unsupported WAV encoding (format " + format + ", " + bits
                    + " bits); use 16-bit PCM or 8-bit μ-law");
        }
        int bytesPerFrame = channels * (pcm16 ? 2 : 1);
        short[] samples = new short[data.remaining() / bytesPerFrame];
        for (int i = 0; i < samples.length; i++) {
            int sum = 0;
            for (int c = 0; c < channels; c++) {
                int at = i * bytesPerFrame + c * (pcm16 ? 2 : 1);
                sum += pcm16 ? data.getShort(at) : MuLaw.decode(data.get(at));
            }
            samples[i] = (short) (sum / channels);
        }
        return new PcmAudio(samples, rate);
    }
}
