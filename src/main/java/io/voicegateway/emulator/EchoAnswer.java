package io.voicegateway.emulator;

import io.vertx.core.Vertx;
import java.util.Arrays;

/**
 * One answer of the echo persona, streamed as Nova streams a turn: USER transcript (FINAL), ASSISTANT text
 * (SPECULATIVE), ASSISTANT audio chunks, then END_TURN and the ASSISTANT text (FINAL); or, when interrupted, the
 * barge-in signal in both of Nova's forms. Runs on one Vert.x event loop.
 */
final class EchoAnswer {

    private final Vertx vertx;
    private final OutputEventJson json;
    private final EchoPersona.Output output;
    private final String transcript;
    private final String reply;
    private final short[] speech;
    private final int chunkSamples;
    private final long intervalMs;
    private final int sampleRate;
    private String audioContentId;
    private int sent;
    private long timerId = -1;
    private boolean done;

    /** {@code transcript} null: no USER block (answering a tool result, not the caller). */
    EchoAnswer(Vertx vertx, OutputEventJson json, EchoPersona.Output output, String transcript, String reply,
            short[] speech, int chunkSamples, long intervalMs, int sampleRate) {
        this.vertx = vertx;
        this.json = json;
        this.output = output;
        this.transcript = transcript;
        this.reply = reply;
        this.speech = speech;
        this.chunkSamples = chunkSamples;
        this.intervalMs = intervalMs;
        this.sampleRate = sampleRate;
    }

    void start() {
        if (transcript != null) {
            textBlock("USER", "FINAL", transcript, "END_TURN");
        }
        textBlock("ASSISTANT", "SPECULATIVE", reply(), "PARTIAL_TURN");
        audioContentId = json.nextContentId();
        output.event(json.audioStart(audioContentId, sampleRate));
        scheduleNext();
    }

    /** True while audio is still being sent. */
    boolean speaking() {
        return !done;
    }

    /** The caller talked over the answer: signal it both ways Nova does, drop the rest. */
    void interrupt() {
        if (done) {
            return;
        }
        cancel();
        output.event(json.contentEnd(audioContentId, "AUDIO", "INTERRUPTED"));
        textBlock("ASSISTANT", "FINAL", "{ \"interrupted\" : true }", "INTERRUPTED");
    }

    void cancel() {
        done = true;
        if (timerId >= 0) {
            vertx.cancelTimer(timerId);
        }
    }

    private void scheduleNext() {
        timerId = vertx.setTimer(intervalMs, id -> sendChunk());
    }

    private void sendChunk() {
        if (done) {
            return;
        }
        int end = Math.min(speech.length, sent + chunkSamples);
        output.event(json.audioOutput(audioContentId, Arrays.copyOfRange(speech, sent, end)));
        sent = end;
        output.afterAudioChunk();
        if (done) {
            return;
        }
        if (sent < speech.length) {
            scheduleNext();
            return;
        }
        done = true;
        output.event(json.contentEnd(audioContentId, "AUDIO", "END_TURN"));
        textBlock("ASSISTANT", "FINAL", reply(), "END_TURN");
    }

    private String reply() {
        return reply;
    }

    private void textBlock(String role, String stage, String text, String stopReason) {
        String contentId = json.nextContentId();
        output.event(json.textStart(contentId, role, stage));
        output.event(json.textOutput(contentId, role, text));
        output.event(json.contentEnd(contentId, "TEXT", stopReason));
    }
}
