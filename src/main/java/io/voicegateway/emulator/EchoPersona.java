package io.voicegateway.emulator;

import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The emulator's conversation: hears each caller utterance (through an {@link UtteranceDetector}), then answers
 * with the USER transcript, ASSISTANT text and audio ("You said" + the caller's own audio), END_TURN. Caller
 * text naming a tool gets a toolUse instead, and the tool's result is then spoken. Caller speech
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

        /** The persona asked for a tool: a result block for {@code toolUseId} may now come. */
        default void toolUseIssued(String toolUseId) {
        }
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
    private final long[] usageTotal = new long[4];
    private final List<String> tools;
    private final java.util.Map<String, String> pendingTools = new java.util.HashMap<>();
    private int toolUseCounter;
    private boolean stopped;

    EchoPersona(Vertx vertx, UtteranceDetector detector, int inputRate, int outputRate, EmulatorSettings settings,
            EmulatorFaults faults, OutputEventJson json, Output output, List<String> tools) {
        this.vertx = vertx;
        this.tools = List.copyOf(tools);
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

    /**
     * Caller text typed mid-call (cross-modal input): answered like an utterance with no audio of its own, unless
     * it asks for a tool (see {@link EmulatorTools#match}): then the emulator calls that tool as Nova does and
     * waits for the result.
     */
    void onUserText(String text) {
        String tool = EmulatorTools.match(text, tools);
        if (tool != null) {
            callTool(text, tool, EmulatorTools.input(text));
        } else {
            answer(text, "You said: " + text, new short[0], new long[] {0, 5, 20, 5});
        }
    }

    /** The gateway answered a tool call: the emulator speaks the result. */
    void onToolResult(String toolUseId, String content) {
        String tool = pendingTools.remove(toolUseId);
        answer(null, (tool == null ? "Tool" : tool) + " result: " + content, new short[0], new long[] {0, 5, 20, 5});
    }

    /** Nova's sequence for a tool call: the caller's transcript, then a TOOL block with toolUse ending TOOL_USE. */
    private void callTool(String transcript, String tool, String input) {
        if (stopped) {
            return;
        }
        startCompletion();
        String userId = json.nextContentId();
        output.event(json.textStart(userId, "USER", "FINAL"));
        output.event(json.textOutput(userId, "USER", transcript));
        output.event(json.contentEnd(userId, "TEXT", "END_TURN"));
        String toolUseId = "tooluse-" + (++toolUseCounter) + "-" + json.nextContentId();
        pendingTools.put(toolUseId, tool);
        output.toolUseIssued(toolUseId);
        String contentId = json.nextContentId();
        output.event(json.toolStart(contentId));
        output.event(json.toolUse(contentId, tool, toolUseId, input));
        output.event(json.contentEnd(contentId, "TOOL", "TOOL_USE"));
        usage(new long[] {0, 5, 0, 10});
    }

    /** Stops any answer in progress; nothing more is emitted. */
    void stop() {
        stopped = true;
        detector.close();
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
        vertx.setTimer(Math.max(1, responseDelay.toMillis()),
                id -> answer(transcript, "You said: " + transcript, echo, new long[] {10, 0, 20, 5}));
    }

    private void startCompletion() {
        if (!completionStarted) {
            completionStarted = true;
            output.event(json.completionStart());
        }
    }

    private void usage(long[] delta) {
        for (int i = 0; i < usageTotal.length; i++) {
            usageTotal[i] += delta[i];
        }
        output.event(json.usage(delta, usageTotal.clone()));
    }

    /** {@code transcript} null: answering a tool result, no USER block; {@code tokens} the usage to report. */
    private void answer(String transcript, String reply, short[] echo, long[] tokens) {
        if (stopped) {
            return;
        }
        startCompletion();
        short[] speech = concat(List.of(PromptAudio.prefix(outputRate), echo),
                PromptAudio.prefix(outputRate).length + echo.length);
        answer = new EchoAnswer(vertx, json, output, transcript, reply, speech, outputRate * CHUNK_MS / 1000,
                Math.max(1, answerPace.toMillis()), outputRate);
        answer.start();
        usage(tokens);
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
