package io.voicegateway.call;

import java.util.Locale;
import java.util.Optional;

/**
 * Twilio's call status words, ranked so that a late or retried status callback never moves a call backwards
 * (e.g. {@code ringing} arriving after {@code completed}).
 *
 * @see <a href="https://www.twilio.com/docs/voice/api/call-resource#call-status-values">Call status values</a>
 */
public enum CallStatus {
    QUEUED("queued", 0),
    INITIATED("initiated", 1),
    RINGING("ringing", 2),
    IN_PROGRESS("in-progress", 3),
    COMPLETED("completed", 4),
    BUSY("busy", 4),
    FAILED("failed", 4),
    NO_ANSWER("no-answer", 4),
    CANCELED("canceled", 4);

    private final String word;
    private final int rank;

    CallStatus(String word, int rank) {
        this.word = word;
        this.rank = rank;
    }

    /** The word Twilio uses, e.g. {@code in-progress}. */
    public String word() {
        return word;
    }

    public boolean isFinal() {
        return rank == COMPLETED.rank;
    }

    /** True when moving from {@code this} to {@code next} is progress (not a repeat, not a step back). */
    public boolean canMoveTo(CallStatus next) {
        return !isFinal() && next.rank > rank;
    }

    /** Twilio's word (also the status callback event names {@code answered}/{@code initiated}). */
    public static Optional<CallStatus> fromTwilio(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        if (v.equals("answered")) {
            return Optional.of(IN_PROGRESS);
        }
        for (CallStatus s : values()) {
            if (s.word.equals(v)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }
}
