package io.voicegateway.cli;

import io.voicegateway.audio.MuLaw;
import io.voicegateway.audio.PcmAudio;
import io.voicegateway.audio.PcmLevel;

/**
 * The caller's side of a simulated call: an utterance cut into 20 ms μ-law frames as Twilio would send it,
 * with where the speech really starts and ends (by level), so latencies are measured from the words, not
 * from leading or trailing silence in the file.
 */
public final class CallerAudio {

    static final int FRAME_SAMPLES = 160;
    /** Frames quieter than this RMS (-40 dBFS) count as silence when finding where speech starts and ends. */
    static final double SPEECH_RMS = 0.01;
    static final byte SILENCE = (byte) 0xFF;
    /** 20 ms of μ-law silence, sent while the caller says nothing. */
    static final byte[] SILENCE_FRAME = silence();
    static final String SILENCE_PAYLOAD = java.util.Base64.getEncoder().encodeToString(SILENCE_FRAME);

    private final byte[][] frames;
    /** The frames as Twilio's {@code media.payload} (base64), encoded once: a load run sends each many times. */
    private final String[] payloads;
    private final int firstSpeechFrame;
    private final int lastSpeechFrame;

    public CallerAudio(PcmAudio audio) {
        short[] pcm = audio.resampledTo(8000).samples();
        int count = (pcm.length + FRAME_SAMPLES - 1) / FRAME_SAMPLES;
        frames = new byte[count][FRAME_SAMPLES];
        int first = -1;
        int last = -1;
        for (int f = 0; f < count; f++) {
            java.util.Arrays.fill(frames[f], SILENCE);
            int off = f * FRAME_SAMPLES;
            int len = Math.min(FRAME_SAMPLES, pcm.length - off);
            MuLaw.encode(pcm, off, frames[f], 0, len);
            if (PcmLevel.rms(pcm, off, len) > SPEECH_RMS) {
                first = first < 0 ? f : first;
                last = f;
            }
        }
        if (first < 0) {
            throw new IllegalArgumentException("the audio has no speech (every frame is below -40 dBFS)");
        }
        payloads = new String[count];
        for (int f = 0; f < count; f++) {
            payloads[f] = java.util.Base64.getEncoder().encodeToString(frames[f]);
        }
        firstSpeechFrame = first;
        lastSpeechFrame = last;
    }

    private static byte[] silence() {
        byte[] frame = new byte[FRAME_SAMPLES];
        java.util.Arrays.fill(frame, SILENCE);
        return frame;
    }

    public int frameCount() {
        return frames.length;
    }

    public byte[] frame(int index) {
        return frames[index];
    }

    /** Frame {@code index} in base64, as it goes into a media message. */
    public String payload(int index) {
        return payloads[index];
    }

    public int firstSpeechFrame() {
        return firstSpeechFrame;
    }

    public int lastSpeechFrame() {
        return lastSpeechFrame;
    }
}
