package io.voicegateway.emulator;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The emulator's conversation: hears each caller utterance (through an {@link UtteranceDetector}), then answers
 * with the USER transcript, ASSISTANT text and audio ("You said" + the caller's own audio), END_TURN. Caller speech
 * during an answer interrupts it the way Nova does: {@code { "interrupted" : true }} and contentEnd INTERRUPTED,
 * the rest dropped. Runs on the stream's Vert.x event loop only.
 */
final class EchoPersona {

    /** Audio goes out in 100 ms chunks, one per {@code answerPace}. */
    static final int CHUNK_MS = 100;
    /** Longest utterance echoed back; the rest is dropped. */
    static final int MAX_UTTERANCE_SECONDS = 10;
    private static final int PREROLL_FRAMES = 10;

    /** Where the persona's output goes. */
    interface Output {
        void event(String json);

        /** Called after each audio chunk; may reset the stream (fault injection). */
        void afterAudioChunk();
    }

    private final Vertx vertx;
    private final UtteranceDetector detector;
    private final int inputRate;
    private final int outputRate;
    private final Duration responseDelay;
    private final Duration answerPace;
    private final EmulatorFaults faults;
    private final OutputEventJson json;
    private final Output output;
    private final ArrayDeque<short[]> preroll = new ArrayDeque<>();
    private final List<short[]> utterance = new ArrayList<>();
    private int utteranceSamples;
    private boolean hearing;
    private boolean completionStarted;
    private EchoAnswer answer;
    private long usageTokens;
    private boolean stopped;

    EchoPersona(Vertx vertx, UtteranceDetector detector, int inputRate, int outputRate, EmulatorSettings settings,
            EmulatorFaults faults, OutputEventJson json, Output output) {
        this.vertx = vertx;
        this.detector = detector;
        this.inputRate = inputRate;
        this.outputRate = outputRate;
        this.responseDelay = settings.responseDelay();
        this.answerPace = settings.answerPace();
        this.faults = faults;
        this.json = json;
        this.output = output;
    }

    /** One frame of caller audio at the input rate. */
    void onAudio(short[] frame) {
        UtteranceDetector.Transition transition = detector.accept(frame);
        if (transition == UtteranceDetector.Transition.STARTED) {
            startHearing();
        }
        if (hearing) {
            keep(frame);
        } else {
            preroll.addLast(frame);
            if (preroll.size() > PREROLL_FRAMES) {
                preroll.removeFirst();
            }
        }
        if (transition == UtteranceDetector.Transition.ENDED) {
            endHearing();
        }
    }

    /** Caller text typed mid-call (cross-modal input): answered like an utterance with no audio of its own. */
    void onUserText(String text) {
        answer(text, new short[0]);
    }

    /** Stops any answer in progress; nothing more is emitted. */
    void stop() {
        stopped = true;
        if (answer != null) {
            answer.cancel();
        }
    }

    private void startHearing() {
        hearing = true;
        utterance.clear();
        utteranceSamples = 0;
        preroll.forEach(this::keep);
        preroll.clear();
        if (answer != null && answer.speaking()) {
            answer.interrupt();
        }
    }

    private void keep(short[] frame) {
        if (utteranceSamples + frame.length <= MAX_UTTERANCE_SECONDS * inputRate) {
            utterance.add(frame);
            utteranceSamples += frame.length;
        }
    }

    private void endHearing() {
        hearing = false;
        short[] audio = concat(utterance, utteranceSamples);
        String transcript = String.format(Locale.ROOT, "(caller spoke %.1f s)", (double) audio.length / inputRate);
        if (faults.neverAnswer()) {
            return;
        }
        short[] echo = PromptAudio.resample(audio, inputRate, outputRate);
        vertx.setTimer(Math.max(1, responseDelay.toMillis()), id -> answer(transcript, echo));
    }

    private void answer(String transcript, short[] echo) {
        if (stopped) {
            return;
        }
        if (!completionStarted) {
            completionStarted = true;
            output.event(json.completionStart());
        }
        short[] speech = concat(List.of(PromptAudio.prefix(outputRate), echo),
                PromptAudio.prefix(outputRate).length + echo.length);
        answer = new EchoAnswer(vertx, json, output, transcript, speech, outputRate * CHUNK_MS / 1000,
                Math.max(1, answerPace.toMillis()), outputRate);
        answer.start();
        usageTokens += 10;
        output.event(json.usage(usageTokens, usageTokens / 2));
    }

    private static short[] concat(List<short[]> parts, int total) {
        short[] out = new short[total];
        int at = 0;
        for (short[] part : parts) {
            int n = Math.min(part.length, total - at);
            System.arraycopy(part, 0, out, at, n);
            at += n;
        }
        return out;
    }
}
