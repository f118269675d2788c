package io.voicegateway.emulator;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** Faults the emulator injects, switchable while it runs (tests flip them between steps). Thread-safe. */
public final class EmulatorFaults {

    private final AtomicInteger throttledOpens = new AtomicInteger();
    private final AtomicInteger resetAnswers = new AtomicInteger();
    private final AtomicBoolean neverAnswer = new AtomicBoolean();

    /** The next {@code count} stream opens are refused with HTTP 429 ThrottlingException. */
    public EmulatorFaults throttleNextOpens(int count) {
        throttledOpens.set(count);
        return this;
    }

    /** The next {@code count} answers reset their HTTP/2 stream (RST_STREAM) after the first audio chunk. */
    public EmulatorFaults resetNextAnswers(int count) {
        resetAnswers.set(count);
        return this;
    }

    /** While true, utterances are heard but never answered. */
    public EmulatorFaults neverAnswer(boolean value) {
        neverAnswer.set(value);
        return this;
    }

    boolean takeThrottle() {
        return throttledOpens.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }

    boolean takeReset() {
        return resetAnswers.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }

    boolean neverAnswer() {
        return neverAnswer.get();
    }
}
