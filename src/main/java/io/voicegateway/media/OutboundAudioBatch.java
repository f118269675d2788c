package io.voicegateway.media;

/**
 * Joins the 20 ms μ-law frames made from one chunk of model audio into as few Twilio {@code media} messages as
 * possible, at most {@link #MAX_FRAMES} frames (200 ms) each. Twilio buffers and plays outbound media of any
 * length at its own 20 ms clock, and a {@code clear} drops whatever is buffered, so one message per chunk plays
 * and barges in exactly like one per frame; it costs one JSON string, one base64 pass and one WebSocket write
 * instead of five for the emulator's 100 ms chunks (docs/benchmarks.md). Used by one thread at a time, like
 * {@link CallerAudioOut}; empty again after each model event (everything joined is sent before it returns).
 */
final class OutboundAudioBatch {

    /** Longest message: 200 ms, the largest media payload we accept inbound too. */
    static final int MAX_FRAMES = 10;

    private final byte[] bytes = new byte[MAX_FRAMES * CallerAudioOut.FRAME];
    private int frames;

    /**
     * Adds one 160-byte frame (copied: the caller reuses its array).
     *
     * @return true when the batch is full and should be sent before the next frame
     */
    boolean add(byte[] frame) {
        System.arraycopy(frame, 0, bytes, frames * CallerAudioOut.FRAME, CallerAudioOut.FRAME);
        return ++frames == MAX_FRAMES;
    }

    boolean isEmpty() {
        return frames == 0;
    }

    /** Barge-in or an interrupted model turn: frames not yet sent must never play (only left over after a failure). */
    void clear() {
        frames = 0;
    }

    /** The joined frames as a new array, and the batch emptied; an empty array when nothing was added. */
    byte[] take() {
        byte[] message = java.util.Arrays.copyOf(bytes, frames * CallerAudioOut.FRAME);
        frames = 0;
        return message;
    }
}
