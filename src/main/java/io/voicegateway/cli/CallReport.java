package io.voicegateway.cli;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * What one simulated call measured. Latencies are null when they did not happen (no reply, no barge-in); a
 * caller that talks for several turns has one reply latency per answered turn and one barge-in latency per
 * {@code clear} it provoked.
 *
 * @param replyLatencyMs     first turn: last speech frame sent → first reply frame received
 * @param bargeInLatencyMs   first barge-in: first frame of speech over the reply sent → {@code clear} received
 * @param turns              utterances the caller spoke
 * @param replyLatenciesMs   every turn's reply latency, in order
 * @param bargeInLatenciesMs every barge-in's latency, in order
 * @param replyMulaw         the audio that "played" on the simulated phone, 8 kHz μ-law (empty when not kept)
 */
public record CallReport(String callId, String error, long framesSent, long framesReceived, long lateFrames,
                         int clears, Double replyLatencyMs, Double bargeInLatencyMs, List<String> unexpected,
                         byte[] replyMulaw, int turns, List<Double> replyLatenciesMs, List<Double> bargeInLatenciesMs) {

    public boolean ok() {
        return error == null;
    }

    /** Collects a report on the call's event-loop thread. */
    static final class Builder {
        private final boolean keepAudio;
        private String callId;
        private long framesSent;
        private long framesReceived;
        private long lateFrames;
        private int clears;
        private int turns;
        private final List<Double> replyLatencies = new ArrayList<>();
        private final List<Double> bargeInLatencies = new ArrayList<>();
        private final List<String> unexpected = new ArrayList<>();
        private final ByteArrayOutputStream played = new ByteArrayOutputStream();

        Builder(boolean keepAudio) {
            this.keepAudio = keepAudio;
        }

        void callId(String id) {
            callId = id;
        }

        void frameSent() {
            framesSent++;
        }

        /** A media message of {@code bytes} μ-law bytes: the gateway joins a chunk's 20 ms frames into one message. */
        void audioReceived(int bytes) {
            framesReceived += (bytes + 159) / 160;
        }

        void lateFrames(long n) {
            lateFrames += n;
        }

        void cleared() {
            clears++;
        }

        void turn() {
            turns++;
        }

        int turnsSoFar() {
            return turns;
        }

        void played(byte[] frame) {
            if (keepAudio) {
                played.writeBytes(frame);
            }
        }

        void unexpected(String event) {
            unexpected.add(event);
        }

        boolean hasReply() {
            return framesReceived > 0;
        }

        boolean hasBargeIn() {
            return !bargeInLatencies.isEmpty();
        }

        void replyLatencyNanos(long nanos) {
            replyLatencies.add(nanos / 1e6);
        }

        void bargeInLatencyNanos(long nanos) {
            bargeInLatencies.add(nanos / 1e6);
        }

        CallReport build(String error) {
            return new CallReport(callId, error, framesSent, framesReceived, lateFrames, clears,
                    first(replyLatencies), first(bargeInLatencies), List.copyOf(unexpected), played.toByteArray(),
                    turns, List.copyOf(replyLatencies), List.copyOf(bargeInLatencies));
        }

        private static Double first(List<Double> values) {
            return values.isEmpty() ? null : values.get(0);
        }
    }
}
