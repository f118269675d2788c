package io.voicegateway.call;

import java.time.Instant;
import java.util.List;

/** The full, immutable view of a call served by {@code GET /calls/{callId}} (snake_case on the wire). */
public record CallRecord(
        String callId,
        String direction,
        String from,
        String to,
        String voiceId,
        String status,
        List<Call.StatusChange> statusHistory,
        String twilioCallSid,
        String streamSid,
        Instant createdAt,
        Instant endedAt,
        String endReason,
        List<Call.TranscriptEntry> transcript,
        String dtmf,
        CallStats.Snapshot stats,
        Call.Transfer transfer,
        CallUsage.Snapshot usage) {
}
