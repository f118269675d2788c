package io.voicegateway.nova.session;

import java.util.ArrayList;
import java.util.List;

/** Synthetic caller audio in 20 ms frames: a loud tone stands in for speech, zeros for silence. */
final class Speech {

    private Speech() {
    }

    /** {@code toneMs} of a 440 Hz tone at about -10 dBFS, then {@code silenceMs} of silence. */
    static List<short[]> utterance(int sampleRate, int toneMs, int silenceMs) {
        List<short[]> frames = new ArrayList<>();
        int frame = sampleRate / 50;
        int toneFrames = toneMs / 20;
        for (int f = 0; f < toneFrames + silenceMs / 20; f++) {
            short[] samples = new short[frame];
            if (f < toneFrames) {
                for (int i = 0; i < frame; i++) {
                    double t = (double) (f * frame + i) / sampleRate;
                    samples[i] = (short) (10000 * Math.sin(2 * Math.PI * 440 * t));
                }
            }
            frames.add(samples);
        }
        return frames;
    }
}
