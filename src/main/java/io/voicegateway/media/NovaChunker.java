package io.voicegateway.media;

/**
 * Joins a call's inbound frames (already at Nova's input rate) into model input chunks of {@code frames} frames.
 * Each chunk is one {@code audioInput} event, and each event costs the SDK the same JSON, base64, event-stream
 * framing, SigV4 chaining and HTTP/2 frame whatever its length; n frames per event divide that work by n at the
 * price of the first frame of each chunk waiting (n − 1) × 20 ms (audio.nova-chunk-ms, 60 by default). One call's
 * frames only (inbound thread).
 */
final class NovaChunker {

    private final int frames;
    private short[] buffer;
    private int filled;
    private int count;

    NovaChunker(int frames) {
        this.frames = Math.max(1, frames);
    }

    /** Adds one frame; returns the chunk (a new array) once {@code frames} frames are in, null until then. */
    short[] add(short[] frame) {
        if (frames == 1) {
            return frame;
        }
        if (buffer == null || buffer.length < filled + frame.length) {
            buffer = java.util.Arrays.copyOf(buffer == null ? new short[0] : buffer, frames * frame.length);
        }
        System.arraycopy(frame, 0, buffer, filled, frame.length);
        filled += frame.length;
        if (++count < frames) {
            return null;
        }
        short[] chunk = java.util.Arrays.copyOf(buffer, filled);
        filled = 0;
        count = 0;
        return chunk;
    }
}
