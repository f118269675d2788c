package io.voicegateway.nova.session;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/** The caller's last few seconds of audio frames, replayed into a renewed session. Thread-safe. */
final class AudioReplayBuffer {

    private final int maxSamples;
    private final ArrayDeque<short[]> frames = new ArrayDeque<>();
    private int samples;

    AudioReplayBuffer(int sampleRate, int seconds) {
        this.maxSamples = sampleRate * seconds;
    }

    synchronized void add(short[] frame) {
        frames.addLast(frame);
        samples += frame.length;
        while (samples > maxSamples && !frames.isEmpty()) {
            samples -= frames.removeFirst().length;
        }
    }

    synchronized void clear() {
        frames.clear();
        samples = 0;
    }

    synchronized List<short[]> snapshot() {
        return new ArrayList<>(frames);
    }
}
