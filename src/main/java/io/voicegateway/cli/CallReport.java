package io.voicegateway.cli;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * What one simulated call measured. Latencies are null when they did not happen (no reply, no barge-in).
 *
 * @param replyLatencyMs   last speech frame sent → first reply frame received
 * @param bargeInLatencyMs first frame of speech over the reply sent → {@code clear} received
 * @param replyMulaw       the audio that "played" on the simulated phone, 8 kHz μ-law
 */
public record CallReport(String callId, String error, long framesSent, long framesReceived, long lateFrames,
                         int clears, Double replyLatencyMs, Double bargeInLatencyMs, List<String> unexpected,
                         byte[] replyMulaw) {

    public boolean ok() {
        return error == null;
    }

    /** Collects a report on the call's event-loop thread. */
    static final class Builder {
        private String callId;
        private long framesSent;
        private long framesReceived;
        private long lateFrames;
        private int clears;
        private Long replyLatencyNanos;
        private Long bargeInLatencyNanos;
        private final List<String> unexpected = new ArrayList<>();
        private final ByteArrayOutputStream played = new ByteArrayOutputStream();

        void callId(String id) {
            callId = id;
        }

        void frameSent() {
            framesSent++;
        }

        void frameReceived() {
            framesReceived++;
        }

        void lateFrames(long n) {
            lateFrames += n;
        }

        void cleared() {
            clears++;
        }

        void played(byte[] frame) {
            played.writeBytes(frame);
        }

        void unexpected(String event) {
            unexpected.add(event);
        }

        boolean hasReply() {
            return framesReceived > 0;
        }

        boolean hasBargeIn() {
            return bargeInLatencyNanos != null;
        }

        void replyLatencyNanos(long nanos) {
            replyLatencyNanos = nanos;
        }

        void bargeInLatencyNanos(long nanos) {
            bargeInLatencyNanos = nanos;
        }

        CallReport build(String error) {
            return new CallReport(callId, error, framesSent, framesReceived, lateFrames, clears,
                    millis(replyLatencyNanos), millis(bargeInLatencyNanos), List.copyOf(unexpected), played.toByteArray());
        }

        private static Double millis(Long nanos) {
            return nanos == null ? null : nanos / 1e6;
        }
    }
}
