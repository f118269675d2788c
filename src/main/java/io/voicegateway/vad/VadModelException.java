package io.voicegateway.vad;

/** The Silero model could not be loaded or run; the message names the file or setting to fix. */
public final class VadModelException extends RuntimeException {

    public VadModelException(String message, Throwable cause) {
        super(message, cause);
    }

    public VadModelException(String message) {
        super(message);
    }
}
