package io.voicegateway.call;

import io.voicegateway.nova.codec.OutputEvent;

/**
 * Tokens the model used on a call, by direction and kind, summed over every stream of the call (Nova reports
 * running totals per stream, which restart at renewal, so the sums add its per-event deltas), with the cost
 * estimated from the configured prices. Thread-safe.
 */
public final class CallUsage {

    private OutputEvent.Tokens tokens = OutputEvent.Tokens.NONE;
    private double costUsd;

    /** Adds one usage event's delta and its estimated cost. */
    public synchronized void add(OutputEvent.Tokens delta, double cost) {
        tokens = tokens.plus(delta);
        costUsd += cost;
    }

    public synchronized Snapshot snapshot() {
        return new Snapshot(tokens.inputSpeech(), tokens.inputText(), tokens.outputSpeech(), tokens.outputText(),
                tokens.total(), Math.round(costUsd * 1_000_000) / 1_000_000.0);
    }

    /** Token counts and the estimated cost in US dollars (rounded to micro-dollars). */
    public record Snapshot(long inputSpeechTokens, long inputTextTokens, long outputSpeechTokens,
            long outputTextTokens, long totalTokens, double estimatedCostUsd) {
    }
}
