package io.voicegateway.call;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One phone conversation: ids, parties, voice, status history, transcript and live stats. Thread-safe: status
 * and transcript changes are synchronized on the call (they are rare); frame counters are lock-free.
 */
public final class Call {

    private final String callId;
    private final String streamToken;
    private final CallDirection direction;
    private final String from;
    private final String to;
    private final String voiceId;
    private final String systemPrompt;
    private final Instant createdAt;
    private final Clock clock;
    private final PrivacyProperties.CallPrivacy privacy;
    private final CallStats stats = new CallStats();
    private final java.util.concurrent.atomic.AtomicBoolean released = new java.util.concurrent.atomic.AtomicBoolean();

    private final List<StatusChange> statusHistory = new ArrayList<>();
    private final List<TranscriptEntry> transcript = new ArrayList<>();
    private final StringBuilder dtmf = new StringBuilder();
    private CallStatus status;
    private String twilioCallSid;
    private String streamSid;
    private Instant endedAt;
    private String endReason;
    private Transfer transfer;
    private final CallUsage usage = new CallUsage();

    Call(String callId, String streamToken, CallDirection direction, String from, String to, String voiceId,
         String systemPrompt, Clock clock) {
        this(callId, streamToken, direction, from, to, voiceId, systemPrompt, clock, PrivacyProperties.KEEP_ALL);
    }

    Call(String callId, String streamToken, CallDirection direction, String from, String to, String voiceId,
         String systemPrompt, Clock clock, PrivacyProperties.CallPrivacy privacy) {
        this.privacy = privacy;
        this.callId = callId;
        this.streamToken = streamToken;
        this.direction = direction;
        this.from = from;
        this.to = to;
        this.voiceId = voiceId;
        this.systemPrompt = systemPrompt;
        this.clock = clock;
        this.createdAt = clock.instant();
        this.status = CallStatus.QUEUED;
        statusHistory.add(new StatusChange(CallStatus.QUEUED.word(), createdAt, null));
    }

    public String callId() {
        return callId;
    }

    /** Per-call secret the media stream must present in {@code start.customParameters.token}. */
    public String streamToken() {
        return streamToken;
    }

    /** Whether {@code token} is this call's stream token, compared in constant time; false for null. */
    public boolean hasStreamToken(String token) {
        return token != null && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8),
                streamToken.getBytes(StandardCharsets.UTF_8));
    }

    public CallDirection direction() {
        return direction;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public String voiceId() {
        return voiceId;
    }

    public String systemPrompt() {
        return systemPrompt;
    }

    public CallStats stats() {
        return stats;
    }

    public synchronized CallStatus status() {
        return status;
    }

    public synchronized boolean isEnded() {
        return endedAt != null;
    }

    public synchronized Optional<String> twilioCallSid() {
        return Optional.ofNullable(twilioCallSid);
    }

    public synchronized void setTwilioCallSid(String sid) {
        this.twilioCallSid = sid;
    }

    public synchronized Optional<String> streamSid() {
        return Optional.ofNullable(streamSid);
    }

    public synchronized void setStreamSid(String sid) {
        this.streamSid = sid;
    }

    /**
     * Applies a status if it is progress; repeats (Twilio retries) and late lower-ranked statuses are ignored.
     *
     * @param durationSecs Twilio's CallDuration, when the callback carried one
     * @return true when the status was recorded
     */
    public synchronized boolean advanceStatus(CallStatus next, Integer durationSecs) {
        if (!status.canMoveTo(next)) {
            return false;
        }
        Instant now = clock.instant();
        status = next;
        statusHistory.add(new StatusChange(next.word(), now, durationSecs));
        if (next.isFinal() && endedAt == null) {
            endedAt = now;
            endReason = endReason != null ? endReason : next.word();
        }
        return true;
    }

    /** When the status last changed (creation counts as the first change, {@code queued}). */
    public synchronized Instant lastStatusAt() {
        return statusHistory.isEmpty() ? createdAt : statusHistory.get(statusHistory.size() - 1).at();
    }

    /** Ends the call on our side (stream closed, time limit, error); the first reason given wins. */
    public synchronized boolean end(String reason) {
        if (endedAt != null) {
            return false;
        }
        endReason = reason;
        if (!status.isFinal()) {
            advanceStatus(CallStatus.COMPLETED, null);
        }
        endedAt = endedAt != null ? endedAt : clock.instant();
        return true;
    }

    /** True exactly once: the first time the call's resources are released after it ended. */
    boolean markReleased() {
        return released.compareAndSet(false, true);
    }

    /** Adds a line unless TRANSCRIPT_RETENTION=none. */
    public synchronized void addTranscript(String role, String text) {
        if (privacy.storesTranscript()) {
            transcript.add(new TranscriptEntry(role, text, clock.instant()));
        }
    }

    /** Keeps a key press unless STORE_DTMF=false. */
    public synchronized void addDtmf(String digit) {
        if (privacy.storeDtmf()) {
            dtmf.append(digit);
        }
    }

    /** Drops the transcript once TRANSCRIPT_RETENTION has passed since the call ended. */
    private void expireTranscript() {
        Duration retention = privacy.transcriptRetention();
        if (retention != null && endedAt != null && !transcript.isEmpty()
                && !clock.instant().isBefore(endedAt.plus(retention))) {
            transcript.clear();
        }
    }

    /** Records a transfer attempt (the last one is kept). */
    public synchronized void recordTransfer(String target, boolean ok, String error) {
        transfer = new Transfer(target, ok ? "ok" : "failed", error, clock.instant());
    }

    /** Token usage and estimated cost of the call's model sessions. */
    public CallUsage usage() {
        return usage;
    }

    public synchronized Instant endedAt() {
        return endedAt;
    }

    public synchronized CallRecord record() {
        expireTranscript();
        return new CallRecord(callId, direction.label(), from, to, voiceId, status.word(),
                List.copyOf(statusHistory), twilioCallSid, streamSid, createdAt, endedAt, endReason,
                List.copyOf(transcript), dtmf.toString(), stats.snapshot(), transfer, usage.snapshot());
    }

    /** One entry of the status history; {@code durationS} is Twilio's CallDuration when given. */
    public record StatusChange(String status, Instant at, Integer durationS) {
    }

    /** A hand-over to a person: the number dialled, ok|failed, Twilio's error when it failed. */
    public record Transfer(String to, String outcome, String error, Instant at) {
    }

    /** One line of the conversation: role USER or ASSISTANT, as Nova Sonic reports it. */
    public record TranscriptEntry(String role, String text, Instant at) {
    }
}
