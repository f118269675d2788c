package io.voicegateway.nova.codec;

/** A chunk from Nova that is not a well-formed event. */
public class NovaCodecException extends RuntimeException {

    public NovaCodecException(String message) {
        super(message);
    }

    public NovaCodecException(String message, Throwable cause) {
        super(message, cause);
    }
}
