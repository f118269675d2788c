package io.voicegateway.twilio;

/** A Media Streams message we cannot decode; {@link #problem()} says why, the message says where. */
public class TwilioMessageException extends RuntimeException {

    /** What is wrong with the message. */
    public enum Problem {
        MALFORMED_JSON, UNKNOWN_EVENT, MISSING_FIELD, INVALID_FIELD, PAYLOAD_NOT_BASE64, PAYLOAD_TOO_LARGE
    }

    private final Problem problem;

    public TwilioMessageException(Problem problem, String message) {
        this(problem, message, null);
    }

    public TwilioMessageException(Problem problem, String message, Throwable cause) {
        super(message, cause);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
