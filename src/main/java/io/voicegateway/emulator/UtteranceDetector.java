package io.voicegateway.emulator;

/**
 * Finds the caller's utterances in a stream of PCM16 frames. One instance per stream, fed in order from one thread.
 * The emulator's default is {@link EnergyUtteranceDetector}; a VAD-backed one can be plugged in through
 * {@link Factory}.
 */
public interface UtteranceDetector {

    /** What a frame changed. */
    enum Transition { NONE, STARTED, ENDED }

    /** Feeds one frame of PCM16 mono samples at the rate given to {@link Factory#create}. */
    Transition accept(short[] frame);

    /** Frees what the detector holds (a VAD stream's model tensors) when its stream ends. */
    default void close() {
    }

    /** Makes a detector for a stream whose audio arrives at {@code sampleRate} Hz. */
    @FunctionalInterface
    interface Factory {
        UtteranceDetector create(int sampleRate);
    }
}
