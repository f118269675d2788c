package io.voicegateway.media;

import io.voicegateway.audio.MuLaw;

/** Finds one piece of audio inside another (normalised cross-correlation), to prove whose words came back. */
final class AudioMatch {

    private AudioMatch() {
    }

    static short[] decode(byte[] mulaw) {
        short[] pcm = new short[mulaw.length];
        MuLaw.decode(mulaw, 0, pcm, 0, mulaw.length);
        return pcm;
    }

    /** Best normalised correlation (−1..1) of {@code needle} at any offset of {@code haystack}. */
    static double bestCorrelation(short[] needle, short[] haystack) {
        double needleEnergy = 0;
        for (short s : needle) {
            needleEnergy += (double) s * s;
        }
        double best = 0;
        for (int off = 0; off + needle.length <= haystack.length; off++) {
            double dot = 0;
            double energy = 0;
            for (int i = 0; i < needle.length; i++) {
                double h = haystack[off + i];
                dot += needle[i] * h;
                energy += h * h;
            }
            if (energy > 0) {
                best = Math.max(best, dot / Math.sqrt(needleEnergy * energy));
            }
        }
        return best;
    }

    /** {@code ms} of audio starting {@code fromMs} into {@code pcm} (8 kHz). */
    static short[] slice(short[] pcm, int fromMs, int ms) {
        return java.util.Arrays.copyOfRange(pcm, fromMs * 8, Math.min(pcm.length, (fromMs + ms) * 8));
    }
}
