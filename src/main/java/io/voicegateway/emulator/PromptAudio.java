package io.voicegateway.emulator;

import io.voicegateway.nova.codec.Pcm16;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The emulator's spoken prefix ("You said", espeak-ng + sox, 24 kHz PCM16 mono WAV in
 * {@code src/main/resources/emulator/}) and the linear resampling the echo needs. Quality matters little here:
 * this is a test double.
 */
final class PromptAudio {

    static final String PREFIX_RESOURCE = "/emulator/you-said-24k.wav";
    static final int PREFIX_RATE = 24000;

    private PromptAudio() {
    }

    /** The prefix at {@code rate} Hz. */
    static short[] prefix(int rate) {
        return resample(readWav(PREFIX_RESOURCE), PREFIX_RATE, rate);
    }

    /** Linear interpolation from {@code from} to {@code to} Hz (no band limiting). */
    static short[] resample(short[] in, int from, int to) {
        if (from == to || in.length == 0) {
            return in;
        }
        int outLength = (int) ((long) in.length * to / from);
        short[] out = new short[outLength];
        double step = (double) from / to;
        for (int i = 0; i < outLength; i++) {
            double pos = i * step;
            int left = (int) pos;
            int right = Math.min(left + 1, in.length - 1);
            double frac = pos - left;
            out[i] = (short) Math.round(in[left] * (1 - frac) + in[right] * frac);
        }
        return out;
    }

    /** Samples of a PCM16 mono WAV: walks the RIFF chunks to {@code data} (little-endian throughout). */
    static short[] readWav(String resource) {
        try (InputStream in = PromptAudio.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + resource);
            }
            ByteBuffer wav = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
            wav.position(12);
            while (wav.remaining() >= 8) {
                String id = new String(new byte[] {wav.get(), wav.get(), wav.get(), wav.get()});
                int size = wav.getInt();
                if ("data".equals(id)) {
                    int length = Math.min(size, wav.remaining());
                    return Pcm16.fromBytes(Arrays.copyOfRange(wav.array(), wav.position(), wav.position() + length));
                }
                wav.position(wav.position() + size + (size & 1));
            }
            throw new IllegalStateException(resource + " has no data chunk");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
