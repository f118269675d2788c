package io.voicegateway.emulator;

/** An input the real service would reject with {@code validationException}; the message says what was wrong. */
class EmulatorValidationException extends RuntimeException {

    EmulatorValidationException(String message) {
        super(message);
    }
}
