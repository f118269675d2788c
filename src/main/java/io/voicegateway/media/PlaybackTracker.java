package io.voicegateway.media;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.LongSupplier;

/**
 * What the caller is hearing, estimated from what we sent and the marks Twilio echoed back. Twilio plays our
 * frames at its own 20 ms clock, so each sent frame is placed on a playout timeline (right after the previous
 * one, or now if playback had run dry); marks tell us when a segment really finished.
 *
 * <p>It also remembers the level of each frame at its playout time, so barge-in can tell the caller's
 * speakerphone echo of our own audio from the caller talking (DESIGN §9). One instance per call; its lock is
 * that call's only (the media path holds no lock shared across calls).
 */
public final class PlaybackTracker {

    static final long FRAME_NANOS = 20_000_000L;
    /** Playout timeline kept for echo estimates: 1024 frames = 20.48 s ahead of or behind now. */
    private static final int RING = 1024;

    private final LongSupplier nanoClock;
    private final long epoch;
    private final float[] levels = new float[RING];
    private final long[] slotFrame = new long[RING];
    private final Deque<String> pendingMarks = new ArrayDeque<>();
    private long nextFreeFrame;
    private int markSeq;

    public PlaybackTracker(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
        this.epoch = nanoClock.getAsLong();
        java.util.Arrays.fill(slotFrame, -1);
    }

    private long frameAt(long nanos) {
        return Math.floorDiv(nanos - epoch, FRAME_NANOS);
    }

    /** Records one sent 20 ms frame with its RMS level (0..1 of full scale). */
    public synchronized void frameSent(float rms) {
        long frame = Math.max(nextFreeFrame, frameAt(nanoClock.getAsLong()));
        int slot = (int) Math.floorMod(frame, RING);
        levels[slot] = rms;
        slotFrame[slot] = frame;
        nextFreeFrame = frame + 1;
    }

    /** Names and remembers the mark to send after the frames sent so far. */
    public synchronized String nextMark() {
        String name = "m" + (++markSeq);
        pendingMarks.addLast(name);
        return name;
    }

    /**
     * Twilio echoed a mark: everything sent before it has played. Marks come back in order, so earlier
     * pending ones are confirmed too.
     *
     * @return true when the mark was ours and still pending
     */
    public synchronized boolean markPlayed(String name) {
        if (!pendingMarks.contains(name)) {
            return false;
        }
        while (!pendingMarks.isEmpty() && !pendingMarks.removeFirst().equals(name)) {
            // confirmed by the later mark
        }
        return true;
    }

    /** Model audio is still playing: sent and not yet confirmed by a mark. */
    public synchronized boolean isPlaying() {
        return !pendingMarks.isEmpty();
    }

    /** After a {@code clear}: nothing plays any more; the echo of frames not yet played will never come. */
    public synchronized void cleared() {
        pendingMarks.clear();
        long now = frameAt(nanoClock.getAsLong());
        for (long f = now + 1; f < nextFreeFrame; f++) {
            slotFrame[(int) Math.floorMod(f, RING)] = -1;
        }
        nextFreeFrame = now + 1;
    }

    /** Loudest frame that played within the last {@code windowMs} (what an echo arriving now could be of). */
    public synchronized float maxPlayedLevel(int windowMs) {
        long now = frameAt(nanoClock.getAsLong());
        long from = now - Math.max(1, windowMs / 20);
        float max = 0f;
        for (long f = Math.max(from, now - RING + 1); f <= now; f++) {
            int slot = (int) Math.floorMod(f, RING);
            if (slotFrame[slot] == f) {
                max = Math.max(max, levels[slot]);
            }
        }
        return max;
    }

    /** Milliseconds of sent audio still to play by our estimate (0 when playback has caught up). */
    public synchronized long queuedMs() {
        return Math.max(0, nextFreeFrame - frameAt(nanoClock.getAsLong()) - 1) * 20;
    }
}
