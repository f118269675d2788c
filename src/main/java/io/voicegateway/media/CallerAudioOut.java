package io.voicegateway.media;

import io.voicegateway.audio.MuLaw;
import io.voicegateway.audio.PcmLevel;
import io.voicegateway.audio.Resampler;

/**
 * Turns the model's PCM (at Nova's output rate) into what Twilio plays: band-limited resampling to 8 kHz
 * (skipped when Nova already speaks 8 kHz), G.711 μ-law, exactly 160-byte (20 ms) frames. A chunk's last
 * partial frame waits for the next chunk, or is padded with silence at the end of the model's turn. Only raw
 * μ-law ever leaves here (DESIGN §9: no WAV headers, no error text as audio). Used by one thread at a time.
 */
final class CallerAudioOut {

    static final int FRAME = 160;

    /** Receives each finished frame; the array is reused, so it must be consumed before returning. */
    interface FrameSink {
        void frame(byte[] mulaw, float rms);
    }

    private final Resampler resampler;
    private short[] resampled = new short[0];
    private final short[] pending = new short[FRAME];
    private int pendingLen;
    private final byte[] frame = new byte[FRAME];

    CallerAudioOut(int novaRateHz) {
        this.resampler = Resampler.create(novaRateHz, 8000);
    }

    /** Converts one chunk of model audio; returns the number of frames handed to {@code sink}. */
    int accept(short[] pcm, FrameSink sink) {
        int need = resampler.maxOutput(pcm.length);
        if (resampled.length < need) {
            resampled = new short[need];
        }
        int n = resampler.process(pcm, 0, pcm.length, resampled, 0);
        int frames = 0;
        int off = 0;
        while (off < n) {
            int take = Math.min(FRAME - pendingLen, n - off);
            System.arraycopy(resampled, off, pending, pendingLen, take);
            pendingLen += take;
            off += take;
            if (pendingLen == FRAME) {
                emit(sink);
                frames++;
            }
        }
        return frames;
    }

    /** End of the model's turn: the partial frame goes out padded with silence. */
    int flush(FrameSink sink) {
        if (pendingLen == 0) {
            return 0;
        }
        java.util.Arrays.fill(pending, pendingLen, FRAME, (short) 0);
        emit(sink);
        return 1;
    }

    /** Barge-in: forget the partial frame of the response being dropped. */
    void reset() {
        pendingLen = 0;
    }

    private void emit(FrameSink sink) {
        float rms = PcmLevel.rms(pending, 0, FRAME);
        MuLaw.encode(pending, 0, frame, 0, FRAME);
        pendingLen = 0;
        sink.frame(frame, rms);
    }
}
