package io.voicegateway.emulator;

import java.time.Duration;

/**
 * How an emulator behaves: where it listens, how long it waits before answering, when it cuts a stream off like
 * Bedrock's 8-minute cap (modelTimeoutException), and how it finds utterances.
 */
public record EmulatorSettings(int port, Duration responseDelay, Duration sessionCap, Duration answerPace,
        UtteranceDetector.Factory detectorFactory) {

    /** Bedrock closes a bidirectional stream after 8 minutes (DESIGN §7). */
    public static final Duration BEDROCK_SESSION_CAP = Duration.ofMinutes(8);

    /** 100 ms of answer audio every 10 ms: ten times faster than real time, as Nova streams it. */
    public static final Duration FAST_PACE = Duration.ofMillis(10);

    public static EmulatorSettings defaults() {
        return new EmulatorSettings(0, Duration.ZERO, BEDROCK_SESSION_CAP, FAST_PACE,
                EnergyUtteranceDetector.factory());
    }

    public EmulatorSettings withPort(int value) {
        return new EmulatorSettings(value, responseDelay, sessionCap, answerPace, detectorFactory);
    }

    public EmulatorSettings withResponseDelay(Duration value) {
        return new EmulatorSettings(port, value, sessionCap, answerPace, detectorFactory);
    }

    public EmulatorSettings withSessionCap(Duration value) {
        return new EmulatorSettings(port, responseDelay, value, answerPace, detectorFactory);
    }

    /** Interval between 100 ms answer chunks; 100 ms is real time (slow answers make barge-in tests robust). */
    public EmulatorSettings withAnswerPace(Duration value) {
        return new EmulatorSettings(port, responseDelay, sessionCap, value, detectorFactory);
    }

    public EmulatorSettings withDetectorFactory(UtteranceDetector.Factory value) {
        return new EmulatorSettings(port, responseDelay, sessionCap, answerPace, value);
    }
}
