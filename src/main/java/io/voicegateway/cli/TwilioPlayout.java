package io.voicegateway.cli;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Plays received audio the way Twilio does, for the simulator: a buffer drained at 20 ms per tick, marks
 * echoed once the audio queued before them has played, {@code clear} dropping the buffer and echoing every
 * pending mark at once (twilio.com/docs/voice/media-streams/websocket-messages#mark-message).
 */
final class TwilioPlayout {

    static final int FRAME_BYTES = 160;

    private final Deque<Object> queue = new ArrayDeque<>();
    private byte[] partial = new byte[0];

    /** Queues μ-law audio of any length; it plays in 160-byte (20 ms) frames. */
    void enqueueMedia(byte[] mulaw) {
        byte[] all = new byte[partial.length + mulaw.length];
        System.arraycopy(partial, 0, all, 0, partial.length);
        System.arraycopy(mulaw, 0, all, partial.length, mulaw.length);
        int whole = all.length / FRAME_BYTES * FRAME_BYTES;
        for (int off = 0; off < whole; off += FRAME_BYTES) {
            byte[] frame = new byte[FRAME_BYTES];
            System.arraycopy(all, off, frame, 0, FRAME_BYTES);
            queue.addLast(frame);
        }
        partial = java.util.Arrays.copyOfRange(all, whole, all.length);
    }

    void enqueueMark(String name) {
        if (partial.length > 0) { // a short tail still plays before the mark
            byte[] frame = java.util.Arrays.copyOf(partial, FRAME_BYTES);
            java.util.Arrays.fill(frame, partial.length, FRAME_BYTES, (byte) 0xFF); // μ-law silence
            queue.addLast(frame);
            partial = new byte[0];
        }
        queue.addLast(new MarkName(name));
    }

    /** Drops everything queued; returns the marks to echo now. */
    List<String> clear() {
        List<String> marks = new ArrayList<>();
        for (Object item : queue) {
            if (item instanceof MarkName mark) {
                marks.add(mark.name());
            }
        }
        queue.clear();
        partial = new byte[0];
        return marks;
    }

    /**
     * One 20 ms tick: echoes marks whose audio has played, then plays the next frame.
     *
     * @return what happened in this tick
     */
    Tick tick() {
        List<String> marks = new ArrayList<>();
        while (queue.peekFirst() instanceof MarkName mark) {
            queue.removeFirst();
            marks.add(mark.name());
        }
        byte[] frame = queue.peekFirst() instanceof byte[] f ? f : null;
        if (frame != null) {
            queue.removeFirst();
        }
        return new Tick(frame, marks);
    }

    boolean isEmpty() {
        return queue.isEmpty() && partial.length == 0;
    }

    /** A frame played (null: the buffer was empty) and the marks that became due. */
    record Tick(byte[] frame, List<String> marksPlayed) {
    }

    private record MarkName(String name) {
    }
}
