package io.voicegateway.media;

/**
 * Caps on one WebSocket connection's inbound messages, checked before a message becomes an exchange: a size cap
 * (Twilio's media messages are about 400 bytes; a huge one is not Twilio) and a rate cap as a token bucket that
 * holds {@link #BURST_SECONDS} of messages, so the backlog after a network stall (or a test or load tool sending
 * faster than real time) passes but a sustained flood does not.
 * Used from the connection's event-loop thread only.
 */
final class MessageGuard {

    /** What to do with a message. */
    enum Verdict { PASS, OVERSIZE, FLOOD }

    /** Seconds of messages at the allowed rate that may arrive at once. */
    static final int BURST_SECONDS = 10;

    private final int maxBytes;
    private final double capacity;
    private final double perSecond;
    private double tokens;
    private long lastNanos;

    MessageGuard(MessageLimits limits, long nowNanos) {
        this.maxBytes = limits.maxMessageBytes();
        this.perSecond = limits.maxMessagesPerSecond();
        this.capacity = perSecond * BURST_SECONDS;
        this.tokens = capacity;
        this.lastNanos = nowNanos;
    }

    /** Judges one message ({@code String} text or {@code byte[]} binary) arriving at {@code nowNanos}. */
    Verdict check(Object message, long nowNanos) {
        if (size(message) > maxBytes) {
            return Verdict.OVERSIZE;
        }
        tokens = Math.min(capacity, tokens + (nowNanos - lastNanos) * perSecond / 1e9);
        lastNanos = nowNanos;
        if (tokens < 1) {
            return Verdict.FLOOD;
        }
        tokens -= 1;
        return Verdict.PASS;
    }

    /** Text is counted in characters: the same as bytes for Twilio's ASCII JSON, never more than the UTF-8 size. */
    private static long size(Object message) {
        if (message instanceof String text) {
            return text.length();
        }
        if (message instanceof byte[] bytes) {
            return bytes.length;
        }
        return 0;
    }
}
